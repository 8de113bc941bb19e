import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from './current-actor.decorator.js';
import type { Principal } from './principal.js';

@ObjectType({ description: 'Who the request is authenticated as.' })
export class Viewer {
  @Field({ description: 'The actor id recorded in the audit log: key:<id>, jwt:<subject> or token-<n>.' })
  id!: string;

  @Field(() => [String], { description: 'planner, finance, pipeline, compliance-admin, inventory-admin or admin.' })
  roles!: string[];

  @Field({ description: 'API_KEY, JWT or STATIC_TOKEN.' })
  method!: string;

  @Field(() => Date, { nullable: true, description: 'When the credential stops working, if it does.' })
  expiresAt!: Date | null;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { nullable: true, description: 'The caller, or null without credentials (wrong credentials are UNAUTHENTICATED); a console asks this to learn what to show.' })
  me(@CurrentPrincipal() principal: Principal | null): Viewer | null {
    return principal ? { id: principal.id, roles: [...principal.roles], method: principal.method, expiresAt: principal.expiresAt } : null;
  }
}
