import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Actor, CostDataPublishedV1, type CostDataset, type CostDatasetVersionV1 } from '@cp/contracts';
import { CostModelError, type CostScenarios, type FxTable, parseCostScenarios, parseFxTable, parsePriceBook, type PriceBook } from '@cp/cost-model';
import { HandlerError } from '@cp/messaging';
import { enqueueEvent, type OutboxRelay } from '@cp/persistence';
import type { DataSource } from 'typeorm';
import { COST_SCHEMA, OUTBOX_RELAY } from '../cost-estimation.constants.js';
import { CostDatasetEntity } from './cost-dataset.entity.js';

/** The parsed document of each data set. */
export interface CostDocuments {
  'price-book': PriceBook;
  'cost-scenarios': CostScenarios;
  'fx-rates': FxTable;
}

interface Parsed<D extends CostDataset> {
  readonly document: CostDocuments[D];
  readonly version: string;
  readonly effectiveFrom: string;
  readonly source: string;
  readonly itemCount: number;
}

function parse<D extends CostDataset>(dataset: D, json: unknown): Parsed<D> {
  try {
    switch (dataset) {
      case 'price-book': {
        const book = parsePriceBook(json);
        return { document: book as CostDocuments[D], version: book.version, effectiveFrom: book.effectiveFrom, source: book.source, itemCount: book.deviceHourRates.length + book.purchasePrices.length + book.contractRates.length };
      }
      case 'cost-scenarios': {
        const s = parseCostScenarios(json);
        const itemCount = s.mfu.length + s.inferenceThroughput.length + s.pue.length + s.network.links.length + s.network.egressPrices.length;
        return { document: s as CostDocuments[D], version: s.version, effectiveFrom: s.effectiveFrom, source: s.source, itemCount };
      }
      case 'fx-rates': {
        const fx = parseFxTable(json);
        return { document: fx as CostDocuments[D], version: fx.version, effectiveFrom: fx.effectiveFrom, source: fx.source, itemCount: fx.rates.length };
      }
    }
  } catch (error) {
    if (error instanceof CostModelError) throw new HandlerError('BAD_REQUEST', `document: ${error.message}`, `document${error.issues[0] ? `.${error.issues[0].split(':')[0]}` : ''}`);
    throw error;
  }
  throw new HandlerError('BAD_REQUEST', `dataset: unknown data set ${String(dataset)}`, 'dataset');
}

/** Canonical JSON (sorted keys), so the checksum names the content, not its formatting. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Published versions of the price book, cost scenarios and FX table. Versions are immutable,
 * so parsed documents are cached by version; publishing takes effect for every later
 * estimate at once, without a restart.
 */
@Injectable()
export class CostDatasetsService {
  private readonly cache = new Map<string, Parsed<CostDataset>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
  ) {}

  async publish(actor: Actor, dataset: CostDataset, json: unknown, now = new Date()): Promise<{ version: CostDatasetVersionV1; created: boolean }> {
    const parsed = parse(dataset, json);
    const checksum = createHash('sha256').update(canonical(parsed.document)).digest('hex');
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cp-cost-dataset-${dataset}`]);
      const existing = await manager.findOneBy(CostDatasetEntity, { dataset, version: parsed.version });
      if (existing) {
        if (existing.checksum === checksum) return { row: existing, created: false };
        throw new HandlerError('CONFLICT', `document.version: ${dataset} ${parsed.version} is already published with other content; publish a new version`, 'document.version');
      }
      const row = manager.create(CostDatasetEntity, {
        dataset,
        version: parsed.version,
        effectiveFrom: parsed.effectiveFrom,
        source: parsed.source,
        checksum,
        itemCount: parsed.itemCount,
        document: parsed.document as unknown as Record<string, unknown>,
        publishedAt: now,
        publishedBy: actor.id,
      });
      await manager.save(CostDatasetEntity, row);
      await enqueueEvent(manager, COST_SCHEMA, CostDataPublishedV1, {
        dataset,
        version: parsed.version,
        effectiveFrom: parsed.effectiveFrom,
        itemCount: parsed.itemCount,
        checksum,
        publishedAt: now.toISOString(),
      });
      return { row, created: true };
    });
    if (result.created) this.relay.nudge();
    return { version: await this.describe(result.row), created: result.created };
  }

  async list(dataset?: CostDataset): Promise<CostDatasetVersionV1[]> {
    const rows = await this.dataSource.getRepository(CostDatasetEntity).find({
      where: dataset ? { dataset } : {},
      order: { dataset: 'ASC', effectiveFrom: 'DESC', publishedAt: 'DESC' },
      select: { dataset: true, version: true, effectiveFrom: true, source: true, checksum: true, itemCount: true, publishedAt: true, publishedBy: true },
    });
    const inForce = new Map<CostDataset, string>();
    for (const row of rows) {
      if (!inForce.has(row.dataset) && row.effectiveFrom <= todayUtc()) inForce.set(row.dataset, row.version);
    }
    return rows.map((row) => this.summary(row, inForce.get(row.dataset) === row.version));
  }

  async getDocument(dataset: CostDataset, version: string): Promise<{ version: CostDatasetVersionV1; document: Record<string, unknown> }> {
    const row = await this.dataSource.getRepository(CostDatasetEntity).findOneBy({ dataset, version });
    if (!row) throw new HandlerError('NOT_FOUND', `version: no ${dataset} version ${version}`, 'version');
    return { version: await this.describe(row), document: row.document };
  }

  /**
   * The parsed version named, or the one in force on `date`; `field` names the request field
   * in errors. An FX table carries its own dated rows, history included, so for a past date
   * the table in force today answers (its rows decide the rate on that date).
   */
  async resolve<D extends CostDataset>(dataset: D, onDate: string, pinned: string | undefined, field: string): Promise<Parsed<D>> {
    const repo = this.dataSource.getRepository(CostDatasetEntity);
    const today = todayUtc();
    const date = dataset === 'fx-rates' && onDate < today ? today : onDate;
    let row: CostDatasetEntity | null;
    if (pinned !== undefined) {
      const key = `${dataset}@${pinned}`;
      const hit = this.cache.get(key);
      if (hit) return hit as Parsed<D>;
      row = await repo.findOneBy({ dataset, version: pinned });
      if (!row) throw new HandlerError('NOT_FOUND', `${field}: no ${dataset} version ${pinned}`, field);
    } else {
      row = await repo
        .createQueryBuilder('d')
        .where('d.dataset = :dataset AND d.effective_from <= :date', { dataset, date })
        .orderBy('d.effective_from', 'DESC')
        .addOrderBy('d.published_at', 'DESC')
        .limit(1)
        .getOne();
      if (!row) {
        const earliest = await repo.findOne({ where: { dataset }, order: { effectiveFrom: 'ASC' } });
        const hint = earliest ? `the earliest takes effect on ${earliest.effectiveFrom}` : 'none is published';
        throw new HandlerError('BAD_REQUEST', `${field}: no ${dataset} version is in force on ${date} (${hint})`, field);
      }
    }
    const key = `${dataset}@${row.version}`;
    const hit = this.cache.get(key);
    if (hit) return hit as Parsed<D>;
    // Stored documents were validated on publish; parsing again restores defaults and types.
    const parsed = parse(dataset, row.document);
    this.cache.set(key, parsed);
    return parsed;
  }

  private async describe(row: CostDatasetEntity): Promise<CostDatasetVersionV1> {
    const today = todayUtc();
    const current = await this.dataSource
      .getRepository(CostDatasetEntity)
      .createQueryBuilder('d')
      .select('d.version', 'version')
      .where('d.dataset = :dataset AND d.effective_from <= :today', { dataset: row.dataset, today })
      .orderBy('d.effective_from', 'DESC')
      .addOrderBy('d.published_at', 'DESC')
      .limit(1)
      .getRawOne<{ version: string }>();
    return this.summary(row, current?.version === row.version);
  }

  private summary(row: CostDatasetEntity, inForceToday: boolean): CostDatasetVersionV1 {
    return {
      dataset: row.dataset,
      version: row.version,
      effectiveFrom: row.effectiveFrom,
      source: row.source,
      checksum: row.checksum,
      itemCount: row.itemCount,
      publishedAt: row.publishedAt.toISOString(),
      publishedBy: row.publishedBy,
      inForceToday,
    };
  }
}
