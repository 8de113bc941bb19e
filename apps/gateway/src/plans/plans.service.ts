import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Actor,
  type CapacityPoolV1,
  type CostEstimateV1,
  CostLedgerV1,
  EvaluateComplianceV1,
  type LedgerEntryV1Parsed,
  ListPoolsV1,
  PlacementAcceptedV1,
  PlacementAlertRaisedV1,
  ReservationCommandsV1,
  type ReservationV1,
  type RulePackPublishedV1,
  type VerdictOutcome,
  type VerdictV1,
} from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus, RemoteError } from '@cp/messaging';
import { enqueueEvent, type OutboxRelay } from '@cp/persistence';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from '../common/loaders.js';
import { placementFactsOf } from '../compliance/placement-facts.js';
import { isTraining } from '../costs/cost-workload.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions, PLANNING_SCHEMA } from '../gateway.options.js';
import { complianceWorkloadOf, RecommendationsService, type StoredResult, type WorkloadSnapshot } from '../recommendations/recommendations.service.js';
import { PortfoliosService, type StoredPortfolio } from '../portfolios/portfolios.service.js';
import type { RecommendationEntity } from '../recommendations/recommendation.entity.js';
import { AcceptedPlacementEntity } from './accepted-placement.entity.js';
import { PlacementAlertEntity } from './placement-alert.entity.js';
import { commitmentByMonth, committedSpend, type RunHold, RunHoldError, runHoldOf } from './run-hold.js';

export const GATEWAY_OUTBOX = Symbol('GATEWAY_OUTBOX_RELAY');

/** Worse is later: an accepted placement alerts when its outcome moves right. */
const SEVERITY: Readonly<Record<VerdictOutcome, number>> = { ALLOWED: 0, ALLOWED_WITH_CONDITIONS: 1, LICENSE_REQUIRED: 2, PROHIBITED: 3 };

/** A placement a plan asks for, before anything is reserved. */
interface PlannedPlacement {
  readonly placementId: string;
  readonly workloadRef: string;
  readonly poolId: string;
  readonly devices: number;
  /** The window the workload asked for; the hold is sized inside it (see runHoldOf). */
  readonly window: { from: string; to: string };
  readonly estimate: CostEstimateV1;
  readonly currency: string;
  readonly ledger: Pick<LedgerEntryV1Parsed, 'costCenter' | 'workloadKind' | 'siteId' | 'countryCode' | 'vendor' | 'acceleratorId' | 'priceBookVersion'> & { workloadId: string };
  readonly legalEntityId: string;
  readonly input: WorkloadSnapshot;
  readonly verdict: VerdictV1;
}

/** A planned placement with its pool and the capacity and spend its acceptance holds and commits. */
interface SizedPlacement extends PlannedPlacement {
  readonly pool: CapacityPoolV1;
  readonly hold: RunHold;
  readonly committed: { amount: string; currency: string };
}

function conflict(message: string, field = 'id'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', field } });
}

/**
 * Accepting a plan is a saga across services: hold capacity for every placement, commit its
 * spend to the ledger, confirm the holds, then record the acceptance and its event in one
 * transaction. A hold covers the run, not the whole window (runHoldOf), and the spend it
 * commits is that hold's device-hours at the estimate's rate, booked by month with the
 * device-hours of each month, so holds and committed spend agree. A failure at any step
 * undoes the earlier ones (holds released, ledger entries reversed), so a plan is accepted
 * whole or not at all. Every step is idempotent by a key
 * derived from the placement, so retrying an acceptance that failed half-way is safe.
 */
@Injectable()
export class PlansService {
  private readonly logger = new Logger('Plans');

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
    @Inject(GATEWAY_OUTBOX) private readonly relay: OutboxRelay,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recommendations: RecommendationsService,
    private readonly portfolios: PortfoliosService,
  ) {}

  async accepted(planId: string): Promise<AcceptedPlacementEntity[]> {
    return this.dataSource.getRepository(AcceptedPlacementEntity).find({ where: { planId }, order: { id: 'ASC' } });
  }

  async accept(planId: string, actor: Actor, loaders: Loaders, now = new Date()): Promise<AcceptedPlacementEntity[]> {
    const already = await this.accepted(planId);
    if (already.length > 0) return already;
    const planned = await Promise.all((await this.placementsOf(planId)).map((p) => this.sized(p)));

    const held: { placement: SizedPlacement; reservation: ReservationV1 }[] = [];
    const committed: LedgerEntryV1Parsed[] = [];
    try {
      for (const placement of planned) held.push({ placement, reservation: await this.hold(placement, actor) });
      for (const placement of planned) committed.push(...(await this.commitSpend(placement, actor)));
      for (const { reservation } of held) await this.reservation({ command: 'confirm', actor, reservationId: reservation.id });
    } catch (error) {
      await this.undo(held.map((h) => h.reservation), committed, actor);
      if (error instanceof RemoteError && (error.code === 'CONFLICT' || error.code === 'BAD_REQUEST' || error.code === 'NOT_FOUND')) {
        const failed = planned[Math.min(held.length, planned.length - 1)]!;
        throw conflict(`plan ${planId}: pool ${failed.poolId}: ${error.message}; nothing was reserved or committed`);
      }
      throw error;
    }

    const rows = await Promise.all(held.map(async ({ placement, reservation }) => this.acceptedRow(placement, reservation, actor, loaders, now)));
    await this.dataSource.transaction(async (manager) => {
      await manager.createQueryBuilder().insert().into(AcceptedPlacementEntity).values(rows as never).orIgnore().execute();
      await enqueueEvent(manager, PLANNING_SCHEMA, PlacementAcceptedV1, {
        planId,
        acceptedBy: actor.id,
        acceptedAt: now.toISOString(),
        placements: rows.map((r) => ({
          placementId: r.id,
          workloadRef: r.workloadRef,
          poolId: r.poolId,
          reservationId: r.reservationId,
          devices: r.devices,
          window: { from: r.windowFrom.toISOString(), to: r.windowTo.toISOString() },
          committed: { amount: r.committedAmount, currency: r.committedCurrency },
        })),
      }, { key: planId });
    });
    this.relay.nudge();
    return this.accepted(planId);
  }

  async alerts(planId?: string): Promise<PlacementAlertEntity[]> {
    return this.dataSource.getRepository(PlacementAlertEntity).find({ where: planId ? { planId } : {}, order: { raisedAt: 'DESC' } });
  }

  /**
   * Re-checks every accepted placement under a newly published rule pack, on the date it was
   * first evaluated for, and raises an alert (once per placement and pack) where the outcome
   * got worse, with a fresh recommendation for the same workload as the suggested move.
   */
  async recheck(event: RulePackPublishedV1, now = new Date()): Promise<number> {
    const placements = await this.dataSource.getRepository(AcceptedPlacementEntity).find();
    const stale = placements.filter((p) => p.rulePackVersion !== event.version);
    let raised = 0;
    for (const placement of stale) {
      const reply = await this.bus.request(
        EvaluateComplianceV1,
        {
          date: placement.facts.date,
          legalEntityId: placement.legalEntityId,
          rulePackVersion: event.version,
          workload: placement.facts.workload as never,
          candidates: [{ candidateId: placement.id, placement: placement.facts.placement as never }],
          track: false,
        },
        { timeoutMs: this.options.requestTimeoutMs },
      );
      const verdict = reply.verdicts[0]!.verdict;
      if (SEVERITY[verdict.outcome] <= SEVERITY[placement.verdictOutcome as VerdictOutcome]) continue;
      if (await this.dataSource.getRepository(PlacementAlertEntity).existsBy({ placementId: placement.id, rulePackVersion: event.version })) continue;
      const suggestion = await this.suggest(placement.planId);
      const alert: PlacementAlertEntity = Object.assign(new PlacementAlertEntity(), {
        id: randomUUID(),
        placementId: placement.id,
        planId: placement.planId,
        poolId: placement.poolId,
        outcomeBefore: placement.verdictOutcome,
        rulePackBefore: placement.rulePackVersion,
        outcomeAfter: verdict.outcome,
        rulePackVersion: event.version,
        decidingRules: verdict.reasons.filter((r) => r.outcome === verdict.outcome).map((r) => ({ ruleId: r.ruleId, title: r.title, citations: r.citations.map((c) => ({ text: c.text, url: c.url })) })),
        verdictAfter: verdict as unknown as Record<string, unknown>,
        suggestedPoolId: suggestion?.poolId ?? null,
        suggestedRecommendationId: suggestion?.recommendationId ?? null,
        raisedAt: now,
      });
      await this.dataSource.transaction(async (manager) => {
        const inserted = await manager.createQueryBuilder().insert().into(PlacementAlertEntity).values(alert as never).orIgnore().execute();
        if ((inserted.identifiers ?? []).filter(Boolean).length === 0) return;
        await enqueueEvent(manager, PLANNING_SCHEMA, PlacementAlertRaisedV1, {
          alertId: alert.id,
          planId: alert.planId,
          placementId: alert.placementId,
          poolId: alert.poolId,
          before: { outcome: placement.verdictOutcome as VerdictOutcome, rulePackVersion: placement.rulePackVersion },
          after: { outcome: verdict.outcome, rulePackVersion: event.version, decidingRules: alert.decidingRules.map((r) => r.ruleId) },
          suggestedPoolId: alert.suggestedPoolId,
          raisedAt: now.toISOString(),
        }, { key: alert.planId });
      });
      raised += 1;
    }
    if (raised > 0) this.relay.nudge();
    return raised;
  }

  /** The placements a plan asks for: a recommendation's choice, or every assignment of a portfolio plan. */
  private async placementsOf(planId: string): Promise<PlannedPlacement[]> {
    const portfolio = await this.portfolios.find(planId);
    if (!portfolio) {
      const rec = await this.recommendations.get(planId);
      const chosen = (rec.result as unknown as StoredResult).chosen;
      if (!chosen) throw conflict(`recommendation ${planId} chose no placement; there is nothing to accept`);
      return [this.placementFrom(rec, chosen.candidateId, `${planId}:1`, `recommendation:${planId}`)];
    }
    const stored = portfolio.result as unknown as StoredPortfolio;
    if (stored.plan.assignment.length === 0) throw conflict(`portfolio plan ${planId} is ${stored.plan.status} and assigns nothing; there is nothing to accept`);
    return Promise.all(
      stored.plan.assignment.map(async (a, index) => {
        const rec = await this.recommendations.get(stored.workloads[a.workloadId]!.recommendationId);
        return this.placementFrom(rec, a.poolId, `${planId}:${index + 1}`, `portfolio:${planId}:${a.workloadId}`);
      }),
    );
  }

  private placementFrom(rec: RecommendationEntity, candidateId: string, placementId: string, workloadRef: string): PlannedPlacement {
    const result = rec.result as unknown as StoredResult;
    const ranked = [result.chosen, ...result.alternatives].find((r) => r?.candidateId === candidateId);
    const detail = result.details[candidateId];
    if (!ranked || !detail?.estimate) throw conflict(`recommendation ${rec.id} has no priced placement on ${candidateId}`);
    const input = rec.input as WorkloadSnapshot;
    const window = input.window as { from: string; to: string };
    const devices = isTraining(input.workload.kind) ? Number(input.workload.devices) : Number(detail.estimate.devices.expected);
    return {
      placementId,
      workloadRef,
      poolId: ranked.poolId,
      devices,
      window,
      estimate: detail.estimate,
      currency: ranked.objectives.totalCost.currency,
      ledger: {
        costCenter: rec.costCenter,
        workloadId: (input.name as string | undefined) ?? rec.id,
        workloadKind: input.workload.kind as LedgerEntryV1Parsed['workloadKind'],
        siteId: ranked.siteId,
        countryCode: ranked.countryCode,
        vendor: ranked.vendor,
        acceleratorId: ranked.acceleratorId,
        priceBookVersion: (rec.versions.priceBook as string | null) ?? null,
      },
      legalEntityId: rec.legalEntityId,
      input,
      verdict: detail.verdict,
    };
  }

  /** Reads the pool and sizes the hold and its spend, before anything is reserved. */
  private async sized(placement: PlannedPlacement): Promise<SizedPlacement> {
    const pools = await this.bus.request(ListPoolsV1, { first: 1, after: null, filter: { ids: [placement.poolId] } }, { timeoutMs: this.options.requestTimeoutMs });
    const pool = pools.edges[0]?.node;
    if (!pool) throw conflict(`plan placement ${placement.placementId}: pool ${placement.poolId} no longer exists; nothing was reserved or committed`);
    try {
      const hold = runHoldOf({ kind: placement.input.workload.kind, window: placement.window, availableFrom: pool.availableFrom, devices: placement.devices, estimate: placement.estimate });
      return { ...placement, pool, hold, committed: { amount: committedSpend(placement.estimate, hold), currency: placement.currency } };
    } catch (error) {
      if (error instanceof RunHoldError) throw conflict(`plan placement ${placement.placementId}: pool ${placement.poolId}: ${error.message}; nothing was reserved or committed`);
      throw error;
    }
  }

  private async hold(placement: SizedPlacement, actor: Actor): Promise<ReservationV1> {
    const reply = await this.reservation({
      command: 'reserve',
      actor,
      poolId: placement.poolId,
      quantity: placement.hold.devices,
      window: placement.hold.window,
      workloadRef: placement.workloadRef,
      idempotencyKey: `accept:${placement.placementId}`,
      holdSeconds: 900,
    });
    return reply.reservation;
  }

  private async commitSpend(placement: SizedPlacement, actor: Actor): Promise<LedgerEntryV1Parsed[]> {
    const entries: LedgerEntryV1Parsed[] = commitmentByMonth(placement.committed.amount, placement.hold).map((part) => ({
      idempotencyKey: `plan:${placement.placementId}:${part.chargePeriodStart}`,
      entryType: 'COMMITTED',
      ...placement.ledger,
      poolId: placement.poolId,
      chargePeriodStart: part.chargePeriodStart,
      chargePeriodEnd: part.chargePeriodEnd,
      amount: part.amount,
      currency: placement.committed.currency,
      listAmount: null,
      deviceHours: part.deviceHours,
      description: `accepted plan ${placement.placementId}: ${placement.hold.devices} devices on ${placement.poolId}, ${placement.hold.basis}`.slice(0, 500),
    }));
    await this.bus.request(CostLedgerV1, { command: 'record', actor, source: 'PLAN', entries }, { timeoutMs: this.options.requestTimeoutMs });
    return entries;
  }

  /** Best effort, every step attempted: release holds, reverse committed entries. */
  private async undo(reservations: readonly ReservationV1[], committed: readonly LedgerEntryV1Parsed[], actor: Actor): Promise<void> {
    for (const reservation of reservations) {
      try {
        await this.reservation({ command: 'release', actor, reservationId: reservation.id });
      } catch (error) {
        // An unconfirmed hold expires by itself; say so rather than hide it.
        this.logger.error(`could not release reservation ${reservation.id}; its hold expires at ${reservation.expiresAt}: ${String(error)}`);
      }
    }
    if (committed.length === 0) return;
    const reversals = committed.map((e) => ({ ...e, idempotencyKey: `${e.idempotencyKey}:reversal`, amount: e.amount.startsWith('-') ? e.amount.slice(1) : `-${e.amount}`, description: `reversal: ${e.description ?? ''}`.slice(0, 500) }));
    try {
      await this.bus.request(CostLedgerV1, { command: 'record', actor, source: 'PLAN', entries: reversals }, { timeoutMs: this.options.requestTimeoutMs });
    } catch (error) {
      this.logger.error(`could not reverse ${reversals.length} committed entries: ${String(error)}`);
    }
  }

  private async acceptedRow(placement: SizedPlacement, reservation: ReservationV1, actor: Actor, loaders: Loaders, now: Date): Promise<AcceptedPlacementEntity> {
    const pool = placement.pool;
    const [site, accelerator] = await Promise.all([loaders.site.load(pool.siteId), loaders.accelerator.load(pool.acceleratorId)]);
    return Object.assign(new AcceptedPlacementEntity(), {
      id: placement.placementId,
      planId: placement.placementId.slice(0, placement.placementId.lastIndexOf(':')),
      workloadRef: placement.workloadRef,
      poolId: placement.poolId,
      reservationId: reservation.id,
      devices: placement.hold.devices,
      windowFrom: new Date(placement.hold.window.from),
      windowTo: new Date(placement.hold.window.to),
      committedAmount: placement.committed.amount,
      committedCurrency: placement.committed.currency,
      legalEntityId: placement.legalEntityId,
      facts: { workload: complianceWorkloadOf(placement.input), placement: placementFactsOf(pool, site, accelerator) as unknown as Record<string, unknown>, date: placement.verdict.evaluatedFor },
      verdictOutcome: placement.verdict.outcome,
      rulePackVersion: placement.verdict.rulePackVersion,
      acceptedBy: actor.id,
      acceptedAt: now,
    });
  }

  private async suggest(planId: string): Promise<{ poolId: string; recommendationId: string } | null> {
    try {
      const original = await this.recommendations.get(planId);
      const loaders = createLoaders(this.bus, this.options.requestTimeoutMs);
      const fresh = await this.recommendations.recommend(original.input as never, { id: 'placement-alerts', roles: ['planner'] }, loaders, new Date(), 'KAFKA');
      return fresh.chosenPoolId ? { poolId: fresh.chosenPoolId, recommendationId: fresh.id } : null;
    } catch (error) {
      this.logger.warn(`no suggested re-placement for plan ${planId}: ${String(error)}`);
      return null;
    }
  }

  private async reservation(command: Parameters<MessageBus['request']>[1] & Record<string, unknown>) {
    return this.bus.request(ReservationCommandsV1, command as never, { timeoutMs: this.options.requestTimeoutMs });
  }
}
