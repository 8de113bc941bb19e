import type { AcceleratorV1 } from '@cp/contracts';
import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One accelerator SKU. The full specification (every figure with its source, as-of date
 * and unknown reason) is kept as loaded; the columns beside it are what queries filter on,
 * with TPP and performance density computed by libs/hardware at load.
 */
@Entity({ name: 'accelerators' })
@Index('accelerators_vendor_idx', ['vendor'])
export class AcceleratorEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  vendor!: string;

  @Column('char', { name: 'origin_country', length: 2 })
  originCountry!: string;

  @Column('double precision', { name: 'memory_gb', nullable: true })
  memoryGb!: number | null;

  @Column('double precision', { name: 'interconnect_gbps', nullable: true })
  interconnectGBps!: number | null;

  /** Precisions with a known dense rate. */
  @Column('text', { array: true })
  precisions!: string[];

  @Column('double precision', { nullable: true })
  tpp!: number | null;

  @Column('double precision', { name: 'performance_density', nullable: true })
  performanceDensity!: number | null;

  @Column('jsonb')
  spec!: Omit<AcceleratorV1, 'catalogVersion'>;

  @Column('text', { name: 'catalog_version' })
  catalogVersion!: string;

  @Column('text', { name: 'retired_in_version', nullable: true })
  retiredInVersion!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
