import { type BusError, deadLetterTopicOf, type EventContract, Headers, type RequestContract } from '@cp/contracts';
import { extractTraceContext, inSpan, messagingMetrics, rootLogger, type Span, SpanKind, SpanStatusCode } from '@cp/observability';
import { decode, encodeReply, type WireMessage } from './codec.js';
import { HandlerError } from './errors.js';
import type { DeadLetter, EventHandler, RequestHandler } from './message-bus.js';

export interface BusLogger {
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** The process's JSON logger (pino), so bus warnings carry the correlation id like every other line. */
export const consoleLogger: BusLogger = {
  warn: (message, meta) => rootLogger().warn({ component: 'messaging', ...meta }, message),
  error: (message, meta) => rootLogger().error({ component: 'messaging', ...meta }, message),
};

export type TransportName = 'kafka' | 'inprocess';

/** Who handles a route, for span attributes and metric labels (one process may host several services). */
export interface RouteOwner {
  readonly service: string;
  readonly transport: TransportName;
}

export interface RequestRoute {
  readonly contract: RequestContract;
  readonly handler: RequestHandler<RequestContract>;
  readonly service?: string;
}

export interface EventRoute {
  readonly contract: EventContract;
  readonly handlers: EventHandler<EventContract>[];
  readonly service?: string;
}

/**
 * Every delivery runs in a CONSUMER span whose parent is the context the sender put in the
 * headers, so a request's trace continues across the hop; its outcome is counted and timed.
 */
async function consume<T>(topic: string, message: WireMessage, owner: RouteOwner, handle: (span: Span) => Promise<{ result: T; outcome: string }>): Promise<T> {
  const startedAt = performance.now();
  const labels = { service: owner.service, topic, transport: owner.transport };
  let outcome = 'error';
  try {
    return await inSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        parent: extractTraceContext(message.headers),
        attributes: {
          'messaging.system': owner.transport === 'kafka' ? 'kafka' : 'in-process',
          'messaging.destination.name': topic,
          'messaging.operation.type': 'process',
          'messaging.message.id': message.headers[Headers.messageId] ?? '',
          'cp.service': owner.service,
        },
      },
      async (span) => {
        const handled = await handle(span);
        outcome = handled.outcome;
        span.setAttribute('cp.outcome', outcome);
        if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
        return handled.result;
      },
    );
  } finally {
    messagingMetrics.consumed.inc({ ...labels, outcome });
    messagingMetrics.handlerDuration.observe({ ...labels, outcome }, (performance.now() - startedAt) / 1000);
  }
}

/** What a transport must do after a request was handled. */
export interface RequestOutcome {
  readonly reply: { readonly topic: string; readonly message: WireMessage } | null;
  readonly deadLetter: DeadLetter | null;
  /** The reply carries an error (or there would have been one, had anyone waited). */
  readonly failed?: boolean;
}

function toBusError(error: unknown, logger: BusLogger, topic: string): BusError {
  if (error instanceof HandlerError) return { code: error.code, message: error.message, field: error.field };
  logger.error('request handler failed', { topic, error: error instanceof Error ? error.stack : String(error) });
  return { code: 'INTERNAL', message: 'the service failed to handle the request' };
}

function deadLetterOf(topic: string, message: WireMessage, reason: string): DeadLetter {
  return {
    topic: deadLetterTopicOf({ name: topic, partitions: 1 }).name,
    reason,
    value: message.value,
    headers: { ...message.headers, [Headers.deadLetterReason]: reason, [Headers.deadLetterSourceTopic]: topic },
  };
}

/**
 * Shared by both transports so their behaviour cannot drift: parse, skip expired
 * requests, run the handler, and turn every outcome into a reply (callers never hang)
 * and, for unparsable input, a dead letter.
 */
export async function dispatchRequest(route: RequestRoute, message: WireMessage, logger: BusLogger, owner: RouteOwner): Promise<RequestOutcome> {
  const topic = route.contract.topic.name;
  return consume(topic, message, { ...owner, service: route.service ?? owner.service }, async () => {
    const outcome = await handleRequest(route, message, logger);
    const kind = outcome.deadLetter ? 'dead_letter' : !outcome.reply ? 'expired' : outcome.failed ? 'error' : 'ok';
    return { result: outcome, outcome: kind };
  });
}

async function handleRequest(route: RequestRoute, message: WireMessage, logger: BusLogger): Promise<RequestOutcome> {
  const topic = route.contract.topic.name;
  const replyTo = message.headers[Headers.replyTo];
  const correlationId = message.headers[Headers.correlationId];
  const deadline = Number(message.headers[Headers.deadline] ?? Number.POSITIVE_INFINITY);
  const replyWith = (envelope: Parameters<typeof encodeReply>[1]) =>
    replyTo && correlationId ? { topic: replyTo, message: encodeReply(correlationId, envelope) } : null;

  const decoded = decode(route.contract, route.contract.request, message);
  if (!decoded.ok) {
    logger.warn('rejected request', { topic, reason: decoded.reason });
    return {
      reply: replyWith({ ok: false, error: { code: 'BAD_REQUEST', message: decoded.reason, field: decoded.field } }),
      deadLetter: deadLetterOf(topic, message, decoded.reason),
      failed: true,
    };
  }
  if (Date.now() > deadline) {
    // Nobody waits for this reply any more; answering would only load the reply topic.
    return { reply: null, deadLetter: null };
  }
  try {
    const value = await route.handler(decoded.value, decoded.context);
    const checked = route.contract.reply.safeParse(value);
    if (!checked.success) {
      logger.error('handler returned a reply that breaks its contract', { topic, issues: checked.error.issues });
      return { reply: replyWith({ ok: false, error: { code: 'INTERNAL', message: 'the service produced an invalid reply' } }), deadLetter: null, failed: true };
    }
    return { reply: replyWith({ ok: true, value: checked.data }), deadLetter: null };
  } catch (error) {
    return { reply: replyWith({ ok: false, error: toBusError(error, logger, topic) }), deadLetter: null, failed: true };
  }
}

/** Handler verdicts on an event that no retry can change: the message itself is wrong. */
const POISON_CODES: ReadonlySet<string> = new Set(['BAD_REQUEST', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * Unparsable events, and events a handler rejects as wrong in themselves (a HandlerError
 * with BAD_REQUEST, CONFLICT, FORBIDDEN or NOT_FOUND), go to the dead-letter topic with the
 * reason and are skipped. Any other handler failure is rethrown so the transport retries it
 * (the offset is not committed).
 */
export async function dispatchEvent(route: EventRoute, message: WireMessage, logger: BusLogger, owner: RouteOwner): Promise<DeadLetter | null> {
  const topic = route.contract.topic.name;
  return consume(topic, message, { ...owner, service: route.service ?? owner.service }, async () => {
    const deadLetter = await handleEvent(route, message, logger);
    return { result: deadLetter, outcome: deadLetter ? 'dead_letter' : 'ok' };
  });
}

async function handleEvent(route: EventRoute, message: WireMessage, logger: BusLogger): Promise<DeadLetter | null> {
  const topic = route.contract.topic.name;
  const decoded = decode(route.contract, route.contract.payload, message);
  if (!decoded.ok) {
    logger.warn('rejected event', { topic, reason: decoded.reason });
    return deadLetterOf(topic, message, decoded.reason);
  }
  for (const handler of route.handlers) {
    try {
      await handler(decoded.value, decoded.context);
    } catch (error) {
      if (!(error instanceof HandlerError) || !POISON_CODES.has(error.code)) throw error;
      // Handler messages already name their field ("idempotencyKey: …").
      const reason = `${error.code}: ${error.message}`;
      logger.warn('handler rejected event', { topic, reason });
      return deadLetterOf(topic, message, reason);
    }
  }
  return null;
}
