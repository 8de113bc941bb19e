import type { LedgerEntryType } from '@cp/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One line of the cost ledger: committed spend of an accepted plan or actual usage. Amounts
 * are numeric(28,8) (exact, read back as strings) with their currency; no row is ever updated.
 */
@Entity({ name: 'ledger_entries' })
@Index('ledger_entries_period_idx', ['chargePeriodStart', 'id'])
@Index('ledger_entries_cost_center_idx', ['costCenter', 'chargePeriodStart'])
export class LedgerEntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('ledger_entries_idempotency_key_key', { unique: true })
  @Column('text', { name: 'idempotency_key' })
  idempotencyKey!: string;

  /** SHA-256 of the entry's content: a repeat with the same key and other content is a conflict. */
  @Column('char', { name: 'content_hash', length: 64 })
  contentHash!: string;

  @Column('text', { name: 'entry_type' })
  entryType!: LedgerEntryType;

  @Column('text', { name: 'cost_center' })
  costCenter!: string;

  @Column('text', { name: 'workload_id', nullable: true })
  workloadId!: string | null;

  @Column('text', { name: 'workload_kind' })
  workloadKind!: string;

  @Column('text', { name: 'site_id' })
  siteId!: string;

  @Column('char', { name: 'country_code', length: 2 })
  countryCode!: string;

  @Column('text')
  vendor!: string;

  @Column('text', { name: 'accelerator_id' })
  acceleratorId!: string;

  @Column('text', { name: 'pool_id', nullable: true })
  poolId!: string | null;

  @Column('date', { name: 'charge_period_start' })
  chargePeriodStart!: string;

  @Column('date', { name: 'charge_period_end' })
  chargePeriodEnd!: string;

  @Column('numeric', { precision: 28, scale: 8 })
  amount!: string;

  @Column('char', { length: 3 })
  currency!: string;

  @Column('numeric', { name: 'list_amount', precision: 28, scale: 8, nullable: true })
  listAmount!: string | null;

  @Column('numeric', { name: 'device_hours', precision: 28, scale: 8, nullable: true })
  deviceHours!: string | null;

  @Column('text', { name: 'price_book_version', nullable: true })
  priceBookVersion!: string | null;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text')
  source!: string;

  @Column('text', { name: 'recorded_by' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
