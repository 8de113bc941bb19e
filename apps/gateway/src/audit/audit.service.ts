import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditChannel, AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditRecord {
  readonly actorId: string;
  readonly actorRoles: readonly string[];
  readonly authMethod: string;
  readonly channel: AuditChannel;
  readonly action: string;
  readonly outcome: string;
  readonly targets?: readonly string[];
  readonly detail: Record<string, unknown>;
  readonly clientIp?: string | null;
  readonly durationMs?: number | null;
  readonly at?: Date;
}

export interface AuditFilter {
  readonly actorId?: string | null;
  readonly action?: string | null;
  readonly outcome?: string | null;
  readonly target?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends entries, inside the caller's transaction when one is given. */
  async record(entries: readonly AuditRecord[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (entries.length === 0) return;
    await manager.insert(
      AuditEntryEntity,
      entries.map((e) => ({ ...e, detail: e.detail as never, actorRoles: [...e.actorRoles], targets: [...(e.targets ?? [])], clientIp: e.clientIp ?? null, durationMs: e.durationMs ?? null, at: e.at ?? new Date() })),
    );
  }

  /**
   * For entries written after the caller already has its answer (GraphQL responses, exports):
   * retried once, and a failure is logged loudly with the entry, never swallowed silently.
   */
  async recordAfter(entries: readonly AuditRecord[]): Promise<void> {
    try {
      await this.record(entries);
    } catch (first) {
      try {
        await this.record(entries);
      } catch (error) {
        this.logger.error(`audit entries not written (${error instanceof Error ? error.message : String(error)}; first try: ${first instanceof Error ? first.message : String(first)}): ${JSON.stringify(entries)}`);
      }
    }
  }

  /** Newest first, keyset-paged by (at, id). */
  async page(filter: AuditFilter, first: number, after: { at: Date; id: string } | null): Promise<AuditEntryEntity[]> {
    const query = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (filter.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.outcome) query.andWhere('a.outcome = :outcome', { outcome: filter.outcome });
    if (filter.target) query.andWhere(':target = ANY(a.targets)', { target: filter.target });
    if (filter.from) query.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.at < :to', { to: filter.to });
    if (after) query.andWhere('(a.at, a.id) < (:afterAt, :afterId)', { afterAt: after.at, afterId: after.id });
    return query.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').limit(first).getMany();
  }
}
