import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An accepted placement whose verdict got worse under a newly published rule pack. */
@Entity({ name: 'placement_alerts' })
@Index('placement_alerts_once_per_pack_idx', ['placementId', 'rulePackVersion'], { unique: true })
export class PlacementAlertEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'placement_id' })
  placementId!: string;

  @Column('text', { name: 'plan_id' })
  planId!: string;

  @Column('text', { name: 'pool_id' })
  poolId!: string;

  @Column('text', { name: 'outcome_before' })
  outcomeBefore!: string;

  @Column('text', { name: 'rule_pack_before' })
  rulePackBefore!: string;

  @Column('text', { name: 'outcome_after' })
  outcomeAfter!: string;

  @Column('text', { name: 'rule_pack_version' })
  rulePackVersion!: string;

  /** The rules that decided the new outcome, with their citations. */
  @Column('jsonb', { name: 'deciding_rules' })
  decidingRules!: { ruleId: string; title: string; citations: { text: string; url: string | null }[] }[];

  @Column('jsonb', { name: 'verdict_after' })
  verdictAfter!: Record<string, unknown>;

  /** A fresh recommendation for the same workload under the new pack, when one could be made. */
  @Column('text', { name: 'suggested_pool_id', nullable: true })
  suggestedPoolId!: string | null;

  @Column('uuid', { name: 'suggested_recommendation_id', nullable: true })
  suggestedRecommendationId!: string | null;

  @Column('timestamptz', { name: 'raised_at' })
  raisedAt!: Date;
}
