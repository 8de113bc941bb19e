import { Inject } from '@nestjs/common';
import { Context, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { GatewayContext } from '../common/loaders.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { actorOf } from './auth.guard.js';

@ObjectType({ description: 'Who the request is authenticated as.' })
export class Viewer {
  @Field({ description: 'The actor id recorded in the audit log.' })
  id!: string;

  @Field(() => [String], { description: 'planner, finance, pipeline, compliance-admin, inventory-admin or admin.' })
  roles!: string[];
}

@Resolver(() => Viewer)
export class ViewerResolver {
  constructor(@Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions) {}

  @Query(() => Viewer, { nullable: true, description: 'The caller, or null without credentials; a console asks this to learn what to show.' })
  me(@Context() context: GatewayContext): Viewer | null {
    const actor = actorOf(context.req, this.options);
    return actor ? { id: actor.id, roles: [...actor.roles] } : null;
  }
}
