import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A placement of an accepted plan: the capacity it holds, the spend it committed, and the
 * facts and verdict it was accepted under, so a new rule pack can re-check it.
 */
@Entity({ name: 'accepted_placements' })
@Index('accepted_placements_plan_idx', ['planId'])
export class AcceptedPlacementEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'plan_id' })
  planId!: string;

  @Column('text', { name: 'workload_ref' })
  workloadRef!: string;

  @Column('text', { name: 'pool_id' })
  poolId!: string;

  @Column('uuid', { name: 'reservation_id' })
  reservationId!: string;

  @Column('integer')
  devices!: number;

  @Column('timestamptz', { name: 'window_from' })
  windowFrom!: Date;

  @Column('timestamptz', { name: 'window_to' })
  windowTo!: Date;

  @Column('numeric', { name: 'committed_amount', precision: 28, scale: 8 })
  committedAmount!: string;

  @Column('char', { name: 'committed_currency', length: 3 })
  committedCurrency!: string;

  @Column('text', { name: 'legal_entity_id' })
  legalEntityId!: string;

  /** The compliance request's workload facts and this placement's facts, as evaluated. */
  @Column('jsonb')
  facts!: { workload: Record<string, unknown>; placement: Record<string, unknown>; date: string };

  @Column('text', { name: 'verdict_outcome' })
  verdictOutcome!: string;

  @Column('text', { name: 'rule_pack_version' })
  rulePackVersion!: string;

  @Column('text', { name: 'accepted_by' })
  acceptedBy!: string;

  @Column('timestamptz', { name: 'accepted_at' })
  acceptedAt!: Date;
}
