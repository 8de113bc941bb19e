import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AcceleratorEntity } from '../accelerators/accelerator.entity.js';
import { SiteEntity } from '../sites/site.entity.js';

@Entity({ name: 'capacity_pools' })
@Index('capacity_pools_site_idx', ['siteId'])
@Index('capacity_pools_accelerator_idx', ['acceleratorId'])
@Check('capacity_pools_device_count_check', '"device_count" >= 0')
@Check('capacity_pools_ownership_check', `"ownership" IN ('OWNED', 'LEASED_IAAS', 'COLOCATION')`)
@Check('capacity_pools_price_basis_check', `"price_basis" IN ('ON_DEMAND', 'COMMITTED', 'CAPEX')`)
export class CapacityPoolEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { name: 'site_id' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'capacity_pools_site_fk' })
  site?: Relation<SiteEntity>;

  @Column('text', { name: 'accelerator_id' })
  acceleratorId!: string;

  @ManyToOne(() => AcceleratorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accelerator_id', foreignKeyConstraintName: 'capacity_pools_accelerator_fk' })
  accelerator?: Relation<AcceleratorEntity>;

  @Column('integer', { name: 'device_count' })
  deviceCount!: number;

  @Column('integer', { name: 'devices_per_node' })
  devicesPerNode!: number;

  @Column('text')
  ownership!: string;

  @Column('text', { name: 'price_basis' })
  priceBasis!: string;

  @Column('numeric', { name: 'price_amount', precision: 20, scale: 6 })
  priceAmount!: string;

  @Column('char', { name: 'price_currency', length: 3 })
  priceCurrency!: string;

  @Column('text', { name: 'price_source' })
  priceSource!: string;

  @Column('timestamptz', { name: 'available_from' })
  availableFrom!: Date;

  @Column('timestamptz', { name: 'available_to', nullable: true })
  availableTo!: Date | null;

  /** Catalog version that created the pool; null for pools created by an admin. */
  @Column('text', { name: 'catalog_version', nullable: true })
  catalogVersion!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
