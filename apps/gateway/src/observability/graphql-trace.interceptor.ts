import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { context } from '@cp/observability';
import type { Observable } from 'rxjs';
import { operationContextOf } from './graphql-telemetry.plugin.js';

/**
 * Apollo's plugin hooks cannot wrap execution, so the operation's span is made active here,
 * around each resolver: Nest binds the handler's async scope when `handle()` is called.
 */
@Injectable()
export class GraphQLTraceInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType<GqlContextType>() !== 'graphql') return next.handle();
    const active = operationContextOf(GqlExecutionContext.create(execution).getContext());
    return active ? context.with(active, () => next.handle()) : next.handle();
  }
}
