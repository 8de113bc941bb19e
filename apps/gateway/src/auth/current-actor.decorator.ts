import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@cp/contracts';
import type { RequestWithActor } from './auth.guard.js';

/** The actor the RolesGuard authenticated (operations with @RequireRoles only). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = GqlExecutionContext.create(context).getContext<{ req: RequestWithActor }>().req;
  if (!request.actor) throw new Error('CurrentActor used on an operation without @RequireRoles');
  return request.actor;
});
