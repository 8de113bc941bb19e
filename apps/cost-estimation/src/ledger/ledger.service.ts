import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, LedgerEntryV1, LedgerEntryV1Parsed, LedgerFilterV1, Role } from '@cp/contracts';
import { HandlerError } from '@cp/messaging';
import { requireRole } from '@cp/service-kit';

import type { DataSource, EntityManager } from 'typeorm';
import { Decimal, formatAmount, formatQuantity } from './amounts.js';
import { LedgerEntryEntity } from './ledger-entry.entity.js';
import { ledgerWhere } from './ledger-filter.js';

export type LedgerSource = 'GRAPHQL' | 'KAFKA' | 'PLAN';

/** Who may write which kind of entry. */
const WRITERS: Readonly<Record<LedgerEntryV1Parsed['entryType'], Role[]>> = {
  ACTUAL: ['finance', 'pipeline'],
  COMMITTED: ['planner', 'finance'],
};

/** Rows per INSERT: 24 parameters each stays far below PostgreSQL's 65,535. */
const INSERT_CHUNK = 1_000;

function contentHash(entry: LedgerEntryV1Parsed): string {
  const normalised = {
    ...entry,
    amount: new Decimal(entry.amount).toFixed(),
    listAmount: entry.listAmount === null ? null : new Decimal(entry.listAmount).toFixed(),
    deviceHours: entry.deviceHours === null ? null : new Decimal(entry.deviceHours).toFixed(),
  };
  const keys = Object.keys(normalised).sort() as (keyof typeof normalised)[];
  return createHash('sha256')
    .update(JSON.stringify(keys.map((k) => [k, normalised[k]])))
    .digest('hex');
}

export function toLedgerEntry(row: LedgerEntryEntity): LedgerEntryV1 {
  return {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    entryType: row.entryType,
    costCenter: row.costCenter,
    workloadId: row.workloadId,
    workloadKind: row.workloadKind as LedgerEntryV1['workloadKind'],
    siteId: row.siteId,
    countryCode: row.countryCode,
    vendor: row.vendor,
    acceleratorId: row.acceleratorId,
    poolId: row.poolId,
    chargePeriodStart: row.chargePeriodStart,
    chargePeriodEnd: row.chargePeriodEnd,
    amount: formatAmount(row.amount),
    currency: row.currency,
    listAmount: row.listAmount === null ? null : formatAmount(row.listAmount),
    deviceHours: formatQuantity(row.deviceHours),
    priceBookVersion: row.priceBookVersion,
    description: row.description,
    source: row.source as LedgerEntryV1['source'],
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}

function encodeCursor(row: { chargePeriodStart: string; id: string }): string {
  return Buffer.from(`${row.chargePeriodStart}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { date: string; id: string } {
  const [date, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!date || !id || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^[0-9a-f-]{36}$/.test(id)) throw new HandlerError('BAD_REQUEST', 'after: not a cursor of this ledger', 'after');
  return { date, id };
}

/**
 * The cost ledger. Writes are all-or-nothing per batch and idempotent per entry: a key seen
 * before with the same content is counted as a duplicate, with other content the whole batch
 * is refused, naming the key.
 */
@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(actor: Actor, source: LedgerSource, entries: readonly LedgerEntryV1Parsed[], now = new Date()): Promise<{ recorded: number; duplicates: number; ids: string[] }> {
    for (const type of new Set(entries.map((e) => e.entryType))) requireRole(actor, WRITERS[type], `recording ${type.toLowerCase()} spend`);
    const seen = new Map<string, string>();
    entries.forEach((entry, index) => {
      const hash = contentHash(entry);
      const earlier = seen.get(entry.idempotencyKey);
      if (earlier !== undefined && earlier !== hash) {
        throw new HandlerError('CONFLICT', `entries.${index}.idempotencyKey: ${entry.idempotencyKey} appears twice in the batch with different content`, `entries.${index}.idempotencyKey`);
      }
      seen.set(entry.idempotencyKey, hash);
    });
    return this.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      let recorded = 0;
      const unique = [...new Map(entries.map((e) => [e.idempotencyKey, e])).values()];
      for (let start = 0; start < unique.length; start += INSERT_CHUNK) {
        const chunk = unique.slice(start, start + INSERT_CHUNK);
        const inserted = await this.insertChunk(manager, chunk, actor.id, source, now);
        recorded += inserted.size;
        await this.checkDuplicates(manager, chunk, inserted);
        ids.push(...inserted.values());
      }
      return { recorded, duplicates: entries.length - recorded, ids };
    });
  }

  async page(filter: LedgerFilterV1, after: string | null, first: number): Promise<{ entries: LedgerEntryV1[]; endCursor: string | null; hasNextPage: boolean }> {
    const where = ledgerWhere(filter);
    const params = [...where.params];
    // Dates as text: node-postgres would parse them into local-time Date objects.
    let sql = `SELECT e.*, e.charge_period_start::text AS period_start, e.charge_period_end::text AS period_end FROM cost.ledger_entries e WHERE ${where.sql}`;
    if (after !== null) {
      const cursor = decodeCursor(after);
      params.push(cursor.date, cursor.id);
      sql += ` AND (e.charge_period_start, e.id) > ($${params.length - 1}::date, $${params.length}::uuid)`;
    }
    params.push(first + 1);
    sql += ` ORDER BY e.charge_period_start, e.id LIMIT $${params.length}`;
    const raw: Record<string, unknown>[] = await this.dataSource.query(sql, params);
    const rows = raw.slice(0, first).map((r) => this.fromRaw(r));
    const last = rows.at(-1);
    return { entries: rows.map(toLedgerEntry), endCursor: last ? encodeCursor(last) : null, hasNextPage: raw.length > first };
  }

  private async insertChunk(manager: EntityManager, chunk: readonly LedgerEntryV1Parsed[], recordedBy: string, source: LedgerSource, now: Date): Promise<Map<string, string>> {
    const columns = [
      'id', 'idempotency_key', 'content_hash', 'entry_type', 'cost_center', 'workload_id', 'workload_kind', 'site_id', 'country_code', 'vendor',
      'accelerator_id', 'pool_id', 'charge_period_start', 'charge_period_end', 'amount', 'currency', 'list_amount', 'device_hours',
      'price_book_version', 'description', 'source', 'recorded_by', 'recorded_at',
    ];
    const params: unknown[] = [];
    const tuples = chunk.map((e) => {
      const values = [
        randomUUID(), e.idempotencyKey, contentHash(e), e.entryType, e.costCenter, e.workloadId, e.workloadKind, e.siteId, e.countryCode, e.vendor,
        e.acceleratorId, e.poolId, e.chargePeriodStart, e.chargePeriodEnd, e.amount, e.currency, e.listAmount, e.deviceHours,
        e.priceBookVersion, e.description, source, recordedBy, now,
      ];
      const placeholders = values.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const rows: { id: string; idempotency_key: string }[] = await manager.query(
      `INSERT INTO cost.ledger_entries (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key`,
      params,
    );
    return new Map(rows.map((r) => [r.idempotency_key, r.id]));
  }

  /** Keys that were not inserted exist already: they must hold the same content. */
  private async checkDuplicates(manager: EntityManager, chunk: readonly LedgerEntryV1Parsed[], inserted: Map<string, string>): Promise<void> {
    const repeated = chunk.filter((e) => !inserted.has(e.idempotencyKey));
    if (repeated.length === 0) return;
    const existing: { idempotency_key: string; content_hash: string }[] = await manager.query(
      'SELECT idempotency_key, content_hash FROM cost.ledger_entries WHERE idempotency_key = ANY($1)',
      [repeated.map((e) => e.idempotencyKey)],
    );
    const hashes = new Map(existing.map((r) => [r.idempotency_key, r.content_hash]));
    for (const entry of repeated) {
      if (hashes.get(entry.idempotencyKey) !== contentHash(entry)) {
        throw new HandlerError('CONFLICT', `idempotencyKey: ${entry.idempotencyKey} is already recorded with other content; nothing in this batch was recorded`, 'idempotencyKey');
      }
    }
  }

  private fromRaw(r: Record<string, unknown>): LedgerEntryEntity {
    return Object.assign(new LedgerEntryEntity(), {
      id: r.id,
      idempotencyKey: r.idempotency_key,
      contentHash: r.content_hash,
      entryType: r.entry_type,
      costCenter: r.cost_center,
      workloadId: r.workload_id,
      workloadKind: r.workload_kind,
      siteId: r.site_id,
      countryCode: r.country_code,
      vendor: r.vendor,
      acceleratorId: r.accelerator_id,
      poolId: r.pool_id,
      chargePeriodStart: String(r.period_start),
      chargePeriodEnd: String(r.period_end),
      amount: r.amount,
      currency: r.currency,
      listAmount: r.list_amount,
      deviceHours: r.device_hours,
      priceBookVersion: r.price_book_version,
      description: r.description,
      source: r.source,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at instanceof Date ? r.recorded_at : new Date(String(r.recorded_at)),
    });
  }
}
