import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CatalogPublishedV1 } from '@cp/contracts';
import { DatasetVersionEntity, enqueueEvent, type OutboxRelay } from '@cp/persistence';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { INVENTORY_SCHEMA } from '../inventory.constants.js';
import { SiteEntity } from '../sites/site.entity.js';
import { toSiteEntity } from '../sites/sites.mapper.js';
import type { LoadedSitesFile } from './sites-file.js';

export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');

export type LoadResult =
  | { status: 'loaded'; version: string; itemCount: number; retired: number }
  | { status: 'unchanged'; version: string };

export class CatalogVersionConflictError extends Error {
  constructor(version: string) {
    super(`sites catalog version ${version} was already loaded with different content; publish it under a new version`);
    this.name = 'CatalogVersionConflictError';
  }
}

/**
 * Loads a sites dataset as one catalog version: the rows, the version record and the
 * CatalogPublished event commit together or not at all.
 */
@Injectable()
export class SiteCatalogLoader {
  private readonly logger = new Logger(SiteCatalogLoader.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
  ) {}

  async load({ file, checksum }: LoadedSitesFile): Promise<LoadResult> {
    const result = await this.dataSource.transaction(async (manager) => {
      // Serialise concurrent loads (two instances seeding at once) on the dataset.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['cp-catalog:sites']);
      const existing = await manager.findOneBy(DatasetVersionEntity, { dataset: 'sites', version: file.version });
      if (existing) {
        if (existing.checksum !== checksum) throw new CatalogVersionConflictError(file.version);
        return { status: 'unchanged', version: file.version } as const;
      }
      const ids = file.sites.map((s) => s.id);
      await manager.upsert(SiteEntity, file.sites.map((s) => toSiteEntity(s, file.version)), ['id']);
      const retired = await manager.update(
        SiteEntity,
        { id: Not(In(ids)), retiredInVersion: IsNull() },
        { retiredInVersion: file.version },
      );
      const version = await manager.save(
        manager.create(DatasetVersionEntity, {
          dataset: 'sites',
          version: file.version,
          effectiveFrom: file.effectiveFrom,
          checksum,
          source: file.source,
          itemCount: file.sites.length,
        }),
      );
      await enqueueEvent(manager, INVENTORY_SCHEMA, CatalogPublishedV1, {
        dataset: 'sites',
        version: file.version,
        effectiveFrom: file.effectiveFrom,
        itemCount: file.sites.length,
        checksum,
        publishedAt: version.loadedAt.toISOString(),
      }, { key: 'sites' });
      return { status: 'loaded', version: file.version, itemCount: file.sites.length, retired: retired.affected ?? 0 } as const;
    });
    if (result.status === 'loaded') {
      this.logger.log(`loaded sites catalog ${result.version}: ${result.itemCount} sites, ${result.retired} retired`);
      this.relay.nudge();
    }
    return result;
  }
}
