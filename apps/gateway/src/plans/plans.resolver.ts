import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@cp/contracts';
import { Decimal } from 'decimal.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { GatewayContext } from '../common/loaders.js';
import type { AcceptedPlacementEntity } from './accepted-placement.entity.js';
import { AcceptedPlan, PlacementAlert } from './plan.model.js';
import { PlansService } from './plans.service.js';

/** numeric(28,8) reads back as "1234.50000000": at least cents, no trailing zeros past them. */
function cents(amount: string): string {
  const d = new Decimal(amount);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

function toAcceptedPlan(planId: string, rows: readonly AcceptedPlacementEntity[]): AcceptedPlan {
  return {
    planId,
    placements: rows.map((r) => ({
      id: r.id,
      poolId: r.poolId,
      reservationId: r.reservationId,
      devices: r.devices,
      window: { from: r.windowFrom, to: r.windowTo },
      committed: { amount: cents(r.committedAmount), currency: r.committedCurrency },
      verdictOutcome: r.verdictOutcome as never,
      rulePackVersion: r.rulePackVersion,
      acceptedBy: r.acceptedBy,
      acceptedAt: r.acceptedAt,
    })),
  };
}

@Resolver()
export class PlansResolver {
  constructor(private readonly plans: PlansService) {}

  @Mutation(() => AcceptedPlan, {
    description:
      'Accept a plan (a recommendation, or a portfolio plan): reserve the capacity of every placement, commit its spend to the cost ledger and emit placement.accepted — all or nothing. Accepting again returns the same acceptance.',
  })
  async acceptPlan(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor, @Context() context: GatewayContext): Promise<AcceptedPlan> {
    return toAcceptedPlan(id, await this.plans.accept(id, actor, context.loaders));
  }

  @Query(() => AcceptedPlan, { nullable: true, description: 'The acceptance of a plan, if it was accepted.' })
  async acceptedPlan(@Args('id', { type: () => ID }) id: string): Promise<AcceptedPlan | null> {
    const rows = await this.plans.accepted(id);
    return rows.length === 0 ? null : toAcceptedPlan(id, rows);
  }

  @Query(() => [PlacementAlert], { description: 'Accepted placements whose verdict got worse under a newer rule pack, newest first.' })
  async placementAlerts(@Args('planId', { type: () => ID, nullable: true }) planId?: string | null): Promise<PlacementAlert[]> {
    return (await this.plans.alerts(planId ?? undefined)).map((a) => ({
      id: a.id,
      planId: a.planId,
      placementId: a.placementId,
      poolId: a.poolId,
      before: { outcome: a.outcomeBefore as never, rulePackVersion: a.rulePackBefore },
      after: { outcome: a.outcomeAfter as never, rulePackVersion: a.rulePackVersion },
      verdict: a.verdictAfter as never,
      decidingRules: a.decidingRules.map((r) => ({ ruleId: r.ruleId, title: r.title, citations: r.citations.map((c) => (c.url ? `${c.text} (${c.url})` : c.text)) })),
      suggestedPoolId: a.suggestedPoolId,
      suggestedRecommendationId: a.suggestedRecommendationId,
      raisedAt: a.raisedAt,
    }));
  }
}
