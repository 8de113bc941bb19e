import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A recommendation as it was made: the input snapshot, the versions of the reference data it
 * used, and the whole result (ranked placements with their estimates and verdicts, the Pareto
 * front, every rejection with its reason). Immutable; a replay is computed, never stored over it.
 */
@Entity({ name: 'recommendations' })
@Index('recommendations_created_at_idx', ['createdAt'])
export class RecommendationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text')
  kind!: string;

  @Column('text', { name: 'cost_center' })
  costCenter!: string;

  @Column('text', { name: 'legal_entity_id' })
  legalEntityId!: string;

  @Column('jsonb')
  input!: Record<string, unknown>;

  /** catalog, rulePack, priceBook, costScenarios, fxRates */
  @Column('jsonb')
  versions!: Record<string, string | null>;

  @Column('jsonb')
  result!: Record<string, unknown>;

  @Column('text', { name: 'chosen_pool_id', nullable: true })
  chosenPoolId!: string | null;

  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
