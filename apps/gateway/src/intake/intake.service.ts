import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlacementRecommendedV1, type WorkloadRequestInputV1 } from '@cp/contracts';
import { enqueueEvent, type OutboxRelay } from '@cp/persistence';
import { RecommendError } from '@cp/placement';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Loaders } from '../common/loaders.js';
import { PLANNING_SCHEMA } from '../gateway.options.js';
import { GATEWAY_OUTBOX } from '../plans/plans.service.js';
import { RecommendationEntity } from '../recommendations/recommendation.entity.js';
import { RecommendationsService, snapshotOf } from '../recommendations/recommendations.service.js';
import { WorkloadRequestEntity } from './workload-request.entity.js';
import { WORKLOAD_REQUEST_CHANGED, WORKLOAD_REQUEST_EVENTS, type WorkloadRequestChanged } from './workload-request.events.js';
import type { PubSub } from 'graphql-subscriptions';

const TERMINAL = new Set(['RECOMMENDED', 'FAILED']);
/**
 * How long a claim holds: longer than an evaluation takes (three bus round trips, each bounded
 * by the request timeout), short enough that a request whose evaluator died is taken over soon.
 */
const EVALUATION_LEASE_MS = 60_000;

/** Transient: the same key is being evaluated by another consumer right now. */
export class EvaluationInProgressError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`request ${idempotencyKey} is being evaluated elsewhere; retry`);
    this.name = 'EvaluationInProgressError';
  }
}

/** A request the caller got wrong: no retry can fix it, so it fails with the reason. */
function permanentFailure(error: unknown): { code: string; message: string; field: string | null } | null {
  if (error instanceof RecommendError) return { code: 'BAD_USER_INPUT', message: error.message, field: error.field };
  if (error instanceof GraphQLError) {
    const code = String(error.extensions.code ?? '');
    if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND') return { code, message: error.message, field: (error.extensions.field as string | undefined) ?? null };
  }
  return null;
}

/**
 * Workload requests from pipelines (Kafka) and GraphQL, on one path: stored once per
 * idempotency key, evaluated, and finished in one transaction that stores the recommendation,
 * marks the request and enqueues its result for `placement.recommendations` (outbox). A
 * repeat of a finished key is counted and changes nothing; a transient failure leaves the
 * request EVALUATING and is rethrown, so the message is retried and the offset not committed.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger('Intake');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(GATEWAY_OUTBOX) private readonly relay: OutboxRelay,
    private readonly recommendations: RecommendationsService,
    @Inject(WORKLOAD_REQUEST_EVENTS) private readonly events: PubSub,
  ) {}

  /** Tells subscribers the request's current state; never fails the evaluation. */
  private async changed(idempotencyKey: string): Promise<void> {
    const row = await this.byKey(idempotencyKey);
    if (row) await this.events.publish(WORKLOAD_REQUEST_CHANGED, { row } satisfies WorkloadRequestChanged).catch(() => undefined);
  }

  async submit(idempotencyKey: string, submittedBy: string, request: WorkloadRequestInputV1 | Record<string, unknown>, source: 'KAFKA' | 'GRAPHQL', loaders: Loaders, now = new Date()): Promise<WorkloadRequestEntity> {
    const repo = this.dataSource.getRepository(WorkloadRequestEntity);
    const snapshot = snapshotOf(request as Record<string, unknown>);
    await repo
      .createQueryBuilder()
      .insert()
      .values({ id: randomUUID(), idempotencyKey, status: 'RECEIVED', source, submittedBy, request: snapshot as never, recommendationId: null, error: null, duplicates: 0, receivedAt: now, updatedAt: now })
      .orIgnore()
      .execute();
    const row = (await repo.findOneBy({ idempotencyKey }))!;
    if (TERMINAL.has(row.status)) {
      await repo.increment({ id: row.id }, 'duplicates', 1);
      return { ...row, duplicates: row.duplicates + 1 };
    }
    // Claim the evaluation: a copy of the key arriving while another evaluates it is a
    // duplicate; an evaluation whose process died is taken over once its lease has run out.
    const claimed = await repo
      .createQueryBuilder()
      .update()
      .set({ status: 'EVALUATING', updatedAt: new Date() })
      .where('id = :id AND (status = :received OR (status = :evaluating AND updated_at < :stale))', {
        id: row.id,
        received: 'RECEIVED',
        evaluating: 'EVALUATING',
        stale: new Date(Date.now() - EVALUATION_LEASE_MS),
      })
      .execute();
    if (!claimed.affected) {
      const now2 = (await this.byKey(idempotencyKey))!;
      if (TERMINAL.has(now2.status)) {
        await repo.increment({ id: row.id }, 'duplicates', 1);
        return { ...now2, duplicates: now2.duplicates + 1 };
      }
      // Someone else holds the claim and may still finish: retry (the offset stays) until it
      // does, or until its lease runs out and this copy takes over.
      throw new EvaluationInProgressError(idempotencyKey);
    }

    await this.changed(idempotencyKey);
    const stored = row.request as Parameters<typeof this.recommendations.compute>[0];
    let computed;
    try {
      computed = await this.recommendations.compute(stored, loaders, now);
    } catch (error) {
      const failure = permanentFailure(error);
      if (!failure) {
        // Let the redelivery claim it again at once instead of waiting out the lease.
        await repo.update({ id: row.id, status: 'EVALUATING' }, { status: 'RECEIVED', updatedAt: new Date() }).catch(() => undefined);
        throw error;
      }
      return this.finish(row, { status: 'FAILED', recommendation: null, error: failure });
    }
    const recommendation = this.recommendations.entityOf(stored, computed, { id: submittedBy, roles: ['pipeline'] }, now);
    const error = computed.result.chosen ? null : { code: 'NO_PLACEMENT', message: this.noPlacementReason(computed.result), field: null };
    return this.finish(row, { status: 'RECOMMENDED', recommendation, error });
  }

  async byKey(idempotencyKey: string): Promise<WorkloadRequestEntity | null> {
    return this.dataSource.getRepository(WorkloadRequestEntity).findOneBy({ idempotencyKey });
  }

  /** Newest first; with `submittedBy`, only that submitter's requests. */
  async list(status: string | null, first: number, submittedBy: string | null = null): Promise<WorkloadRequestEntity[]> {
    const where = { ...(status ? { status: status as never } : {}), ...(submittedBy ? { submittedBy } : {}) };
    return this.dataSource.getRepository(WorkloadRequestEntity).find({ where, order: { receivedAt: 'DESC', id: 'ASC' }, take: first });
  }

  private noPlacementReason(result: { rejected: { reason: string }[]; counts: { candidates: number } }): string {
    if (result.counts.candidates === 0) return 'inventory has no pool that can hold the workload in its window';
    return `all ${result.counts.candidates} candidates were rejected; first: ${result.rejected[0]?.reason ?? 'unknown'}`;
  }

  private async finish(
    row: WorkloadRequestEntity,
    outcome: { status: 'RECOMMENDED' | 'FAILED'; recommendation: RecommendationEntity | null; error: { code: string; message: string; field: string | null } | null },
  ): Promise<WorkloadRequestEntity> {
    const decidedAt = new Date();
    const finished = await this.dataSource.transaction(async (manager) => {
      // Only the first finisher of a key writes: a concurrent run of the same key loses here.
      const claimed = await manager.update(
        WorkloadRequestEntity,
        { id: row.id, status: 'EVALUATING' },
        { status: outcome.status, recommendationId: outcome.recommendation?.id ?? null, error: outcome.error, updatedAt: decidedAt },
      );
      if (!claimed.affected) return false;
      if (outcome.recommendation) await manager.insert(RecommendationEntity, outcome.recommendation as never);
      // Every recommendation is audited, in the transaction that stores it.
      await this.audit.record(
        [
          {
            actorId: row.submittedBy,
            actorRoles: ['pipeline'],
            authMethod: row.source === 'KAFKA' ? 'KAFKA' : 'GRAPHQL',
            channel: row.source === 'KAFKA' ? 'KAFKA' : 'GRAPHQL',
            action: 'workload.requests',
            outcome: outcome.status === 'RECOMMENDED' ? 'OK' : (outcome.error?.code ?? 'FAILED'),
            targets: [row.id, ...(outcome.recommendation ? [outcome.recommendation.id] : [])],
            detail: { idempotencyKey: row.idempotencyKey, ...(outcome.error ? { error: outcome.error.message.slice(0, 500) } : {}) },
            at: decidedAt,
          },
        ],
        manager,
      );
      const chosen = (outcome.recommendation?.result as { chosen?: { poolId: string; siteId: string; countryCode: string; acceleratorId: string; objectives: { totalCost: { amount: string; currency: string } } } | null } | undefined)?.chosen ?? null;
      await enqueueEvent(
        manager,
        PLANNING_SCHEMA,
        PlacementRecommendedV1,
        {
          requestId: row.id,
          idempotencyKey: row.idempotencyKey,
          status: outcome.status,
          recommendationId: outcome.recommendation?.id ?? null,
          chosen: chosen ? { poolId: chosen.poolId, siteId: chosen.siteId, countryCode: chosen.countryCode, acceleratorId: chosen.acceleratorId, totalCost: { amount: chosen.objectives.totalCost.amount, currency: chosen.objectives.totalCost.currency } } : null,
          error: outcome.error,
          decidedAt: decidedAt.toISOString(),
        },
        { key: row.idempotencyKey },
      );
      return true;
    });
    if (finished) {
      this.relay.nudge();
      await this.changed(row.idempotencyKey);
    } else {
      this.logger.warn(`request ${row.idempotencyKey} was finished concurrently; this run's result was dropped`);
    }
    return (await this.byKey(row.idempotencyKey))!;
  }
}

