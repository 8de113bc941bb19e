import { type CanActivate, type ExecutionContext, HttpException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { decideAccess } from '@cp/access';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { Authenticator, type RequestWithAuth } from './authenticator.js';
import type { Principal } from './principal.js';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const HTTP_ACCESS = 'cp:http-access';

/** Names the `GATEWAY_ACCESS` entry (libs/access) that guards an HTTP route. */
export const HttpAccess = (key: string) => SetMetadata(HTTP_ACCESS, key);

export interface AuthenticatedRequest extends RequestWithAuth {
  /** Set by the guard for operations that need credentials. */
  principal?: Principal | null;
}

/** The `GATEWAY_ACCESS` key of an HTTP route marked `@HttpAccess`, or undefined for a public route. */
export function httpAccessKey(reflector: Reflector, context: ExecutionContext): string | undefined {
  return reflector.get<string | undefined>(HTTP_ACCESS, context.getHandler());
}

/** The request behind a GraphQL operation or an HTTP route. */
export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/**
 * Enforces `GATEWAY_ACCESS` on every root operation (one without an entry is refused), every
 * field listed there (it also runs on field resolvers) and every HTTP route marked
 * `@HttpAccess`. Unmarked HTTP routes (health, the console's files) are public.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const graphql = context.getType<string>() === 'graphql';
    let key: string;
    if (graphql) {
      const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
      key = `${info.parentType.name}.${info.fieldName}`;
      if (!ROOT_TYPES.has(info.parentType.name) && !hasEntry(key)) return true;
    } else {
      const marked = httpAccessKey(this.reflector, context);
      if (!marked) return true;
      key = marked;
    }
    const request = requestOf(context);
    const authentication = await this.authenticator.of(request);
    if (authentication.failure) throw denial(graphql, 'UNAUTHENTICATED', authentication.failure);
    const decision = decideAccess(key, authentication.principal);
    if (!decision.allowed) throw denial(graphql, decision.code, decision.reason);
    request.principal = authentication.principal;
    return true;
  }
}

function hasEntry(key: string): boolean {
  return decideAccess(key, { id: 'probe', roles: ['admin'] }).allowed;
}

function denial(graphql: boolean, code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): Error {
  if (graphql) return new GraphQLError(message, { extensions: { code } });
  return new HttpException({ error: { code, message } }, code === 'UNAUTHENTICATED' ? 401 : 403);
}

/** The principal whose records alone an own-records-only caller may see (null: no restriction). */
export function ownerScope(principal: Principal | null | undefined, key: string): string | null {
  if (!principal) return null;
  const decision = decideAccess(key, principal);
  return decision.allowed && decision.ownRecordsOnly ? principal.id : null;
}
