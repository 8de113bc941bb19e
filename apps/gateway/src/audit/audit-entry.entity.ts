import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditChannel = 'GRAPHQL' | 'HTTP' | 'KAFKA';

/**
 * Who did what, when, and how it ended. Append-only: a trigger refuses UPDATE, DELETE and
 * TRUNCATE, so not even the service's own connection can rewrite history.
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_at_idx', ['at', 'id'])
@Index('audit_log_actor_idx', ['actorId', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('text', { name: 'actor_id' })
  actorId!: string;

  @Column('text', { name: 'actor_roles', array: true })
  actorRoles!: string[];

  /** API_KEY, JWT, STATIC_TOKEN, NONE, REFUSED; KAFKA (a pipeline's message); GATEWAY (a stored result, see the request's entry). */
  @Column('text', { name: 'auth_method' })
  authMethod!: string;

  @Column('text')
  channel!: AuditChannel;

  /** `Mutation.acceptPlan`, `GET /exports/cost-ledger.csv`, `workload.requests` … */
  @Column('text')
  action!: string;

  /** OK, or the error code the caller got (FORBIDDEN, BAD_USER_INPUT, RATE_LIMITED …). */
  @Column('text')
  outcome!: string;

  /** Ids the action created or touched (recommendation id, key id …). */
  @Column('text', { array: true, default: () => "'{}'" })
  targets!: string[];

  /** The arguments with secrets removed and long values cut, and the error message if any. */
  @Column('jsonb')
  detail!: Record<string, unknown>;

  @Column('text', { name: 'client_ip', nullable: true })
  clientIp!: string | null;

  @Column('integer', { name: 'duration_ms', nullable: true })
  durationMs!: number | null;
}
