import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ListSitesReplyV1, ListSitesRequestV1 } from '@cp/contracts';
import type { DataSource } from 'typeorm';
import { DatasetVersionEntity } from '@cp/persistence';
import { SiteEntity } from './site.entity.js';
import { decodeCursor, encodeCursor } from './site-cursor.js';
import { toSiteV1 } from './sites.mapper.js';

@Injectable()
export class SitesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Keyset page over current (not retired) sites, ordered by id. */
  async list(request: ListSitesRequestV1): Promise<ListSitesReplyV1> {
    const query = this.dataSource
      .getRepository(SiteEntity)
      .createQueryBuilder('site')
      .where('site.retiredInVersion IS NULL');
    if (request.filter.ids) query.andWhere('site.id IN (:...ids)', { ids: request.filter.ids });
    if (request.filter.countryCode) query.andWhere('site.countryCode = :country', { country: request.filter.countryCode });
    if (request.filter.region) query.andWhere('site.region = :region', { region: request.filter.region });

    const totalCount = await query.clone().getCount();
    if (request.after) query.andWhere('site.id > :after', { after: decodeCursor(request.after) });
    const rows = await query.orderBy('site.id', 'ASC').limit(request.first + 1).getMany();
    const page = rows.slice(0, request.first);
    const latest = await this.dataSource
      .getRepository(DatasetVersionEntity)
      .findOne({ where: { dataset: 'sites' }, order: { loadedAt: 'DESC' } });
    return {
      edges: page.map((row) => ({ cursor: encodeCursor(row.id), node: toSiteV1(row) })),
      pageInfo: { hasNextPage: rows.length > request.first, endCursor: page.length > 0 ? encodeCursor(page[page.length - 1]!.id) : null },
      totalCount,
      catalogVersion: latest?.version ?? null,
    };
  }
}
