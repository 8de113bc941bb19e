import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'sites' })
@Index('sites_country_idx', ['countryCode'])
export class SiteEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('char', { name: 'country_code', length: 2 })
  countryCode!: string;

  @Column('text')
  city!: string;

  @Column('text')
  region!: string;

  @Column('double precision')
  latitude!: number;

  @Column('double precision')
  longitude!: number;

  @Column('text')
  operator!: string;

  @Column('char', { name: 'operator_hq_country', length: 2, nullable: true })
  operatorHqCountry!: string | null;

  @Column('char', { name: 'ultimate_parent_hq_country', length: 2, nullable: true })
  ultimateParentHqCountry!: string | null;

  @Column('boolean', { name: 'state_funded' })
  stateFunded!: boolean;

  /** Tariff in the local currency, exact. */
  @Column('numeric', { name: 'power_price_amount', precision: 20, scale: 6, nullable: true })
  powerPriceAmount!: string | null;

  @Column('char', { name: 'power_price_currency', length: 3, nullable: true })
  powerPriceCurrency!: string | null;

  @Column('date', { name: 'power_price_as_of', nullable: true })
  powerPriceAsOf!: string | null;

  @Column('text', { name: 'power_price_source', nullable: true })
  powerPriceSource!: string | null;

  @Column('numeric', { precision: 6, scale: 3, nullable: true })
  pue!: string | null;

  @Column('date', { name: 'pue_as_of', nullable: true })
  pueAsOf!: string | null;

  @Column('text', { name: 'pue_source', nullable: true })
  pueSource!: string | null;

  @Column('numeric', { name: 'egress_price_per_gb_amount', precision: 20, scale: 6, nullable: true })
  egressPricePerGbAmount!: string | null;

  @Column('char', { name: 'egress_price_currency', length: 3, nullable: true })
  egressPriceCurrency!: string | null;

  @Column('double precision', { name: 'international_bandwidth_gbps', nullable: true })
  internationalBandwidthGbps!: number | null;

  @Column('date', { name: 'network_as_of', nullable: true })
  networkAsOf!: string | null;

  @Column('text', { name: 'network_source', nullable: true })
  networkSource!: string | null;

  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('text')
  source!: string;

  @Column('date', { name: 'as_of' })
  asOf!: string;

  /** The catalog version that last loaded this row. */
  @Column('text', { name: 'catalog_version' })
  catalogVersion!: string;

  /** Set when a later catalog version no longer lists the site; the row stays for history. */
  @Column('text', { name: 'retired_in_version', nullable: true })
  retiredInVersion!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
