import { z } from 'zod';

/** Header names of every message on the bus, whichever transport carries it. */
export const Headers = {
  messageId: 'cp-message-id',
  correlationId: 'cp-correlation-id',
  topic: 'cp-topic',
  version: 'cp-version',
  sentAt: 'cp-sent-at',
  replyTo: 'cp-reply-to',
  /** Epoch milliseconds after which nobody waits for the reply any more. */
  deadline: 'cp-deadline',
  deadLetterReason: 'cp-dlq-reason',
  deadLetterSourceTopic: 'cp-dlq-source-topic',
} as const;

/**
 * Error codes a reply may carry. They mirror the GraphQL codes the gateway maps them to,
 * so the mapping is a total function and no internals ever cross the bus.
 */
export const BusErrorCode = z.enum(['BAD_REQUEST', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE', 'INTERNAL']);
export type BusErrorCode = z.output<typeof BusErrorCode>;

export const BusError = z.object({
  code: BusErrorCode,
  message: z.string(),
  /** Dotted path of the offending field for BAD_REQUEST. */
  field: z.string().optional(),
});
export type BusError = z.output<typeof BusError>;

export const ReplyEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: BusError }),
]);
export type ReplyEnvelope = z.output<typeof ReplyEnvelope>;
