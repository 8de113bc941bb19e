import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  ComplianceAdminV1,
  type ComplianceAdminReplyV1,
  type ComplianceCommandV1,
  EvaluateComplianceV1,
  ListPoolsV1,
  RulePackV1,
} from '@cp/contracts';
import { MESSAGE_BUS, type MessageBus } from '@cp/messaging';
import { GraphQLError } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { parseArgs } from '../common/graphql-errors.js';
import type { GatewayContext } from '../common/loaders.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { ComplianceCheckInput, LegalEntityInput } from './compliance.input.js';
import { complianceWorkloadOf } from '../recommendations/recommendations.service.js';
import { placementFactsOf } from './placement-facts.js';
import { ComplianceCheck, LegalEntity, RulePack, RulePackSummary, type Verdict, WhatIfResult } from './verdict.model.js';

type Reply<K extends ComplianceAdminReplyV1['kind']> = Extract<ComplianceAdminReplyV1, { kind: K }>;

/** Compliance checks, rule packs and legal entities; region-compliance decides, the gateway assembles facts. */
@Resolver()
export class ComplianceResolver {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
  ) {}

  @Query(() => ComplianceCheck, { description: 'Is this placement allowed for this legal entity on this date, and why? Decision support, not legal advice.' })
  async complianceCheck(@Args('input') input: ComplianceCheckInput, @Context() context: GatewayContext): Promise<ComplianceCheck> {
    const timeoutMs = this.options.requestTimeoutMs;
    const pools = await this.bus.request(ListPoolsV1, { first: 1, after: null, filter: { ids: [input.poolId] } }, { timeoutMs });
    const pool = pools.edges[0]?.node;
    if (!pool) throw new GraphQLError(`poolId: no capacity pool ${input.poolId}`, { extensions: { code: 'NOT_FOUND', field: 'poolId' } });
    const [site, accelerator] = await Promise.all([context.loaders.site.load(pool.siteId), context.loaders.accelerator.load(pool.acceleratorId)]);
    const placement = placementFactsOf(pool, site, accelerator, { ownership: input.ownership, hardwareMovement: input.hardwareMovement ?? null });
    const request = parseArgs(EvaluateComplianceV1.request, {
      date: input.date,
      legalEntityId: input.legalEntityId,
      ...(input.rulePackVersion ? { rulePackVersion: input.rulePackVersion } : {}),
      track: input.track,
      workload: complianceWorkloadOf({ workload: { kind: input.workloadKind }, data: input.data ?? undefined, servesPublicIn: input.servesPublicIn } as never),
      candidates: [{ candidateId: `${input.legalEntityId}:${pool.id}:${input.date}`, placement }],
    });
    const reply = await this.bus.request(EvaluateComplianceV1, request, { timeoutMs });
    return { poolId: pool.id, verdict: reply.verdicts[0]!.verdict as Verdict };
  }

  @Query(() => [LegalEntity])
  async legalEntities(): Promise<LegalEntity[]> {
    return (await this.admin<'legalEntities'>({ command: 'listLegalEntities' })).legalEntities;
  }

  @Mutation(() => LegalEntity)
  async upsertLegalEntity(@Args('input') input: LegalEntityInput, @CurrentActor() actor: Actor): Promise<LegalEntity> {
    const command = parseArgs(ComplianceAdminV1.request, { command: 'upsertLegalEntity', actor, entity: { ...input, ultimateParentHqCountry: input.ultimateParentHqCountry ?? null } });
    return (await this.admin<'legalEntity'>(command)).legalEntity;
  }

  @Mutation(() => ID)
  async deleteLegalEntity(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<string> {
    return (await this.admin<'deleted'>(parseArgs(ComplianceAdminV1.request, { command: 'deleteLegalEntity', actor, id }))).id;
  }

  @Query(() => [RulePackSummary], { description: 'Published rule-pack versions, newest first.' })
  async rulePacks(): Promise<RulePackSummary[]> {
    return (await this.admin<'rulePacks'>({ command: 'listRulePacks' })).rulePacks.map((s) => ({ ...s, publishedAt: new Date(s.publishedAt) }));
  }

  @Query(() => RulePack)
  async rulePack(@Args('version') version: string): Promise<RulePack> {
    return this.toRulePack(await this.admin<'rulePack'>(parseArgs(ComplianceAdminV1.request, { command: 'getRulePack', version })));
  }

  @Mutation(() => RulePack, { description: 'Publish a rule pack; it applies to every later check. Refused if a condition does not compile or names an unknown fact.' })
  async publishRulePack(@Args('pack', { type: () => GraphQLJSONObject }) pack: unknown, @CurrentActor() actor: Actor): Promise<RulePack> {
    const parsed = parseArgs(RulePackV1, pack, {});
    return this.toRulePack(await this.admin<'rulePack'>({ command: 'publishRulePack', actor, pack: parsed }));
  }

  @Query(() => WhatIfResult, { description: 'Re-check the tracked placements under a draft pack (never published) and list the verdicts that change.' })
  async whatIfRulePack(@Args('draft', { type: () => GraphQLJSONObject }) draft: unknown): Promise<WhatIfResult> {
    const parsed = parseArgs(RulePackV1, draft);
    return (await this.admin<'whatIf'>({ command: 'whatIf', draft: parsed })) as WhatIfResult;
  }

  private async admin<K extends ComplianceAdminReplyV1['kind']>(command: ComplianceCommandV1): Promise<Reply<K>> {
    return (await this.bus.request(ComplianceAdminV1, command, { timeoutMs: this.options.requestTimeoutMs })) as Reply<K>;
  }

  private toRulePack(reply: Reply<'rulePack'>): RulePack {
    return { summary: { ...reply.summary, publishedAt: new Date(reply.summary.publishedAt) }, document: reply.pack as unknown as Record<string, unknown> };
  }
}
