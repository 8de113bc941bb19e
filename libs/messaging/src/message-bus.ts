import type {
  EventContract,
  PayloadOf,
  ReplyOf,
  RequestContract,
  RequestOf,
} from '@cp/contracts';

/** What a handler learns about the message it is handling. */
export interface MessageContext {
  readonly messageId: string;
  readonly correlationId: string;
  readonly topic: string;
  readonly sentAt: string;
}

export type RequestHandler<C extends RequestContract> = (
  request: RequestOf<C>,
  context: MessageContext,
) => Promise<ReplyOf<C>>;

export type EventHandler<C extends EventContract> = (payload: PayloadOf<C>, context: MessageContext) => Promise<void>;

export interface RequestOptions {
  /** How long to wait for the reply; the request is also dropped unhandled once this has passed. */
  readonly timeoutMs?: number;
  readonly correlationId?: string;
}

export interface PublishOptions {
  /** Partition key; events with the same key keep their order. */
  readonly key?: string;
  /** Stable id for consumers' deduplication; defaults to a fresh UUID. */
  readonly messageId?: string;
  readonly correlationId?: string;
}

export interface HandlerOptions {
  /** The service the handler belongs to, for spans and metrics (several share one in-process bus). */
  readonly service?: string;
}

export interface BusHealth {
  readonly ready: boolean;
  readonly detail: string;
}

/** A message that could not be handled, kept with its original bytes and the reason. */
export interface DeadLetter {
  readonly topic: string;
  readonly reason: string;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
}

/**
 * The one port every service talks through. Two implementations: Kafka for the
 * distributed mode and in-process for the embedded one; the same contract tests run
 * against both. Payloads are parsed against their contract on send and on receive.
 */
export interface MessageBus {
  /** Registers the handler of a request contract; call before `start`. */
  handle<C extends RequestContract>(contract: C, handler: RequestHandler<C>, options?: HandlerOptions): void;
  /** Registers an event handler for this service's consumer group; call before `start`. */
  subscribe<C extends EventContract>(contract: C, handler: EventHandler<C>, options?: HandlerOptions): void;
  request<C extends RequestContract>(contract: C, payload: RequestOf<C>, options?: RequestOptions): Promise<ReplyOf<C>>;
  publish<C extends EventContract>(contract: C, payload: PayloadOf<C>, options?: PublishOptions): Promise<void>;
  /** Connects and starts consuming; resolves only once requests and replies can flow. Idempotent. */
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): BusHealth;
}
