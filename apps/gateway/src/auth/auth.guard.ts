import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor, Role } from '@cp/contracts';
import { GraphQLError } from 'graphql';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { actorForToken } from './api-tokens.js';

const ROLES = 'cp:roles';

/** Who may call the operation; `admin` always may. No decorator: open to any caller. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor | null;
}

export function actorOf(request: RequestWithActor, options: GatewayModuleOptions): Actor | null {
  if (request.actor !== undefined) return request.actor;
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const token = value?.startsWith('Bearer ') ? value.slice('Bearer '.length).trim() : null;
  request.actor = token ? actorForToken(options.apiTokens, token) : null;
  if (token && !request.actor) throw new GraphQLError('the bearer token is not valid', { extensions: { code: 'UNAUTHENTICATED' } });
  return request.actor;
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const request = GqlExecutionContext.create(context).getContext<{ req: RequestWithActor }>().req;
    const actor = actorOf(request, this.options);
    if (!actor) throw new GraphQLError('this operation needs a bearer token', { extensions: { code: 'UNAUTHENTICATED' } });
    if (actor.roles.includes('admin') || actor.roles.some((r) => roles.includes(r))) return true;
    throw new GraphQLError(`this operation needs one of the roles ${roles.join(', ')}`, { extensions: { code: 'FORBIDDEN' } });
  }
}
