import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Context };

export interface TelemetryOptions {
  /** `service.name` of the process's spans (the embedded process is one service to a collector). */
  readonly serviceName: string;
  /** OTLP/HTTP base URL (as OTEL_EXPORTER_OTLP_ENDPOINT); spans go to `<url>/v1/traces`. Unset: no exporter. */
  readonly otlpEndpoint?: string;
  /** Extra processors, e.g. a SimpleSpanProcessor over an InMemorySpanExporter in tests. */
  readonly spanProcessors?: readonly SpanProcessor[];
}

let provider: NodeTracerProvider | null = null;

/**
 * Sets up tracing for the process, once: the first call wins, later ones are no-ops, so the
 * embedded launcher (or a test) can configure it before the services start. It always
 * registers the AsyncLocalStorage context manager and the W3C propagator, because log
 * correlation and context in Kafka headers need them even when nothing is exported.
 */
export function initTelemetry(options: TelemetryOptions): void {
  if (provider) return;
  const processors: SpanProcessor[] = [...(options.spanProcessors ?? [])];
  if (options.otlpEndpoint) {
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` })));
  }
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: processors,
  });
  provider.register();
}

/** Flushes and stops the exporter (end of process). */
export async function shutdownTelemetry(): Promise<void> {
  await provider?.shutdown();
  provider = null;
}

export function tracer() {
  return trace.getTracer('compute-planner');
}

/** Writes the active trace context into message headers (W3C `traceparent`, `tracestate`). */
export function injectTraceContext(headers: Record<string, string>, from: Context = context.active()): Record<string, string> {
  propagation.inject(from, headers);
  return headers;
}

/** The context a message's headers carry; the root context when they carry none. */
export function extractTraceContext(headers: Record<string, string>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** The active trace id, the correlation id of log lines; undefined outside any span. */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  const id = span?.spanContext().traceId;
  return id && id !== '00000000000000000000000000000000' ? id : undefined;
}

/**
 * Runs `fn` in a new span (child of `parent`, default the active context), records a thrown
 * error on it and ends it when `fn` settles.
 */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

export function markFailed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/** Runs `fn` with `span` active, for callers that own the span's lifetime themselves. */
export function withActiveSpan<T>(span: Span, fn: () => T, parent: Context = context.active()): T {
  return context.with(trace.setSpan(parent, span), fn);
}
