import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@cp/contracts';
import { RecommendError } from '@cp/placement';
import { ownerScope } from '../auth/access.guard.js';
import { CurrentActor, CurrentPrincipal } from '../auth/current-actor.decorator.js';
import type { Principal } from '../auth/principal.js';
import { userInputError } from '../common/graphql-errors.js';
import type { GatewayContext } from '../common/loaders.js';
import { differences, fromComputed, fromEntity } from './recommendation.mapper.js';
import { Recommendation, RecommendationReplay } from './recommendation.model.js';
import { RecommendationsService, type StoredResult } from './recommendations.service.js';
import { WorkloadInput } from './workload.input.js';

async function explainingInputErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RecommendError) throw userInputError(`input.${error.field}`, error.message);
    throw error;
  }
}

@Resolver(() => Recommendation)
export class RecommendationsResolver {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Mutation(() => Recommendation, {
    description:
      'Where should this workload go? Asks inventory for candidates, then compliance and cost for all of them in parallel, drops what cannot fit or is not allowed (saying why), scores the rest and stores the answer with the data versions it used.',
  })
  async recommendPlacement(@Args('input') input: WorkloadInput, @CurrentActor() actor: Actor, @Context() context: GatewayContext): Promise<Recommendation> {
    const row = await explainingInputErrors(() => this.recommendations.recommend(input, actor, context.loaders));
    return fromEntity(row);
  }

  @Query(() => Recommendation, { description: 'A stored recommendation, exactly as it was made.' })
  async recommendation(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal): Promise<Recommendation> {
    return fromEntity(await this.recommendations.get(id, ownerScope(principal, 'Query.recommendation')));
  }

  @Query(() => RecommendationReplay, { description: 'Recompute a stored recommendation under today’s data and show what changed (nothing is stored).' })
  async replayRecommendation(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal, @Context() context: GatewayContext): Promise<RecommendationReplay> {
    const now = new Date();
    const owner = ownerScope(principal, 'Query.replayRecommendation');
    const { original, replayed } = await explainingInputErrors(() => this.recommendations.replay(id, context.loaders, now, owner));
    const before = original.result as unknown as StoredResult;
    const changes = differences(before, original.versions, replayed.result, replayed.versions);
    return {
      original: fromEntity(original),
      replayed: fromComputed(original, replayed, now),
      chosenChanged: (before.chosen?.candidateId ?? null) !== (replayed.result.chosen?.candidateId ?? null),
      changes,
    };
  }
}
