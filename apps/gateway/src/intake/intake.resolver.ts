import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSub } from 'graphql-subscriptions';
import { GraphQLError } from 'graphql';
import type { Actor } from '@cp/contracts';
import { type AuthenticatedRequest, ownerScope } from '../auth/access.guard.js';
import { CurrentActor, CurrentPrincipal } from '../auth/current-actor.decorator.js';
import type { Principal } from '../auth/principal.js';
import { userInputError } from '../common/graphql-errors.js';
import type { GatewayContext } from '../common/loaders.js';
import { fromEntity } from '../recommendations/recommendation.mapper.js';
import { RecommendationsService } from '../recommendations/recommendations.service.js';
import { WorkloadInput } from '../recommendations/workload.input.js';
import { EvaluationInProgressError, IntakeService } from './intake.service.js';
import type { WorkloadRequestEntity } from './workload-request.entity.js';
import { WorkloadRequest } from './workload-request.model.js';
import { WORKLOAD_REQUEST_CHANGED, WORKLOAD_REQUEST_EVENTS, type WorkloadRequestChanged } from './workload-request.events.js';

const KEY = /^.{8,200}$/s;

@Resolver(() => WorkloadRequest)
export class IntakeResolver {
  constructor(
    private readonly intake: IntakeService,
    private readonly recommendations: RecommendationsService,
    @Inject(WORKLOAD_REQUEST_EVENTS) private readonly events: PubSub,
  ) {}

  @Subscription(() => WorkloadRequest, {
    description: 'Status changes of workload requests (EVALUATING, then RECOMMENDED or FAILED) over graphql-ws at /graphql; all requests, or the one key given.',
    filter: (payload: WorkloadRequestChanged, variables: { idempotencyKey?: string | null }, context: { req?: AuthenticatedRequest }) => {
      const owner = ownerScope(context.req?.principal, 'Subscription.workloadRequestChanged');
      if (owner !== null && payload.row.submittedBy !== owner) return false;
      return !variables.idempotencyKey || payload.row.idempotencyKey === variables.idempotencyKey;
    },
    resolve(this: IntakeResolver, payload: WorkloadRequestChanged) {
      return this.view(payload.row);
    },
  })
  workloadRequestChanged(@Args('idempotencyKey', { type: () => String, nullable: true }) _idempotencyKey?: string | null) {
    return this.events.asyncIterableIterator(WORKLOAD_REQUEST_CHANGED);
  }

  @Mutation(() => WorkloadRequest, { description: 'Submit a workload request over HTTP: the same path as workload.requests, idempotent per key.' })
  async submitWorkloadRequest(
    @Args('idempotencyKey') idempotencyKey: string,
    @Args('input') input: WorkloadInput,
    @CurrentActor() actor: Actor,
    @Context() context: GatewayContext,
  ): Promise<WorkloadRequest> {
    if (!KEY.test(idempotencyKey)) throw userInputError('idempotencyKey', 'must be 8 to 200 characters');
    try {
      return this.view(await this.intake.submit(idempotencyKey, actor.id, input as never, 'GRAPHQL', context.loaders));
    } catch (error) {
      if (error instanceof EvaluationInProgressError) {
        throw new GraphQLError(`idempotencyKey: ${error.message}`, { extensions: { code: 'CONFLICT', field: 'idempotencyKey' } });
      }
      throw error;
    }
  }

  @Query(() => WorkloadRequest, { nullable: true })
  async workloadRequest(@Args('idempotencyKey') idempotencyKey: string, @CurrentPrincipal() principal: Principal): Promise<WorkloadRequest | null> {
    const row = await this.intake.byKey(idempotencyKey);
    const owner = ownerScope(principal, 'Query.workloadRequest');
    return row && (owner === null || row.submittedBy === owner) ? this.view(row) : null;
  }

  @Query(() => [WorkloadRequest], { description: 'Newest first.' })
  async workloadRequests(
    @Args('status', { type: () => String, nullable: true }) status: string | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WorkloadRequest[]> {
    // An omitted argument arrives as undefined, an explicit null as null: both mean any status.
    status ??= null;
    if (status !== null && !['RECEIVED', 'EVALUATING', 'RECOMMENDED', 'FAILED'].includes(status)) throw userInputError('status', 'must be RECEIVED, EVALUATING, RECOMMENDED or FAILED');
    if (first < 1 || first > 500) throw userInputError('first', 'must be from 1 to 500');
    return Promise.all((await this.intake.list(status, first, ownerScope(principal, 'Query.workloadRequests'))).map((row) => this.view(row)));
  }

  async view(row: WorkloadRequestEntity): Promise<WorkloadRequest> {
    const recommendation = row.recommendationId ? fromEntity(await this.recommendations.get(row.recommendationId)) : null;
    return { ...row, error: row.error, recommendation };
  }
}
