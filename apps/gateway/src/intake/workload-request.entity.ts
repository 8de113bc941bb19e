import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type WorkloadRequestStatus = 'RECEIVED' | 'EVALUATING' | 'RECOMMENDED' | 'FAILED';

/** A pipeline's workload request, stored once per idempotency key, with its status and result. */
@Entity({ name: 'workload_requests' })
@Index('workload_requests_status_idx', ['status', 'receivedAt'])
export class WorkloadRequestEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('workload_requests_idempotency_key_key', { unique: true })
  @Column('text', { name: 'idempotency_key' })
  idempotencyKey!: string;

  @Column('text')
  status!: WorkloadRequestStatus;

  @Column('text')
  source!: 'KAFKA' | 'GRAPHQL';

  @Column('text', { name: 'submitted_by' })
  submittedBy!: string;

  @Column('jsonb')
  request!: Record<string, unknown>;

  @Column('uuid', { name: 'recommendation_id', nullable: true })
  recommendationId!: string | null;

  @Column('jsonb', { nullable: true })
  error!: { code: string; message: string; field: string | null } | null;

  /** How many times the same key arrived again and was not evaluated twice. */
  @Column('integer', { name: 'duplicates', default: 0 })
  duplicates!: number;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
