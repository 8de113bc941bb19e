import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CatalogPublishedV1 } from '@cp/contracts';
import { DatasetVersionEntity, enqueueEvent, type OutboxRelay } from '@cp/persistence';
import { type DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { INVENTORY_SCHEMA } from '../inventory.constants.js';
import { SiteEntity } from '../sites/site.entity.js';
import { toSiteEntity } from '../sites/sites.mapper.js';
import { AcceleratorEntity } from '../accelerators/accelerator.entity.js';
import { type LoadedAcceleratorsFile, toAcceleratorEntity } from '../accelerators/accelerators-file.js';
import { CapacityPoolEntity } from '../pools/capacity-pool.entity.js';
import { type LoadedPoolsFile, toPoolEntity } from '../pools/pools-file.js';
import type { LoadedSitesFile } from './sites-file.js';

export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');

export type LoadResult =
  | { status: 'loaded'; dataset: string; version: string; itemCount: number; retired: number }
  | { status: 'unchanged'; dataset: string; version: string };

export class CatalogVersionConflictError extends Error {
  constructor(dataset: string, version: string) {
    super(`${dataset} catalog version ${version} was already loaded with different content; publish it under a new version`);
    this.name = 'CatalogVersionConflictError';
  }
}

/** One reference dataset to load as one catalog version. */
export interface DatasetLoad {
  readonly dataset: 'sites' | 'accelerators' | 'pools';
  readonly version: string;
  readonly effectiveFrom: string;
  readonly source: string;
  readonly checksum: string;
  readonly itemCount: number;
  /** Writes the rows; returns how many earlier rows this version retired. */
  apply(manager: EntityManager): Promise<number>;
}

/**
 * Loads reference datasets as catalog versions: the rows, the version record and the
 * CatalogPublished event commit together or not at all. Loading a version again with the
 * same content changes nothing; with other content it is refused (versions are immutable).
 */
@Injectable()
export class CatalogLoader {
  private readonly logger = new Logger(CatalogLoader.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
  ) {}

  loadSites({ file, checksum }: LoadedSitesFile): Promise<LoadResult> {
    return this.load({
      dataset: 'sites',
      version: file.version,
      effectiveFrom: file.effectiveFrom,
      source: file.source,
      checksum,
      itemCount: file.sites.length,
      apply: async (manager) => {
        await manager.upsert(SiteEntity, file.sites.map((s) => toSiteEntity(s, file.version)), ['id']);
        const retired = await manager.update(
          SiteEntity,
          { id: Not(In(file.sites.map((s) => s.id))), retiredInVersion: IsNull(), catalogVersion: Not('admin-edit') },
          { retiredInVersion: file.version },
        );
        return retired.affected ?? 0;
      },
    });
  }

  loadAccelerators({ file, checksum }: LoadedAcceleratorsFile): Promise<LoadResult> {
    return this.load({
      dataset: 'accelerators',
      version: file.version,
      effectiveFrom: file.effectiveFrom,
      source: file.source,
      checksum,
      itemCount: file.accelerators.length,
      apply: async (manager) => {
        await manager.upsert(AcceleratorEntity, file.accelerators.map((a) => toAcceleratorEntity(a, file.version)), ['id']);
        const retired = await manager.update(
          AcceleratorEntity,
          { id: Not(In(file.accelerators.map((a) => a.id))), retiredInVersion: IsNull(), catalogVersion: Not('admin-edit') },
          { retiredInVersion: file.version },
        );
        return retired.affected ?? 0;
      },
    });
  }

  /** Pools of the file are created or updated; pools an administrator created are left alone. */
  loadPools({ file, checksum }: LoadedPoolsFile): Promise<LoadResult> {
    return this.load({
      dataset: 'pools',
      version: file.version,
      effectiveFrom: file.effectiveFrom,
      source: file.source,
      checksum,
      itemCount: file.pools.length,
      apply: async (manager) => {
        for (let i = 0; i < file.pools.length; i += 500) {
          await manager.upsert(CapacityPoolEntity, file.pools.slice(i, i + 500).map((p) => toPoolEntity(p, file.version)), ['id']);
        }
        return 0;
      },
    });
  }

  async load(load: DatasetLoad): Promise<LoadResult> {
    const result = await this.dataSource.transaction(async (manager): Promise<LoadResult> => {
      // Serialise concurrent loads of one dataset (two instances seeding at once).
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cp-catalog:${load.dataset}`]);
      const existing = await manager.findOneBy(DatasetVersionEntity, { dataset: load.dataset, version: load.version });
      if (existing) {
        if (existing.checksum !== load.checksum) throw new CatalogVersionConflictError(load.dataset, load.version);
        return { status: 'unchanged', dataset: load.dataset, version: load.version };
      }
      const retired = await load.apply(manager);
      const version = await manager.save(
        manager.create(DatasetVersionEntity, {
          dataset: load.dataset,
          version: load.version,
          effectiveFrom: load.effectiveFrom,
          checksum: load.checksum,
          source: load.source,
          itemCount: load.itemCount,
        }),
      );
      await enqueueEvent(
        manager,
        INVENTORY_SCHEMA,
        CatalogPublishedV1,
        {
          dataset: load.dataset,
          version: load.version,
          effectiveFrom: load.effectiveFrom,
          itemCount: load.itemCount,
          checksum: load.checksum,
          publishedAt: version.loadedAt.toISOString(),
        },
        { key: load.dataset },
      );
      return { status: 'loaded', dataset: load.dataset, version: load.version, itemCount: load.itemCount, retired };
    });
    if (result.status === 'loaded') {
      this.logger.log(`loaded ${result.dataset} catalog ${result.version}: ${result.itemCount} rows, ${result.retired} retired`);
      this.relay.nudge();
    }
    return result;
  }
}
