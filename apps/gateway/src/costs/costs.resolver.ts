import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  type AcceleratorV1,
  type Actor,
  type CapacityPoolV1,
  CostAdminV1,
  type CostAdminCommandV1,
  type CostAdminReplyV1,
  CostLedgerV1,
  type CostLedgerReplyV1,
  type CostDataset as CostDatasetId,
  EstimateCostV1,
  EvaluateComplianceV1,
  type LedgerCommandV1,
  ListPoolsV1,
  type SiteV1,
  type VerdictV1,
} from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import { GraphQLError } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { parseArgs, parseAs, userInputError } from '../common/graphql-errors.js';
import type { GatewayContext } from '../common/loaders.js';
import { placementFactsOf } from '../compliance/placement-facts.js';
import { complianceWorkloadOf } from '../recommendations/recommendations.service.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { costCandidateOf } from './cost-facts.js';
import { costWorkloadOf, isTraining, withoutNulls } from './cost-workload.js';
import { estimateInputPath, ledgerInputPath } from './cost-paths.js';
import { BudgetInput, EstimateCostInput, LedgerEntryInput, LedgerFilterInput } from './cost.input.js';
import {
  Budget,
  CostDataset,
  CostDatasetDocument,
  CostDatasetVersion,
  type CostEstimate,
  CostEstimates,
  CostReport,
  LedgerPage,
  PublishCostDatasetResult,
  RecordResult,
  ReportDimension,
} from './cost.model.js';

type LedgerReply<K extends CostLedgerReplyV1['kind']> = Extract<CostLedgerReplyV1, { kind: K }>;
type AdminReply<K extends CostAdminReplyV1['kind']> = Extract<CostAdminReplyV1, { kind: K }>;

const MAX_POOLS = 200;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Cost estimates, the cost ledger, finance reports, budgets and cost reference data. */
@Resolver()
export class CostsResolver {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
  ) {}

  @Query(() => CostEstimates, {
    description:
      'The all-in cost of one workload on one or several pools: compute or capital, power, data movement and licence delay, each low / expected / high, with assumptions and the data versions used. A pool that cannot be priced carries an error naming what is missing; if none can, the query fails.',
  })
  async estimateCost(@Args('input') input: EstimateCostInput, @Context() context: GatewayContext): Promise<CostEstimates> {
    const timeoutMs = this.options.requestTimeoutMs;
    const poolIds = parseArgs(z.array(z.string().min(1).max(200)).min(1).max(MAX_POOLS), input.poolIds, { '': 'input.poolIds', input: 'input.poolIds' });
    if (new Set(poolIds).size !== poolIds.length) throw userInputError('input.poolIds', 'must not repeat a pool');
    if (input.leadTimeDays !== null && input.leadTimeDays !== undefined && input.compliance) {
      throw userInputError('input.leadTimeDays', 'give leadTimeDays or compliance, not both');
    }
    const pricingDate = input.pricingDate ?? today();

    const page = await this.bus.request(ListPoolsV1, { first: poolIds.length, after: null, filter: { ids: poolIds } }, { timeoutMs });
    const pools = new Map(page.edges.map((e) => [e.node.id, e.node]));
    poolIds.forEach((id, index) => {
      if (!pools.has(id)) throw new GraphQLError(`input.poolIds.${index}: no capacity pool ${id}`, { extensions: { code: 'NOT_FOUND', field: `input.poolIds.${index}` } });
    });
    const ordered = poolIds.map((id) => pools.get(id)!);
    const facts = await Promise.all(
      ordered.map(async (pool) => {
        const [site, accelerator] = await Promise.all([context.loaders.site.load(pool.siteId), context.loaders.accelerator.load(pool.acceleratorId)]);
        return { pool, site, accelerator };
      }),
    );

    const verdicts = input.compliance ? await this.verdicts(input, pricingDate, facts) : null;
    const w = input.workload;
    const training = isTraining(w.kind);
    const workload = costWorkloadOf(w);
    const request = parseAs(
      EstimateCostV1.request,
      {
        pricingDate,
        reportCurrency: input.currency,
        versions: withoutNulls({ ...(input.versions ?? {}) }),
        workload,
        candidates: facts.map(({ pool, site, accelerator }) => {
          const verdict = verdicts?.get(pool.id);
          return {
            ...costCandidateOf(pool, site, accelerator),
            ...(training && w.devices !== null && w.devices !== undefined ? { devices: w.devices } : {}),
            leadTimeDays: verdict ? verdict.leadTimeDays : (input.leadTimeDays ?? 0),
            ...(verdict ? { leadTimeSource: `compliance verdict ${verdict.outcome} under rule pack ${verdict.rulePackVersion}` } : {}),
          };
        }),
      },
      estimateInputPath,
    );
    const reply = await this.bus.request(EstimateCostV1, request, { timeoutMs });
    const estimates = reply.results.map((result, index) => {
      const { pool } = facts[index]!;
      return {
        poolId: pool.id,
        siteId: pool.siteId,
        acceleratorId: pool.acceleratorId,
        ownership: pool.ownership as never,
        complianceOutcome: (verdicts?.get(pool.id)?.outcome ?? null) as never,
        estimate: result.estimate as unknown as CostEstimate | null,
        error: result.error,
      };
    });
    const failed = estimates.filter((e) => e.error !== null);
    if (failed.length === estimates.length) {
      const first = failed[0]!;
      throw new GraphQLError(`pool ${first.poolId}: ${first.error!.message}`, {
        extensions: { code: 'BAD_USER_INPUT', reason: first.error!.code, missing: first.error!.missing, poolId: first.poolId },
      });
    }
    return { pricingDate, currency: request.reportCurrency, versions: reply.versions, estimates };
  }

  @Query(() => CostReport, { description: 'Committed and actual spend grouped by the dimensions given, in one currency, with budgets and variance where they apply.' })
  async costReport(
    @Args('filter') filter: LedgerFilterInput,
    @Args('groupBy', { type: () => [ReportDimension], defaultValue: [] }) groupBy: ReportDimension[],
    @Args('currency', { defaultValue: 'USD' }) currency: string,
    @Args('fxDate', { type: () => String, nullable: true, description: 'Convert at the rates in force on this date (default: the day before filter.to).' }) fxDate?: string | null,
  ): Promise<CostReport> {
    const command = parseAs(
      CostLedgerV1.request,
      { command: 'report', filter: withoutNulls({ ...filter }), groupBy, currency, ...(fxDate ? { fxDate } : {}) },
      (p) => ledgerInputPath('filter')(p).replace(/^(currency|fxDate|groupBy)/, '$1'),
    );
    const reply = await this.ledger<'report'>(command);
    return reply.report as unknown as CostReport;
  }

  @Query(() => LedgerPage, { description: 'Ledger entries in charge-period order; pass endCursor as after for the next page.' })
  async ledgerEntries(
    @Args('filter') filter: LedgerFilterInput,
    @Args('first', { type: () => Number, defaultValue: 100 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<LedgerPage> {
    if (!Number.isInteger(first) || first < 1 || first > 1_000) throw userInputError('first', 'must be an integer from 1 to 1000');
    const command = parseAs(CostLedgerV1.request, { command: 'page', filter: withoutNulls({ ...filter }), after: after ?? null, first }, ledgerInputPath('filter'));
    const reply = await this.ledger<'page'>(command);
    return { ...reply, entries: reply.entries.map((e) => ({ ...e, recordedAt: new Date(e.recordedAt) })) } as unknown as LedgerPage;
  }

  @Mutation(() => RecordResult, { description: 'Record actual usage (billing or metering). Idempotent per idempotencyKey; a batch is recorded whole or not at all.' })
  recordUsage(@Args('entries', { type: () => [LedgerEntryInput] }) entries: LedgerEntryInput[], @CurrentActor() actor: Actor): Promise<RecordResult> {
    return this.record(actor, 'ACTUAL', entries);
  }

  @Mutation(() => RecordResult, { description: 'Record committed spend of an accepted plan, one entry per month. Idempotent per idempotencyKey.' })
  commitSpend(@Args('entries', { type: () => [LedgerEntryInput] }) entries: LedgerEntryInput[], @CurrentActor() actor: Actor): Promise<RecordResult> {
    return this.record(actor, 'COMMITTED', entries);
  }

  @Mutation(() => Budget, { description: 'Set (or replace) a cost centre’s budget for one month.' })
  async setBudget(@Args('input') input: BudgetInput, @CurrentActor() actor: Actor): Promise<Budget> {
    const command = parseAs(CostLedgerV1.request, { command: 'setBudget', actor, ...input }, (p) => `input.${p}`);
    const reply = await this.ledger<'budget'>(command);
    return { ...reply.budget, setAt: new Date(reply.budget.setAt) };
  }

  @Query(() => [Budget], { description: 'Budgets of months from..to (YYYY-MM, inclusive).' })
  async budgets(
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('costCenters', { type: () => [String], nullable: true }) costCenters?: string[] | null,
  ): Promise<Budget[]> {
    const command = parseAs(CostLedgerV1.request, { command: 'listBudgets', from, to, ...(costCenters ? { costCenters } : {}) }, (p) => p);
    const reply = await this.ledger<'budgets'>(command);
    return reply.budgets.map((b) => ({ ...b, setAt: new Date(b.setAt) }));
  }

  @Query(() => [CostDatasetVersion], { description: 'Published versions of the price book, cost scenarios and FX table, newest first.' })
  async costDatasets(@Args('dataset', { type: () => CostDataset, nullable: true }) dataset?: CostDataset | null): Promise<CostDatasetVersion[]> {
    const reply = await this.admin<'versions'>({ command: 'listVersions', ...(dataset ? { dataset: dataset as CostDatasetId } : {}) });
    return reply.versions.map((v) => this.toVersion(v));
  }

  @Query(() => CostDatasetDocument)
  async costDataset(@Args('dataset', { type: () => CostDataset }) dataset: CostDataset, @Args('version') version: string): Promise<CostDatasetDocument> {
    const reply = await this.admin<'document'>(parseAs(CostAdminV1.request, { command: 'getVersion', dataset, version }, (p) => p));
    return { version: this.toVersion(reply.version), document: reply.document };
  }

  @Mutation(() => PublishCostDatasetResult, { description: 'Publish a new version of a price book, cost scenarios or FX table; refused with every problem named if it does not validate.' })
  async publishCostDataset(
    @Args('dataset', { type: () => CostDataset }) dataset: CostDataset,
    @Args('document', { type: () => GraphQLJSONObject }) document: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<PublishCostDatasetResult> {
    const reply = await this.admin<'version'>({ command: 'publish', actor, dataset: dataset as CostDatasetId, document });
    return { version: this.toVersion(reply.version), created: reply.created };
  }

  private async record(actor: Actor, entryType: 'ACTUAL' | 'COMMITTED', entries: LedgerEntryInput[]): Promise<RecordResult> {
    const command = parseAs(
      CostLedgerV1.request,
      { command: 'record', actor, source: 'GRAPHQL', entries: entries.map((e) => ({ ...withoutNulls({ ...e }), entryType })) },
      ledgerInputPath('entries'),
    );
    return this.ledger<'recorded'>(command);
  }

  private async verdicts(input: EstimateCostInput, date: string, facts: readonly { pool: CapacityPoolV1; site: SiteV1; accelerator: AcceleratorV1 }[]): Promise<Map<string, VerdictV1>> {
    const compliance = input.compliance!;
    const request = parseArgs(
      EvaluateComplianceV1.request,
      {
        date,
        legalEntityId: compliance.legalEntityId,
        workload: complianceWorkloadOf({ workload: { kind: input.workload.kind }, data: compliance.data ?? undefined, servesPublicIn: compliance.servesPublicIn } as never),
        candidates: facts.map(({ pool, site, accelerator }) => ({ candidateId: pool.id, placement: placementFactsOf(pool, site, accelerator) })),
      },
      { legalEntityId: 'input.compliance.legalEntityId' },
    );
    const reply = await this.bus.request(EvaluateComplianceV1, request, { timeoutMs: this.options.requestTimeoutMs });
    return new Map(reply.verdicts.map((v) => [v.candidateId, v.verdict]));
  }

  private async ledger<K extends CostLedgerReplyV1['kind']>(command: LedgerCommandV1): Promise<LedgerReply<K>> {
    return (await this.bus.request(CostLedgerV1, command, { timeoutMs: this.options.requestTimeoutMs })) as LedgerReply<K>;
  }

  private async admin<K extends CostAdminReplyV1['kind']>(command: CostAdminCommandV1): Promise<AdminReply<K>> {
    return (await this.bus.request(CostAdminV1, command, { timeoutMs: this.options.requestTimeoutMs })) as AdminReply<K>;
  }

  private toVersion(v: AdminReply<'versions'>['versions'][number]): CostDatasetVersion {
    return { ...v, dataset: v.dataset as CostDataset, publishedAt: new Date(v.publishedAt) };
  }
}

