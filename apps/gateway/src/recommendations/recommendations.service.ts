import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AcceleratorV1,
  type Actor,
  CandidatesV1,
  type CapacityPoolV1,
  type CostEstimateV1,
  EstimateCostV1,
  EvaluateComplianceV1,
  type PrecisionAssumptionV1,
  type SiteV1,
  type VerdictV1,
  WorkloadRequirementsV1,
} from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import { recommendPlacement, type RecommendCandidate, type RecommendationResult, withLeadTime } from '@cp/placement';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { parseAs, userInputError } from '../common/graphql-errors.js';
import type { Loaders } from '../common/loaders.js';
import { placementFactsOf } from '../compliance/placement-facts.js';
import { costCandidateOf } from '../costs/cost-facts.js';
import { estimateInputPath } from '../costs/cost-paths.js';
import type { CostWorkloadInput } from '../costs/cost.input.js';
import { costWorkloadOf, isTraining, withoutNulls } from '../costs/cost-workload.js';
import type { AuditChannel } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { heldBackInputOf } from './held-back.mapper.js';
import { RecommendationEntity } from './recommendation.entity.js';
import type { WorkloadInput } from './workload.input.js';

/** Ranked placements kept with their full estimate and verdict; the rest keep their summary. */
const DETAILED = 50;
const CANDIDATE_LIMIT = 5_000;

export interface StoredResult extends RecommendationResult {
  /** Estimates and verdicts of the chosen placement and the detailed alternatives, by candidate id. */
  readonly details: Record<string, { estimate: CostEstimateV1 | null; verdict: VerdictV1 }>;
  /** How many pools inventory matched before the limit, what it was asked for, and the precisions it substituted (absent in rows stored before). */
  readonly inventory: { matched: number; returned: number; requirements: Record<string, unknown>; precisionAssumptions?: PrecisionAssumptionV1[] };
}

export interface Computed {
  readonly result: StoredResult;
  readonly versions: Record<string, string | null>;
  readonly pricingDate: string;
}

/** The GraphQL input as stored: plain JSON, nulls dropped. */
export type WorkloadSnapshot = Record<string, unknown> & Pick<WorkloadInput, 'legalEntityId' | 'costCenter' | 'currency'> & { workload: Record<string, unknown> & { kind: string } };

/** The workload facts compliance reads, from a stored input. */
export function complianceWorkloadOf(input: WorkloadSnapshot): Record<string, unknown> {
  const d = (input.data as Record<string, unknown> | undefined) ?? {};
  return {
    kind: input.workload.kind,
    servesPublicIn: (input.servesPublicIn as string[] | undefined) ?? [],
    data: {
      originCountry: d.originCountry ?? null,
      personalInfoIndividuals: d.personalInfoIndividuals ?? 0,
      sensitivePersonalInfoIndividuals: d.sensitivePersonalInfoIndividuals ?? 0,
      importantData: d.importantData ?? false,
      cumulativePersonalInfoIndividualsThisYear: d.cumulativePersonalInfoIndividualsThisYear ?? 0,
      cumulativeSensitivePersonalInfoIndividualsThisYear: d.cumulativeSensitivePersonalInfoIndividualsThisYear ?? 0,
      personalInfoIndividualsSincePreviousYear: d.personalInfoIndividualsSincePreviousYear ?? 0,
      sensitivePersonalInfoIndividualsSincePreviousYear: d.sensitivePersonalInfoIndividualsSincePreviousYear ?? 0,
    },
  };
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function snapshotOf(input: WorkloadInput | Record<string, unknown>): WorkloadSnapshot {
  return JSON.parse(JSON.stringify(input, (_key, value: unknown) => (value === null ? undefined : value))) as WorkloadSnapshot;
}

/**
 * One workload's recommendation: candidates from inventory, then compliance and cost for all
 * of them in parallel (one message each), then libs/placement filters, scores and explains.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Computes and stores a recommendation; `channel` says what asked (GraphQL, or a Kafka event such as a new rule pack). */
  async recommend(input: WorkloadInput, actor: Actor | null, loaders: Loaders, now = new Date(), channel: AuditChannel = 'GRAPHQL'): Promise<RecommendationEntity> {
    const snapshot = snapshotOf(input);
    const computed = await this.compute(snapshot, loaders, now);
    const row = this.entityOf(snapshot, computed, actor, now);
    const chosen = (row.result as { chosen?: { poolId?: string } | null }).chosen ?? null;
    // The recommendation and its audit entry are written together, or neither is.
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(RecommendationEntity, row as never);
      await this.audit.record(
        [
          {
            actorId: actor?.id ?? 'anonymous',
            actorRoles: actor?.roles ?? [],
            authMethod: 'GATEWAY',
            channel,
            action: 'recommendation',
            outcome: 'OK',
            targets: [row.id, ...(chosen?.poolId ? [chosen.poolId] : [])],
            detail: { name: snapshot.name ?? null, legalEntityId: snapshot.legalEntityId ?? null, chosenPoolId: chosen?.poolId ?? null },
            at: now,
          },
        ],
        manager,
      );
    });
    return row;
  }

  /** The row a computed recommendation is stored as; callers insert it in their own transaction. */
  entityOf(snapshot: WorkloadSnapshot, computed: Computed, actor: Actor | null, now: Date): RecommendationEntity {
    return this.dataSource.getRepository(RecommendationEntity).create({
      id: randomUUID(),
      name: (snapshot.name as string | undefined) ?? null,
      kind: snapshot.workload.kind,
      costCenter: snapshot.costCenter,
      legalEntityId: snapshot.legalEntityId,
      input: snapshot,
      versions: computed.versions,
      result: computed.result as unknown as Record<string, unknown>,
      chosenPoolId: computed.result.chosen?.poolId ?? null,
      requestedBy: actor?.id ?? 'anonymous',
      createdAt: now,
    });
  }

  /** A stored recommendation; with `owner`, only one that caller requested (others read as absent). */
  async get(id: string, owner: string | null = null): Promise<RecommendationEntity> {
    const found = /^[0-9a-f-]{36}$/.test(id) ? await this.dataSource.getRepository(RecommendationEntity).findOneBy({ id }) : null;
    const row = found && (owner === null || found.requestedBy === owner) ? found : null;
    if (!row) throw new GraphQLError(`id: no recommendation ${id}`, { extensions: { code: 'NOT_FOUND', field: 'id' } });
    return row;
  }

  /** Recomputes a stored recommendation under today's data (its pinned pricing date, if any, stays). */
  async replay(id: string, loaders: Loaders, now = new Date(), owner: string | null = null): Promise<{ original: RecommendationEntity; replayed: Computed }> {
    const original = await this.get(id, owner);
    const replayed = await this.compute(original.input as WorkloadSnapshot, loaders, now);
    return { original, replayed };
  }

  async compute(input: WorkloadSnapshot, loaders: Loaders, now: Date): Promise<Computed> {
    const timeoutMs = this.options.requestTimeoutMs;
    const pricingDate = (input.pricingDate as string | undefined) ?? today(now);
    const w = input.workload;
    const training = isTraining(w.kind);
    if (training && (w.devices === undefined || w.devices === null)) throw userInputError('input.workload.devices', 'is required for training: the devices the run uses');
    const costOfDelay = (w.costOfDelayPerDay as { amount: string; currency: string } | undefined) ?? null;
    if (costOfDelay && costOfDelay.currency !== input.currency) throw userInputError('input.workload.costOfDelayPerDay.currency', `must be the report currency ${input.currency}`);
    const budget = (input.budget as { amount: string; currency: string } | undefined) ?? null;
    if (budget && budget.currency !== input.currency) throw userInputError('input.budget.currency', `must be the report currency ${input.currency}`);

    const requirements = parseAs(
      WorkloadRequirementsV1,
      withoutNulls({
        deviceCount: training ? w.devices : 1,
        minMemoryGbPerDevice: (input.minMemoryGbPerDevice as number | undefined) ?? 1,
        precisions: w.precision ? [w.precision] : undefined,
        window: input.window,
        vendors: input.vendors,
        excludeVendors: input.excludeVendors,
        originCountries: input.originCountries,
        excludeOriginCountries: input.excludeOriginCountries,
        ownership: input.ownership,
      }),
      (p) => (p === 'deviceCount' ? 'input.workload.devices' : `input.${p}`),
    );
    const found = await this.bus.request(CandidatesV1, { requirements, limit: CANDIDATE_LIMIT }, { timeoutMs });
    const pools = found.candidates;
    // Held-back pools are named in their rejections, so their sites and accelerators load in the same batches.
    const named = [...pools, ...found.heldBack.pools];
    const [sites, accelerators] = await Promise.all([this.load(loaders.site, named.map((p) => p.siteId)), this.load(loaders.accelerator, named.map((p) => p.acceleratorId))]);
    const facts = pools.map((pool) => ({ pool, site: sites.get(pool.siteId)!, accelerator: accelerators.get(pool.acceleratorId)! }));
    const heldBack = heldBackInputOf(found.heldBack, sites, accelerators);
    const inventory = { matched: found.matched, returned: pools.length, requirements: requirements as unknown as Record<string, unknown>, precisionAssumptions: found.precisionAssumptions };

    if (facts.length === 0) {
      const empty = recommendPlacement({ ...this.recommendInput(input, now), candidates: [], heldBack });
      return { result: { ...empty, details: {}, inventory }, versions: { catalog: found.catalogVersion, rulePack: null, priceBook: null, costScenarios: null, fxRates: null }, pricingDate };
    }

    const [verdicts, costs] = await Promise.all([this.verdicts(input, pricingDate, facts), this.estimates(input, pricingDate, facts, training)]);
    // A workload no candidate can hold (a context or TPOT beyond every chip) is bad input, not a list of unpriced options.
    const infeasible = [...costs.byPool.values()].map((r) => (r.error?.code === 'INFEASIBLE' ? r.error.missing : null));
    if (infeasible.length > 0 && infeasible.every((m) => m !== null && m === infeasible[0])) {
      const example = [...costs.byPool.values()][0]!.error!.message;
      throw userInputError(`input.${infeasible[0]}`, `no candidate can run this workload as asked: ${example}`);
    }
    const candidates: RecommendCandidate[] = facts.map(({ pool, site, accelerator }) => {
      const verdict = verdicts.byPool.get(pool.id)!;
      const priced = costs.byPool.get(pool.id)!;
      const estimate = priced.estimate
        ? withLeadTime(priced.estimate, { leadTime: verdict.leadTime, source: `compliance verdict ${verdict.outcome}, rule pack ${verdict.rulePackVersion}`, costOfDelayPerDay: costOfDelay })
        : null;
      return {
        candidateId: pool.id,
        pool: { id: pool.id, siteId: pool.siteId, acceleratorId: pool.acceleratorId, ownership: pool.ownership, deviceCount: pool.deviceCount, freeDevices: pool.freeDevices, availableFrom: pool.availableFrom, availableTo: pool.availableTo },
        site: { id: site.id, name: site.name, countryCode: site.countryCode, region: site.region, latitude: site.latitude, longitude: site.longitude, stateFunded: site.stateFunded, operator: site.operator },
        accelerator: { id: accelerator.id, name: accelerator.name, vendor: accelerator.vendor, originCountry: accelerator.originCountry },
        verdict,
        estimate,
        costError: priced.error,
      };
    });
    const result = recommendPlacement({ ...this.recommendInput(input, now), candidates, heldBack });
    const detailed = [result.chosen, ...result.alternatives.slice(0, DETAILED)].filter((r): r is NonNullable<typeof r> => r !== null);
    const byId = new Map(candidates.map((c) => [c.candidateId, c]));
    const details = Object.fromEntries(detailed.map((r) => [r.candidateId, { estimate: byId.get(r.candidateId)!.estimate, verdict: byId.get(r.candidateId)!.verdict }]));
    return {
      result: { ...result, details, inventory },
      versions: { catalog: found.catalogVersion, rulePack: verdicts.rulePackVersion, ...costs.versions },
      pricingDate,
    };
  }

  private recommendInput(input: WorkloadSnapshot, now: Date) {
    const weights = (input.weights as { cost: number; time: number; risk: number; latency: number } | undefined) ?? { cost: 1, time: 1, risk: 1, latency: 1 };
    return {
      kind: input.workload.kind as 'TRAINING',
      now: now.toISOString(),
      deadline: (input.deadline as string | undefined) ?? null,
      budget: (input.budget as { amount: string; currency: string } | undefined) ?? null,
      acceptLicensed: Boolean(input.acceptLicensed),
      // Latency matters to people waiting on answers: inference only.
      users: isTraining(input.workload.kind) ? null : ((input.users as { latitude: number; longitude: number; label: string } | undefined) ?? null),
      latencyTargetMs: (input.latencyTargetMs as number | undefined) ?? null,
      weights,
      excludeCountries: (input.excludeCountries as string[] | undefined) ?? [],
    };
  }

  private async load<T>(loader: { loadMany(ids: readonly string[]): Promise<(T | Error)[]> }, ids: readonly string[]): Promise<Map<string, T>> {
    const unique = [...new Set(ids)];
    const loaded = await loader.loadMany(unique);
    const map = new Map<string, T>();
    loaded.forEach((value, index) => {
      if (value instanceof Error) throw value;
      map.set(unique[index]!, value);
    });
    return map;
  }

  private async verdicts(input: WorkloadSnapshot, date: string, facts: readonly { pool: CapacityPoolV1; site: SiteV1; accelerator: AcceleratorV1 }[]) {
    const request = parseAs(
      EvaluateComplianceV1.request,
      {
        date,
        legalEntityId: input.legalEntityId,
        track: false,
        workload: complianceWorkloadOf(input),
        candidates: facts.map(({ pool, site, accelerator }) => ({ candidateId: pool.id, placement: placementFactsOf(pool, site, accelerator) })),
      },
      (p) => (p === 'legalEntityId' ? 'input.legalEntityId' : p.startsWith('workload.data.') ? `input.data.${p.slice('workload.data.'.length)}` : `input.${p.replace(/^workload\./, '')}`),
    );
    const reply = await this.bus.request(EvaluateComplianceV1, request, { timeoutMs: this.options.requestTimeoutMs });
    return { rulePackVersion: reply.rulePackVersion, byPool: new Map(reply.verdicts.map((v) => [v.candidateId, v.verdict])) };
  }

  private async estimates(input: WorkloadSnapshot, pricingDate: string, facts: readonly { pool: CapacityPoolV1; site: SiteV1; accelerator: AcceleratorV1 }[], training: boolean) {
    const w = input.workload;
    const request = parseAs(
      EstimateCostV1.request,
      {
        pricingDate,
        reportCurrency: input.currency,
        // The request-level totalParameters predates the workload's own field; the workload's wins.
        workload: costWorkloadOf({ ...(w as never as CostWorkloadInput), totalParameters: (w.totalParameters as number | undefined) ?? (input.totalParameters as number | undefined) ?? null }),
        candidates: facts.map(({ pool, site, accelerator }) => ({ ...costCandidateOf(pool, site, accelerator), ...(training ? { devices: w.devices } : {}), leadTimeDays: 0 })),
      },
      estimateInputPath,
    );
    const reply = await this.bus.request(EstimateCostV1, request, { timeoutMs: this.options.requestTimeoutMs });
    return { versions: reply.versions, byPool: new Map(reply.results.map((r) => [r.candidateId, r])) };
  }
}
