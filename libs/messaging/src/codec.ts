import { randomUUID } from 'node:crypto';
import { type BusError, type Contract, findNonText, Headers, ReplyEnvelope } from '@cp/contracts';
import { injectTraceContext } from '@cp/observability';
import type { z } from 'zod';
import type { MessageContext } from './message-bus.js';

/** What travels, independent of the transport: bytes plus string headers. */
export interface WireMessage {
  readonly key: string | null;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
}

export type Decoded<T> =
  | { readonly ok: true; readonly value: T; readonly context: MessageContext; readonly headers: Record<string, string> }
  | { readonly ok: false; readonly reason: string; readonly field?: string };

export class PayloadValidationError extends Error {
  constructor(
    readonly topic: string,
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(`invalid payload for ${topic}: ${reason}`);
    this.name = 'PayloadValidationError';
  }
}

export function describeZodError(error: z.ZodError): { field?: string; reason: string } {
  const first = error.issues[0];
  if (!first) return { reason: 'payload does not match its schema' };
  const field = first.path.length > 0 ? first.path.map(String).join('.') : undefined;
  return { field, reason: field ? `${field}: ${first.message}` : first.message };
}

/** Parses before sending, so a bad payload fails at its source with the field named. */
export function encode(
  contract: Contract,
  schema: z.ZodType,
  payload: unknown,
  options: { key?: string | null; messageId?: string; correlationId?: string; extraHeaders?: Record<string, string> },
): WireMessage {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const { field, reason } = describeZodError(parsed.error);
    throw new PayloadValidationError(contract.topic.name, field, reason);
  }
  const notText = findNonText(parsed.data);
  if (notText) throw new PayloadValidationError(contract.topic.name, notText.path || undefined, `${notText.path || 'payload'}: ${notText.problem}`);
  const messageId = options.messageId ?? randomUUID();
  return {
    key: options.key ?? null,
    value: Buffer.from(JSON.stringify(parsed.data)),
    // The sender's trace context (W3C traceparent) travels with the message on both transports.
    headers: injectTraceContext({
      [Headers.messageId]: messageId,
      [Headers.correlationId]: options.correlationId ?? messageId,
      [Headers.topic]: contract.topic.name,
      [Headers.version]: String(contract.version),
      [Headers.sentAt]: new Date().toISOString(),
      ...options.extraHeaders,
    }),
  };
}

/** Parses on receipt: a message of another version or shape never reaches a handler. */
export function decode<T>(contract: Contract, schema: z.ZodType<T>, message: WireMessage): Decoded<T> {
  const version = message.headers[Headers.version];
  if (version === undefined) return { ok: false, reason: `missing header ${Headers.version}` };
  if (version !== String(contract.version)) {
    return { ok: false, reason: `unsupported version ${version} on ${contract.topic.name}; this consumer reads version ${contract.version}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `body is not valid JSON: ${(error as Error).message}` };
  }
  // Strings that are not text would fail deep in a handler's SQL, and be retried for ever.
  const notText = findNonText(json);
  if (notText) return { ok: false, ...(notText.path ? { field: notText.path } : {}), reason: `${notText.path || 'payload'}: ${notText.problem}` };
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, ...describeZodError(parsed.error) };
  const messageId = message.headers[Headers.messageId] ?? randomUUID();
  return {
    ok: true,
    value: parsed.data,
    headers: message.headers,
    context: {
      messageId,
      correlationId: message.headers[Headers.correlationId] ?? messageId,
      topic: contract.topic.name,
      sentAt: message.headers[Headers.sentAt] ?? new Date(0).toISOString(),
    },
  };
}

export function encodeReply(correlationId: string, envelope: ReplyEnvelope): WireMessage {
  return {
    key: correlationId,
    value: Buffer.from(JSON.stringify(envelope)),
    headers: injectTraceContext({
      [Headers.messageId]: randomUUID(),
      [Headers.correlationId]: correlationId,
      [Headers.sentAt]: new Date().toISOString(),
    }),
  };
}

export function decodeReplyEnvelope(value: Buffer): ReplyEnvelope | { ok: false; error: BusError } {
  try {
    const parsed = ReplyEnvelope.safeParse(JSON.parse(value.toString('utf8')));
    if (parsed.success) return parsed.data;
    return { ok: false, error: { code: 'INTERNAL', message: 'malformed reply envelope' } };
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'reply is not valid JSON' } };
  }
}
