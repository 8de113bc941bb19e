import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type AuthenticatedRequest, requestOf } from './access.guard.js';
import type { Actor } from '@cp/contracts';
import type { Principal } from './principal.js';

/**
 * The actor the AccessGuard authenticated, as services receive it (id and roles only);
 * operations open to anonymous callers have none.
 */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request: AuthenticatedRequest = requestOf(context);
  if (!request.principal) throw new Error('CurrentActor used on an operation that needs no credentials');
  return { id: request.principal.id, roles: [...request.principal.roles] };
});

/** The authenticated principal with how it authenticated, or null for an anonymous caller. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | null => requestOf(context).principal ?? null);
