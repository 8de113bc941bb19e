import type { PlacementFactsV1, WorkloadFactsV1 } from '@cp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A placement kept for what-if runs: re-checked whenever a draft rule pack is tried. */
@Entity({ name: 'tracked_placements' })
export class TrackedPlacementEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'legal_entity_id' })
  legalEntityId!: string;

  @Column('date')
  date!: string;

  @Column('jsonb')
  workload!: WorkloadFactsV1;

  @Column('jsonb')
  placement!: PlacementFactsV1;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
