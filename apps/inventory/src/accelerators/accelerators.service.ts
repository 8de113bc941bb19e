import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AcceleratorV1, ListAcceleratorsReplyV1, ListAcceleratorsRequestV1 } from '@cp/contracts';
import { DatasetVersionEntity } from '@cp/persistence';
import type { DataSource } from 'typeorm';
import { decodeKeysetCursor, encodeKeysetCursor } from '../common/keyset-cursor.js';
import { AcceleratorEntity } from './accelerator.entity.js';

const CURSOR_KIND = 'accelerator';

export function toAcceleratorV1(row: AcceleratorEntity): AcceleratorV1 {
  return { ...row.spec, catalogVersion: row.catalogVersion };
}

@Injectable()
export class AcceleratorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(request: ListAcceleratorsRequestV1): Promise<ListAcceleratorsReplyV1> {
    const query = this.dataSource.getRepository(AcceleratorEntity).createQueryBuilder('a').where('a.retiredInVersion IS NULL');
    const { ids, vendor, originCountry, minMemoryGb } = request.filter;
    if (ids) query.andWhere('a.id IN (:...ids)', { ids });
    if (vendor) query.andWhere('a.vendor = :vendor', { vendor });
    if (originCountry) query.andWhere('a.originCountry = :originCountry', { originCountry });
    if (minMemoryGb !== undefined) query.andWhere('a.memoryGb >= :minMemoryGb', { minMemoryGb });
    const totalCount = await query.clone().getCount();
    if (request.after) query.andWhere('a.id > :after', { after: decodeKeysetCursor(CURSOR_KIND, request.after) });
    const rows = await query.orderBy('a.id', 'ASC').limit(request.first + 1).getMany();
    const page = rows.slice(0, request.first);
    const latest = await this.dataSource.getRepository(DatasetVersionEntity).findOne({ where: { dataset: 'accelerators' }, order: { loadedAt: 'DESC' } });
    return {
      edges: page.map((row) => ({ cursor: encodeKeysetCursor(CURSOR_KIND, row.id), node: toAcceleratorV1(row) })),
      pageInfo: { hasNextPage: rows.length > request.first, endCursor: page.length > 0 ? encodeKeysetCursor(CURSOR_KIND, page[page.length - 1]!.id) : null },
      totalCount,
      catalogVersion: latest?.version ?? null,
    };
  }
}
