import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@cp/contracts';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { GatewayContext } from '../common/loaders.js';
import type { PortfolioPlanEntity } from './portfolio-plan.entity.js';
import { PlanPortfolioInput } from './portfolio.input.js';
import { PortfolioPlan } from './portfolio.model.js';
import { PortfoliosService, type StoredPortfolio } from './portfolios.service.js';

export function toPortfolioPlan(row: PortfolioPlanEntity): PortfolioPlan {
  const stored = row.result as unknown as StoredPortfolio;
  const plan = stored.plan;
  return {
    id: row.id,
    status: plan.status,
    assignment: plan.assignment.map((a) => {
      const workload = stored.workloads[a.workloadId]!;
      const site = workload.siteByPool[a.poolId]!;
      return { ...a, siteId: site.siteId, countryCode: site.countryCode, recommendationId: workload.recommendationId };
    }),
    unassigned: [...plan.unassigned],
    withoutOptions: stored.withoutOptions,
    totals: { ...plan.totals, currency: stored.currency },
    objective: plan.objective,
    bound: plan.bound,
    gap: plan.gap,
    solveSeconds: plan.solveSeconds,
    timeLimitSeconds: plan.timeLimitSeconds,
    model: plan.model,
    binding: plan.binding.map((b) => ({ ...b, relaxationSaving: b.relaxationSaving ?? null })),
    conflicts: plan.conflicts ? [...plan.conflicts] : null,
    greedy: plan.greedy,
    createdAt: row.createdAt,
  };
}

@Resolver()
export class PortfoliosResolver {
  constructor(private readonly portfolios: PortfoliosService) {}

  @Mutation(() => PortfolioPlan, {
    description:
      'Place many workloads at once: each goes through the recommendation flow, then one MIP (HiGHS, time-limited) assigns them to pools under shared capacity, budget and policy. Accept the plan with acceptPlan(id).',
  })
  async planPortfolio(@Args('input') input: PlanPortfolioInput, @CurrentActor() actor: Actor, @Context() context: GatewayContext): Promise<PortfolioPlan> {
    return toPortfolioPlan(await this.portfolios.plan(input, actor, context.loaders));
  }

  @Query(() => PortfolioPlan)
  async portfolioPlan(@Args('id', { type: () => ID }) id: string): Promise<PortfolioPlan> {
    return toPortfolioPlan(await this.portfolios.get(id));
  }
}
