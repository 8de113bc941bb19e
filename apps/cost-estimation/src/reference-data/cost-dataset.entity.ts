import type { CostDataset } from '@cp/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One published version of a cost data set (price book, cost scenarios, FX table): the whole
 * validated document, immutable. The version in force on a date is the one with the latest
 * `effectiveFrom` at or before it (the latest published among equals).
 */
@Entity({ name: 'reference_datasets' })
@Index('reference_datasets_in_force_idx', ['dataset', 'effectiveFrom', 'publishedAt'])
export class CostDatasetEntity {
  @PrimaryColumn('text')
  dataset!: CostDataset;

  @PrimaryColumn('text')
  version!: string;

  @Column('date', { name: 'effective_from' })
  effectiveFrom!: string;

  @Column('text')
  source!: string;

  @Column('char', { length: 64 })
  checksum!: string;

  @Column('integer', { name: 'item_count' })
  itemCount!: number;

  @Column('jsonb')
  document!: Record<string, unknown>;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;

  @Column('text', { name: 'published_by' })
  publishedBy!: string;
}
