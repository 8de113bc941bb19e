import { randomUUID } from 'node:crypto';
import { type EventContract, Headers, type PayloadOf, type ReplyOf, type RequestContract, type RequestOf } from '@cp/contracts';
import { decodeReplyEnvelope, encode, type WireMessage } from '../codec.js';
import { consoleLogger, dispatchEvent, dispatchRequest, type BusLogger, type EventRoute, type RequestRoute } from '../dispatch.js';
import { BusNotReadyError, RemoteError, RequestTimeoutError } from '../errors.js';
import { countProduced, sending } from '../instrument.js';
import type {
  BusHealth,
  DeadLetter,
  EventHandler,
  HandlerOptions,
  MessageBus,
  PublishOptions,
  RequestHandler,
  RequestOptions,
} from '../message-bus.js';

const DEFAULT_TIMEOUT_MS = 10_000;
/** Like a topic's retention: late subscribers get recent events, memory stays bounded. */
const MAX_RETAINED_PER_TOPIC = 10_000;
/** Senders share the bus, so the sending side is labelled as the embedded process. */
const SENDER = { service: 'embedded', transport: 'inprocess' } as const;
const owner = (service: string | undefined) => ({ service: service ?? 'embedded', transport: 'inprocess' }) as const;

/**
 * The embedded mode's bus: every service in one process shares one instance. Messages
 * still go through the same encode / parse / dispatch path as over Kafka (bytes and
 * headers), so a payload that would fail between processes fails here too.
 */
export class InProcessBus implements MessageBus {
  private readonly requestRoutes = new Map<string, RequestRoute>();
  private readonly eventRoutes = new Map<string, EventRoute[]>();
  /** Events published before anyone subscribed are kept, as a Kafka topic would keep them. */
  private readonly retained = new Map<string, WireMessage[]>();
  private readonly deadLetters: DeadLetter[] = [];
  /** Requests sent before their handler registered wait here, as they would in a Kafka topic. */
  private readonly parked = new Map<string, ((route: RequestRoute) => void)[]>();
  /** Handlers registered but not yet started. */
  private readonly registered: (
    | { kind: 'request'; route: RequestRoute }
    | { kind: 'event'; contract: EventContract; handler: EventHandler<EventContract>; service?: string }
  )[] = [];
  private started = false;
  private readonly retries = new Set<NodeJS.Timeout>();

  constructor(private readonly logger: BusLogger = consoleLogger) {}

  handle<C extends RequestContract>(contract: C, handler: RequestHandler<C>, options: HandlerOptions = {}): void {
    const topic = contract.topic.name;
    if (this.requestRoutes.has(topic) || this.registered.some((r) => r.kind === 'request' && r.route.contract.topic.name === topic)) {
      throw new Error(`a handler for ${topic} is already registered`);
    }
    this.registered.push({ kind: 'request', route: { contract, handler: handler as unknown as RequestRoute['handler'], service: options.service } });
  }

  subscribe<C extends EventContract>(contract: C, handler: EventHandler<C>, options: HandlerOptions = {}): void {
    this.registered.push({ kind: 'event', contract, handler: handler as unknown as EventHandler<EventContract>, service: options.service });
  }

  request<C extends RequestContract>(contract: C, payload: RequestOf<C>, options: RequestOptions = {}): Promise<ReplyOf<C>> {
    return sending(contract.topic.name, 'request', SENDER, () => this.requestOnce(contract, payload, options));
  }

  private async requestOnce<C extends RequestContract>(contract: C, payload: RequestOf<C>, options: RequestOptions): Promise<ReplyOf<C>> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const message = encode(contract, contract.request, payload, {
      correlationId: options.correlationId ?? randomUUID(),
      extraHeaders: { [Headers.replyTo]: contract.replyTopic.name, [Headers.deadline]: String(Date.now() + timeoutMs) },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestTimeoutError(contract.topic.name, timeoutMs)), timeoutMs);
    });
    const waiting = this.routeFor(contract.topic.name);
    try {
      const route = await Promise.race([waiting.route, timeout]);
      const outcome = await Promise.race([dispatchRequest(route, message, this.logger, owner(route.service)), timeout]);
      if (outcome.deadLetter) this.deadLetters.push(outcome.deadLetter);
      if (outcome.reply) countProduced(outcome.reply.topic, owner(route.service));
      if (!outcome.reply) throw new RequestTimeoutError(contract.topic.name, timeoutMs);
      const envelope = decodeReplyEnvelope(outcome.reply.message.value);
      if (!envelope.ok) throw new RemoteError(envelope.error);
      return contract.reply.parse(envelope.value) as ReplyOf<C>;
    } finally {
      clearTimeout(timer);
      waiting.cancel();
    }
  }

  async publish<C extends EventContract>(contract: C, payload: PayloadOf<C>, options: PublishOptions = {}): Promise<void> {
    // After stop an outbox keeps its rows rather than handing them to a bus that will not deliver.
    if (!this.started) throw new BusNotReadyError('stopped');
    await sending(contract.topic.name, 'publish', SENDER, async () => this.publishOnce(contract, payload, options));
  }

  private publishOnce<C extends EventContract>(contract: C, payload: PayloadOf<C>, options: PublishOptions): void {
    const message = encode(contract, contract.payload, payload, options);
    const topic = contract.topic.name;
    const retained = this.retained.get(topic) ?? [];
    retained.push(message);
    if (retained.length > MAX_RETAINED_PER_TOPIC) retained.shift();
    this.retained.set(topic, retained);
    for (const route of this.eventRoutes.get(topic) ?? []) this.deliverLater(route, message);
  }

  /** The route, now or once its handler starts; `cancel` forgets a request that gave up waiting. */
  private routeFor(topic: string): { route: Promise<RequestRoute>; cancel(): void } {
    const route = this.requestRoutes.get(topic);
    if (route) return { route: Promise.resolve(route), cancel: () => undefined };
    let resume: (route: RequestRoute) => void = () => undefined;
    const parked = new Promise<RequestRoute>((resolve) => {
      resume = resolve;
      const waiting = this.parked.get(topic) ?? [];
      waiting.push(resolve);
      this.parked.set(topic, waiting);
    });
    return {
      route: parked,
      cancel: () => {
        const waiting = (this.parked.get(topic) ?? []).filter((r) => r !== resume);
        if (waiting.length > 0) this.parked.set(topic, waiting);
        else this.parked.delete(topic);
      },
    };
  }

  /** Messages that failed to parse or that a handler rejected, with the reason, as `<topic>.dlq` would hold them. */
  deadLettered(): readonly DeadLetter[] {
    return this.deadLetters;
  }

  /**
   * Activates what was registered since the last start. Each service of the embedded
   * process calls it once its own start-up work is done, so (as with a Kafka consumer
   * that has not joined yet) no request reaches a service before it is ready.
   */
  async start(): Promise<void> {
    this.started = true;
    for (const registration of this.registered.splice(0)) {
      if (registration.kind === 'request') {
        const topic = registration.route.contract.topic.name;
        this.requestRoutes.set(topic, registration.route);
        for (const resume of this.parked.get(topic) ?? []) resume(registration.route);
        this.parked.delete(topic);
        continue;
      }
      // One route per subscribing service, as each service is a consumer group of its own on Kafka.
      const topic = registration.contract.topic.name;
      const routes = this.eventRoutes.get(topic) ?? [];
      const route = routes.find((r) => r.service === registration.service);
      if (route) route.handlers.push(registration.handler);
      else routes.push({ contract: registration.contract, handlers: [registration.handler], service: registration.service });
      this.eventRoutes.set(topic, routes);
      for (const message of this.retained.get(topic) ?? []) {
        this.deliverLater({ contract: registration.contract, handlers: [registration.handler], service: registration.service }, message);
      }
    }
  }

  /** Stops delivering: pending retries are dropped and later sends fail, as on a closed connection. */
  async stop(): Promise<void> {
    this.started = false;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
  }

  health(): BusHealth {
    return this.started ? { ready: true, detail: 'in-process' } : { ready: false, detail: 'not started' };
  }

  /** Asynchronous like a broker: the publisher never runs its consumers' code on its own stack. */
  private deliverLater(route: EventRoute, message: WireMessage): void {
    setImmediate(() => {
      void this.deliverWithRetry(route, message, 0);
    });
  }

  private async deliverWithRetry(route: EventRoute, message: WireMessage, attempt: number): Promise<void> {
    if (!this.started) return;
    try {
      const deadLetter = await dispatchEvent(route, message, this.logger, owner(route.service));
      if (deadLetter) this.deadLetters.push(deadLetter);
    } catch (error) {
      if (!this.started) return;
      const delayMs = Math.min(30_000, 100 * 2 ** attempt);
      this.logger.warn('event handler failed; retrying', { topic: route.contract.topic.name, attempt, delayMs, error: String(error) });
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        void this.deliverWithRetry(route, message, attempt + 1);
      }, delayMs);
      timer.unref();
      this.retries.add(timer);
    }
  }
}
