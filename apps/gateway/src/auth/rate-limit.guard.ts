import { type CanActivate, type ExecutionContext, HttpException, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { httpAccessKey, requestOf } from './access.guard.js';
import { Authenticator } from './authenticator.js';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const WINDOW_SECONDS = 60;

/**
 * Per-caller rate limits (rate-limiter-flexible), counted over every operation together:
 * by authenticated actor, or by client address for anonymous callers, who get a smaller
 * budget. Runs before the AccessGuard (credentials are read once per request, so both see
 * the same caller), so refused requests count too; nested fields do not count, nor do public
 * HTTP routes (health, metrics).
 * Counters live in this gateway instance (several instances: each allows the budget).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly callers: RateLimiterMemory;
  private readonly anonymous: RateLimiterMemory;

  constructor(
    @Inject(GATEWAY_OPTIONS) options: GatewayModuleOptions,
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {
    const { perMinute, anonymousPerMinute } = options.security.rateLimit;
    this.callers = new RateLimiterMemory({ keyPrefix: 'caller', points: perMinute, duration: WINDOW_SECONDS });
    this.anonymous = new RateLimiterMemory({ keyPrefix: 'anonymous', points: anonymousPerMinute, duration: WINDOW_SECONDS });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const graphql = context.getType<string>() === 'graphql';
    if (graphql && !ROOT_TYPES.has(GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>().parentType.name)) return true;
    // Health probes and metrics scrapes are not callers' requests: only data routes count.
    if (!graphql && httpAccessKey(this.reflector, context) === undefined) return true;
    const request = requestOf(context);
    const { principal } = await this.authenticator.of(request);
    const limiter = principal ? this.callers : this.anonymous;
    const tracker = principal?.id ?? `ip:${request.ip ?? request.socket?.remoteAddress ?? 'unknown'}`;
    try {
      await limiter.consume(tracker);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      const message = `rate limit of ${limiter.points} requests per ${WINDOW_SECONDS} s exceeded for ${tracker}; retry after ${retryAfterSeconds} s`;
      if (graphql) throw new GraphQLError(message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds } });
      throw new HttpException({ error: { code: 'RATE_LIMITED', message, retryAfterSeconds } }, 429);
    }
  }
}
