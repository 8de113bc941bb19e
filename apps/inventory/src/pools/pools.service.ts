import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CandidatesReplyV1, type CandidatesRequestV1, HELD_BACK_LIST_MAX, type ListPoolsReplyV1, type ListPoolsRequestV1 } from '@cp/contracts';
import { HandlerError } from '@cp/messaging';
import type { DataSource } from 'typeorm';
import { decodeKeysetCursor, encodeKeysetCursor } from '../common/keyset-cursor.js';
import { heldBackOf, precisionAssumptionsOf } from './held-back.js';
import { type CandidateRow, candidatesSql, POOL_COLUMNS, poolFrom, type PoolRow, poolFilterConditions, type PoolWindow, SqlParams } from './pool-query.js';
import { toPoolV1 } from './pools.mapper.js';

const CURSOR_KIND = 'pool';

/** "Now" as a window: free capacity at this instant. */
export function windowOrNow(window: { from: string; to: string } | undefined, now: Date): PoolWindow {
  if (window) return { from: new Date(window.from), to: new Date(window.to) };
  return { from: now, to: new Date(now.getTime() + 1_000) };
}

@Injectable()
export class PoolsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(request: ListPoolsRequestV1, now = new Date()): Promise<ListPoolsReplyV1> {
    const params = new SqlParams();
    const from = poolFrom(params, windowOrNow(request.filter.window, now), now);
    const where = poolFilterConditions(params, request.filter);
    const countSql = `SELECT count(*)::int AS n ${from} WHERE ${where.join(' AND ')}`;
    const [{ n: totalCount }] = (await this.dataSource.query(countSql, params.values)) as [{ n: number }];

    if (request.after) where.push(`p.id > ${params.add(decodeKeysetCursor(CURSOR_KIND, request.after))}`);
    const limit = params.add(request.first + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${POOL_COLUMNS} ${from} WHERE ${where.join(' AND ')} ORDER BY p.id LIMIT ${limit}`,
      params.values,
    )) as PoolRow[];
    const page = rows.slice(0, request.first);
    return {
      edges: page.map((row) => ({ cursor: encodeKeysetCursor(CURSOR_KIND, row.id), node: toPoolV1(row) })),
      pageInfo: { hasNextPage: rows.length > request.first, endCursor: page.length > 0 ? encodeKeysetCursor(CURSOR_KIND, page[page.length - 1]!.id) : null },
      totalCount,
    };
  }

  /**
   * Every pool that can physically hold the workload in its window, most free capacity first,
   * and what was held back and why (counted per filter, the closest listed).
   */
  async candidates(request: CandidatesRequestV1, now = new Date()): Promise<CandidatesReplyV1> {
    const requirements = request.requirements;
    const window = requirements.window;
    if (Date.parse(window.from) < now.getTime() - 24 * 3600_000) {
      throw new HandlerError('BAD_REQUEST', 'requirements.window.from: must not be in the past', 'requirements.window.from');
    }
    const params = new SqlParams();
    const sql = candidatesSql(params, requirements, windowOrNow(window, now), now, request.limit, HELD_BACK_LIST_MAX);
    const rows = (await this.dataSource.query(sql, params.values)) as CandidateRow[];
    const [version] = (await this.dataSource.query(
      `SELECT version FROM inventory.dataset_versions WHERE dataset = 'pools' ORDER BY loaded_at DESC LIMIT 1`,
    )) as { version: string }[];
    const kept = rows.filter((row) => row.filter === null);
    return {
      candidates: kept.map((row) => toPoolV1({ ...row, free_devices: row.free_devices ?? 0 })),
      matched: rows[0]?.matched ?? 0,
      catalogVersion: version?.version ?? null,
      heldBack: heldBackOf(rows, requirements),
      precisionAssumptions: precisionAssumptionsOf(kept, requirements),
    };
  }
}
