import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { type Context, extractTraceContext, graphqlMetrics, markFailed, SpanKind, trace, tracer } from '@cp/observability';

const SERVICE = 'gateway';
/** Operation names come from clients: labels take the first ones seen, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const seenNames = new Set<string>();
/** Nest's logger, so the app's log levels apply (it is the pino logger of startNestService). */
const logger = new Logger('GraphQL');

export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'invalid';
  if (seenNames.has(name)) return name;
  if (seenNames.size >= MAX_OPERATION_NAMES) return 'other';
  seenNames.add(name);
  return name;
}

/** The operation's trace context, by the request's GraphQL context object, for the resolver interceptor. */
const operationContexts = new WeakMap<object, Context>();

export function operationContextOf(contextValue: unknown): Context | undefined {
  return typeof contextValue === 'object' && contextValue !== null ? operationContexts.get(contextValue) : undefined;
}

function headerValues(headers: { get(name: string): string | undefined } | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['traceparent', 'tracestate']) {
    const value = headers?.get(name);
    if (value) out[name] = value;
  }
  return out;
}

/**
 * One SERVER span per GraphQL operation (continuing a caller's `traceparent`), and the
 * operation rate, errors (by extensions.code) and latency by operation name. Resolvers run
 * inside the span through GraphQLTraceInterceptor, so the bus hops and queries they cause
 * belong to the same trace.
 */
export function graphqlTelemetryPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request, contextValue }): Promise<GraphQLRequestListener<BaseContext>> {
      const startedAt = performance.now();
      const parent = extractTraceContext(headerValues(request.http?.headers));
      const span = tracer().startSpan('graphql', { kind: SpanKind.SERVER, attributes: { 'cp.service': SERVICE } }, parent);
      operationContexts.set(contextValue, trace.setSpan(parent, span));
      let operation = operationLabel(request.operationName);
      let type = 'unknown';
      let errors = 0;
      return {
        async didResolveOperation({ operationName, operation: document }) {
          operation = operationLabel(operationName);
          type = document?.operation ?? 'unknown';
          span.updateName(`${type} ${operation}`);
          span.setAttributes({ 'graphql.operation.name': operation, 'graphql.operation.type': type });
        },
        async didEncounterErrors({ errors: encountered }) {
          errors += encountered.length;
          for (const error of encountered) {
            const code = typeof error.extensions?.['code'] === 'string' ? error.extensions['code'] : 'INTERNAL_SERVER_ERROR';
            graphqlMetrics.errors.inc({ service: SERVICE, operation, code });
          }
          markFailed(span, encountered[0]);
        },
        async willSendResponse() {
          const seconds = (performance.now() - startedAt) / 1000;
          graphqlMetrics.operations.inc({ service: SERVICE, operation, type });
          graphqlMetrics.duration.observe({ service: SERVICE, operation, type }, seconds);
          span.end();
          logger.log({ msg: 'graphql operation', correlationId: span.spanContext().traceId, operation, type, errors, durationMs: Math.round(seconds * 1000) });
        },
      };
    },
  };
}
