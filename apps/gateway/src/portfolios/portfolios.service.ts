import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Actor, ListPoolsV1 } from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import { type PortfolioInput, type PortfolioPlan as SolvedPlan, type PortfolioPool, type PortfolioWorkload, planPortfolio, PortfolioError } from '@cp/placement';
import { portfolioMetrics } from '@cp/observability';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { userInputError } from '../common/graphql-errors.js';
import type { Loaders } from '../common/loaders.js';
import { isTraining } from '../costs/cost-workload.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import type { StoredResult } from '../recommendations/recommendations.service.js';
import { RecommendationsService } from '../recommendations/recommendations.service.js';
import { PortfolioPlanEntity } from './portfolio-plan.entity.js';
import type { PlanPortfolioInput } from './portfolio.input.js';

const MAX_WORKLOADS = 1_000;
/** Workloads evaluated at once: each is three batched messages, so a few in flight keep the services busy without flooding them. */
const CONCURRENCY = 4;

export interface StoredPortfolio {
  readonly plan: SolvedPlan;
  readonly currency: string;
  /** Per workload: the recommendation computed for it; per assigned workload also the pool's site. */
  readonly workloads: Record<string, { recommendationId: string; siteByPool: Record<string, { siteId: string; countryCode: string }> }>;
  readonly withoutOptions: { workloadId: string; reason: string }[];
}

/** Solver time and gap of every solve, as the plan reports them. */
function recordSolve(plan: SolvedPlan): void {
  const status = String(plan.status);
  portfolioMetrics.solves.inc({ status });
  portfolioMetrics.solveDuration.observe({ status }, plan.solveSeconds);
  if (plan.gap !== null) portfolioMetrics.gap.set({ status }, plan.gap);
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

/**
 * Portfolio plans: every workload goes through the recommendation flow (so its options are
 * compliant, priced and explained, and stored as a recommendation of its own); its ranked
 * placements become its options in one MIP over shared pool capacity and the policy.
 */
@Injectable()
export class PortfoliosService {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recommendations: RecommendationsService,
  ) {}

  async plan(input: PlanPortfolioInput, actor: Actor, loaders: Loaders, now = new Date()): Promise<PortfolioPlanEntity> {
    if (input.workloads.length === 0 || input.workloads.length > MAX_WORKLOADS) throw userInputError('input.workloads', `must hold 1 to ${MAX_WORKLOADS} workloads`);
    const ids = new Set<string>();
    input.workloads.forEach((w, i) => {
      if (ids.has(w.id)) throw userInputError(`input.workloads.${i}.id`, `repeats workload id ${w.id}`);
      ids.add(w.id);
    });
    const currencies = new Set(input.workloads.map((w) => w.workload.currency));
    if (currencies.size > 1) throw userInputError('input.workloads', `every workload must use one report currency, got ${[...currencies].join(', ')}`);
    const currency = [...currencies][0]!;
    if (!(input.timeLimitSeconds > 0 && input.timeLimitSeconds <= 600)) throw userInputError('input.timeLimitSeconds', 'must be more than 0 and at most 600 seconds');

    const made = await inBatches(input.workloads, CONCURRENCY, async (w) => ({ w, rec: await this.recommendations.recommend(w.workload, actor, loaders, now) }));
    const workloads: PortfolioWorkload[] = [];
    const stored: StoredPortfolio['workloads'] = {};
    const withoutOptions: StoredPortfolio['withoutOptions'] = [];
    const poolFacts = new Map<string, { countryCode: string; acceleratorId: string; siteId: string }>();
    for (const { w, rec } of made) {
      const result = rec.result as unknown as StoredResult;
      const ranked = [result.chosen, ...result.alternatives].filter((r): r is NonNullable<typeof r> => r !== null);
      const siteByPool: Record<string, { siteId: string; countryCode: string }> = {};
      for (const r of ranked) {
        siteByPool[r.poolId] = { siteId: r.siteId, countryCode: r.countryCode };
        poolFacts.set(r.poolId, { countryCode: r.countryCode, acceleratorId: r.acceleratorId, siteId: r.siteId });
      }
      stored[w.id] = { recommendationId: rec.id, siteByPool };
      if (ranked.length === 0) {
        const first = result.rejected[0];
        withoutOptions.push({ workloadId: w.id, reason: first ? `every candidate was rejected; e.g. ${first.reason}` : 'inventory matched no pool' });
        continue;
      }
      const training = isTraining(w.workload.workload.kind);
      const devices = training ? Number(w.workload.workload.devices) : Number(result.details[ranked[0]!.candidateId]?.estimate?.devices.expected ?? 1);
      workloads.push({
        id: w.id,
        kind: w.workload.workload.kind as PortfolioWorkload['kind'],
        devices,
        window: { from: new Date(w.workload.window.from).toISOString(), to: new Date(w.workload.window.to).toISOString() },
        options: ranked.map((r) => ({ poolId: r.poolId, cost: r.objectives.totalCost.amount, timeDays: r.objectives.timeToResultDays, risk: r.objectives.riskScore })),
        ...(w.group ? { group: w.group } : {}),
      });
    }

    const pools = await this.pools(poolFacts, workloads, loaders);
    const policy = input.policy ?? {};
    const solverInput: PortfolioInput = {
      workloads,
      pools,
      policy: {
        ...(policy.budget ? { budget: policy.budget } : {}),
        ...(policy.minDomesticInferenceShare !== null && policy.minDomesticInferenceShare !== undefined ? { minDomesticInferenceShare: policy.minDomesticInferenceShare } : {}),
        ...(policy.maxTrainingSpendShareInOneCountry !== null && policy.maxTrainingSpendShareInOneCountry !== undefined ? { maxTrainingSpendShareInOneCountry: policy.maxTrainingSpendShareInOneCountry } : {}),
        ...(policy.keepGroupsTogether !== null && policy.keepGroupsTogether !== undefined ? { keepGroupsTogether: policy.keepGroupsTogether } : {}),
      },
      weights: input.weights ?? { cost: 1, time: 0, risk: 0 },
      timeLimitSeconds: input.timeLimitSeconds,
      ...(input.mipRelGap ? { mipRelGap: input.mipRelGap } : {}),
    };
    let plan: SolvedPlan;
    try {
      plan = await planPortfolio(solverInput);
    } catch (error) {
      if (error instanceof PortfolioError) throw userInputError('input', error.message);
      throw error;
    }
    recordSolve(plan);
    const row = this.dataSource.getRepository(PortfolioPlanEntity).create({
      id: randomUUID(),
      status: plan.status,
      input: JSON.parse(JSON.stringify(input)) as Record<string, unknown>,
      result: { plan, currency, workloads: stored, withoutOptions } satisfies StoredPortfolio as unknown as Record<string, unknown>,
      requestedBy: actor.id,
      createdAt: now,
    });
    await this.dataSource.getRepository(PortfolioPlanEntity).insert(row as never);
    return row;
  }

  async find(id: string): Promise<PortfolioPlanEntity | null> {
    return /^[0-9a-f-]{36}$/.test(id) ? this.dataSource.getRepository(PortfolioPlanEntity).findOneBy({ id }) : null;
  }

  async get(id: string): Promise<PortfolioPlanEntity> {
    const row = await this.find(id);
    if (!row) throw new GraphQLError(`id: no portfolio plan ${id}`, { extensions: { code: 'NOT_FOUND', field: 'id' } });
    return row;
  }

  /**
   * Each pool's free devices, as the most it can give across the workloads' windows: one
   * interval over all of them holding the least free count seen (conservative: a pool busier
   * in one window than another is taken at its busiest).
   */
  private async pools(facts: Map<string, { countryCode: string; acceleratorId: string }>, workloads: readonly PortfolioWorkload[], loaders: Loaders): Promise<PortfolioPool[]> {
    const ids = [...facts.keys()];
    if (ids.length === 0) return [];
    const windows = [...new Map(workloads.map((w) => [`${w.window.from}|${w.window.to}`, w.window])).values()];
    const free = new Map<string, number>();
    for (const window of windows) {
      for (let i = 0; i < ids.length; i += 500) {
        const page = await this.bus.request(ListPoolsV1, { first: 500, after: null, filter: { ids: ids.slice(i, i + 500), window } }, { timeoutMs: this.options.requestTimeoutMs });
        for (const { node } of page.edges) free.set(node.id, Math.min(free.get(node.id) ?? Number.POSITIVE_INFINITY, node.freeDevices));
      }
    }
    const from = workloads.reduce((min, w) => (w.window.from < min ? w.window.from : min), workloads[0]!.window.from);
    const to = workloads.reduce((max, w) => (w.window.to > max ? w.window.to : max), workloads[0]!.window.to);
    return Promise.all(
      ids.map(async (id) => {
        const f = facts.get(id)!;
        const accelerator = await loaders.accelerator.load(f.acceleratorId);
        return { id, countryCode: f.countryCode, domestic: accelerator.originCountry === f.countryCode, capacity: [{ from, to, devices: free.get(id) ?? 0 }] };
      }),
    );
  }
}
