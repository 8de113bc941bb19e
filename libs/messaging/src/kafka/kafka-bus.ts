import { randomUUID } from 'node:crypto';
import {
  type EventContract,
  Headers,
  type PayloadOf,
  type ReplyOf,
  type RequestContract,
  type RequestOf,
  type TopicSpec,
} from '@cp/contracts';
import kafkajs, {
  type Consumer,
  type IHeaders,
  Kafka,
  type KafkaConfig,
  type KafkaMessage,
  logLevel,
  Partitioners,
  type Producer,
} from 'kafkajs';
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
import { messagingMetrics, rootLogger } from '@cp/observability';
import { ensureTopics } from './topics-admin.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const PROBE_HEADER = 'cp-probe';

// Not among the named exports Node detects in kafkajs' CommonJS build.
const { CompressionTypes } = kafkajs;

/**
 * Batched estimates and verdicts run to megabytes of JSON, which gzip shrinks about tenfold;
 * small messages are sent as they are, where compression would only add latency.
 */
const COMPRESS_ABOVE_BYTES = 16 * 1024;

function compressionFor(message: { value: Buffer | string | null }): (typeof CompressionTypes)[keyof typeof CompressionTypes] {
  const size = message.value === null ? 0 : Buffer.byteLength(message.value);
  return size > COMPRESS_ABOVE_BYTES ? CompressionTypes.GZIP : CompressionTypes.None;
}

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  /** Names this service to the broker and is its consumer group: instances of one service share work. */
  readonly service: string;
  /** Request contracts this instance sends; it listens on their reply topics. */
  readonly sends?: readonly RequestContract[];
  /** Topics to create at start (the contracts' full list). */
  readonly topics: readonly TopicSpec[];
  readonly ssl?: KafkaConfig['ssl'];
  readonly sasl?: KafkaConfig['sasl'];
  readonly logger?: BusLogger;
  /** How long a fetch may wait on the broker for data. kafkajs' default of 5 s would sit in every request's latency. */
  readonly maxWaitTimeInMs?: number;
  readonly startTimeoutMs?: number;
  /**
   * Namespace for topics and consumer groups, so several environments (or test runs)
   * can share one cluster without seeing each other's messages. Contracts keep their
   * logical names; only the names on the broker carry the prefix.
   */
  readonly namespace?: string;
}

const KAFKA_LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = { [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'info', [logLevel.DEBUG]: 'debug' };

/**
 * Broker answers kafkajs logs as errors although it retries them itself, and that are expected
 * while new topics elect leaders (ensureTopics waits for those and fails clearly if they never come).
 */
const RETRIED_WHILE_ELECTING = /not the leader for that topic-partition|does not host this topic-partition|no leader for this topic-partition/;

/** kafkajs' own log lines as JSON through the process's logger, like every other line. */
const kafkaLogCreator: KafkaConfig['logCreator'] = () => {
  const logger = rootLogger().child({ component: 'kafkajs' });
  return ({ namespace, level, log }) => {
    const { message, ...fields } = log;
    const retried = namespace === 'Connection' && typeof fields.error === 'string' && RETRIED_WHILE_ELECTING.test(fields.error);
    const method = retried ? 'debug' : KAFKA_LEVELS[level];
    if (method) logger[method]({ namespace, ...fields }, message);
  };
};

interface PendingReply {
  resolve(value: WireMessage): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

function headersOf(message: KafkaMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(message.headers ?? ({} as IHeaders))) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) out[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return out;
}

function wireOf(message: KafkaMessage): WireMessage {
  return { key: message.key ? message.key.toString('utf8') : null, value: message.value ?? Buffer.alloc(0), headers: headersOf(message) };
}

/**
 * kafkajs behind the MessageBus port. Replies come back on the contract's reply topic,
 * read by a consumer group of this instance alone (every partition), so a rebalance of
 * other instances can never strand a reply in flight.
 */
export class KafkaBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly logger: BusLogger;
  private readonly instanceId = randomUUID();
  private readonly requestRoutes = new Map<string, RequestRoute>();
  private readonly eventRoutes = new Map<string, EventRoute>();
  private readonly pending = new Map<string, PendingReply>();
  private producer: Producer | null = null;
  private serviceConsumer: Consumer | null = null;
  private replyConsumer: Consumer | null = null;
  private starting: Promise<void> | null = null;
  private probeSeen: ((id: string) => void) | null = null;
  private state: { ready: boolean; detail: string } = { ready: false, detail: 'not started' };

  constructor(private readonly options: KafkaBusOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.kafka = new Kafka({
      clientId: `cp-${options.service}`,
      brokers: [...options.brokers],
      ssl: options.ssl,
      sasl: options.sasl,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator,
      connectionTimeout: 3_000,
      requestTimeout: 15_000,
      retry: { initialRetryTime: 100, maxRetryTime: 5_000, retries: 10 },
    });
  }

  handle<C extends RequestContract>(contract: C, handler: RequestHandler<C>, options: HandlerOptions = {}): void {
    this.assertNotStarted();
    const topic = contract.topic.name;
    if (this.requestRoutes.has(topic)) throw new Error(`a handler for ${topic} is already registered`);
    this.requestRoutes.set(topic, { contract, handler: handler as unknown as RequestRoute['handler'], service: options.service ?? this.options.service });
  }

  subscribe<C extends EventContract>(contract: C, handler: EventHandler<C>, options: HandlerOptions = {}): void {
    this.assertNotStarted();
    const topic = contract.topic.name;
    const route = this.eventRoutes.get(topic) ?? { contract, handlers: [], service: options.service ?? this.options.service };
    route.handlers.push(handler as unknown as EventHandler<EventContract>);
    this.eventRoutes.set(topic, route);
  }

  request<C extends RequestContract>(contract: C, payload: RequestOf<C>, options: RequestOptions = {}): Promise<ReplyOf<C>> {
    return sending(contract.topic.name, 'request', this.owner, () => this.requestOnce(contract, payload, options));
  }

  private get owner() {
    return { service: this.options.service, transport: 'kafka' } as const;
  }

  private async requestOnce<C extends RequestContract>(contract: C, payload: RequestOf<C>, options: RequestOptions): Promise<ReplyOf<C>> {
    const producer = this.readyProducer();
    if (!this.options.sends?.some((c) => c.replyTopic.name === contract.replyTopic.name)) {
      throw new Error(`${contract.topic.name} is not among this bus's "sends" contracts, so nobody listens for its replies`);
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const correlationId = options.correlationId ?? randomUUID();
    const message = encode(contract, contract.request, payload, {
      key: correlationId,
      correlationId,
      extraHeaders: { [Headers.replyTo]: contract.replyTopic.name, [Headers.deadline]: String(Date.now() + timeoutMs) },
    });
    const reply = new Promise<WireMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(new RequestTimeoutError(contract.topic.name, timeoutMs));
      }, timeoutMs);
      this.pending.set(correlationId, { resolve, reject, timer });
    });
    const sending = producer.send({ topic: this.physical(contract.topic.name), messages: [message], compression: compressionFor(message) }).catch((error: unknown) => {
      const entry = this.pending.get(correlationId);
      if (entry) clearTimeout(entry.timer);
      this.pending.delete(correlationId);
      throw error;
    });
    // The request's timeout also bounds the send: kafkajs retries a send for far longer
    // than a caller waits while the broker is unreachable. A send that fails after the
    // caller gave up must not surface as an unhandled rejection.
    sending.catch(() => undefined);
    await Promise.race([sending, reply]);
    const envelope = decodeReplyEnvelope((await reply).value);
    if (!envelope.ok) throw new RemoteError(envelope.error);
    return contract.reply.parse(envelope.value) as ReplyOf<C>;
  }

  async publish<C extends EventContract>(contract: C, payload: PayloadOf<C>, options: PublishOptions = {}): Promise<void> {
    await sending(contract.topic.name, 'publish', this.owner, async () => {
      const message = encode(contract, contract.payload, payload, options);
      await this.readyProducer().send({ topic: this.physical(contract.topic.name), messages: [message], compression: compressionFor(message) });
    });
  }

  start(): Promise<void> {
    this.starting ??= this.connect().catch((error: unknown) => {
      this.state = { ready: false, detail: `start failed: ${(error as Error).message}` };
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  async stop(): Promise<void> {
    this.state = { ready: false, detail: 'stopped' };
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.reject(new BusNotReadyError('stopping'));
      this.pending.delete(id);
    }
    await Promise.allSettled([this.serviceConsumer?.disconnect(), this.replyConsumer?.disconnect()]);
    await this.producer?.disconnect().catch(() => undefined);
    this.serviceConsumer = this.replyConsumer = this.producer = null;
    this.starting = null;
  }

  health(): BusHealth {
    return this.state;
  }

  /** The broker-side name of a contract topic. */
  private physical(topic: string): string {
    return this.options.namespace ? `${this.options.namespace}.${topic}` : topic;
  }

  private logical(topic: string): string {
    const prefix = this.options.namespace ? `${this.options.namespace}.` : '';
    return prefix && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  }

  private group(name: string): string {
    return this.options.namespace ? `${this.options.namespace}.${name}` : name;
  }

  private assertNotStarted(): void {
    if (this.starting) throw new Error('register handlers before the bus starts: Kafka subscriptions are fixed once consuming');
  }

  private readyProducer(): Producer {
    if (!this.producer || !this.state.ready) throw new BusNotReadyError(this.state.detail);
    return this.producer;
  }

  private async connect(): Promise<void> {
    const timeoutMs = this.options.startTimeoutMs ?? 60_000;
    this.state = { ready: false, detail: 'connecting' };
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, this.options.topics.map((t) => ({ ...t, name: this.physical(t.name) })), { timeoutMs });
    } finally {
      await admin.disconnect();
    }
    // Not kafkajs' idempotent mode: it wants unbounded retries, which would let a send hang
    // past a request's deadline during an outage. A retried send may duplicate a message;
    // every message carries an id and consumers deduplicate by it.
    this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, idempotent: false });
    await this.producer.connect();

    const joins: Promise<void>[] = [];
    if (this.requestRoutes.size + this.eventRoutes.size > 0) {
      const groupId = this.group(`cp.${this.options.service}`);
      this.serviceConsumer = this.consumer(groupId);
      this.reportLag(this.serviceConsumer, groupId);
      joins.push(this.joined(this.serviceConsumer, timeoutMs));
      await this.serviceConsumer.connect();
      await this.serviceConsumer.subscribe({
        topics: [...this.requestRoutes.keys(), ...this.eventRoutes.keys()].map((t) => this.physical(t)),
        fromBeginning: true,
      });
      await this.serviceConsumer.run({
        partitionsConsumedConcurrently: 4,
        eachMessage: async ({ topic, message }) => this.onServiceMessage(this.logical(topic), wireOf(message)),
      });
    }
    const replyTopics = [...new Set((this.options.sends ?? []).map((c) => c.replyTopic))];
    if (replyTopics.length > 0) {
      this.replyConsumer = this.consumer(this.group(`cp.${this.options.service}.replies.${this.instanceId}`));
      await this.replyConsumer.connect();
      await this.replyConsumer.subscribe({ topics: replyTopics.map((t) => this.physical(t.name)), fromBeginning: false });
      await this.replyConsumer.run({
        partitionsConsumedConcurrently: 4,
        eachMessage: async ({ message }) => this.onReply(wireOf(message)),
      });
      joins.push(this.probeReplies(replyTopics, timeoutMs));
    }
    await Promise.all(joins);
    this.state = { ready: true, detail: 'connected' };
  }

  private consumer(groupId: string): Consumer {
    const consumer = this.kafka.consumer({
      groupId,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 25,
      minBytes: 1,
      sessionTimeout: 10_000,
      rebalanceTimeout: 15_000,
      heartbeatInterval: 1_000,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 100, maxRetryTime: 5_000, retries: 10 },
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.logger.error('kafka consumer crashed', { groupId, error: String(event.payload.error), restart: event.payload.restart });
      if (!event.payload.restart) this.state = { ready: false, detail: `consumer ${groupId} crashed` };
    });
    return consumer;
  }

  /** Lag from the batch's high watermark, as kafkajs reports it after each batch: no extra broker calls. */
  private reportLag(consumer: Consumer, groupId: string): void {
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      messagingMetrics.consumerLag.set(
        { service: this.options.service, group: groupId, topic: this.logical(payload.topic), partition: String(payload.partition) },
        Math.max(0, Number(payload.offsetLag)),
      );
    });
  }

  private joined(consumer: Consumer, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumer did not join its group within ${timeoutMs} ms`)), timeoutMs);
      const off = consumer.on(consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  /**
   * A reply consumer starting "from latest" decides what latest is only at its first
   * fetch, after joining. Until it has read a probe we sent on every partition, a fast
   * reply could land before that point and be skipped, so the bus is not ready before.
   */
  private async probeReplies(topics: readonly TopicSpec[], timeoutMs: number): Promise<void> {
    const expected = new Set(topics.flatMap((t) => Array.from({ length: t.partitions }, (_, p) => `${t.name}/${p}`)));
    const seen = new Promise<void>((resolve) => {
      this.probeSeen = (id) => {
        expected.delete(id);
        if (expected.size === 0) resolve();
      };
    });
    const deadline = Date.now() + timeoutMs;
    let settled = false;
    void seen.then(() => (settled = true));
    while (!settled) {
      if (Date.now() > deadline) throw new Error(`reply topics not readable within ${timeoutMs} ms`);
      for (const id of expected) {
        const [topic, partition] = [id.slice(0, id.lastIndexOf('/')), Number(id.slice(id.lastIndexOf('/') + 1))];
        await this.producer!.send({
          topic: this.physical(topic),
          messages: [{ partition, value: Buffer.alloc(0), headers: { [PROBE_HEADER]: this.instanceId, 'cp-probe-id': id } }],
        });
      }
      await Promise.race([seen, new Promise((r) => setTimeout(r, 300))]);
    }
    this.probeSeen = null;
  }

  private async onReply(message: WireMessage): Promise<void> {
    const probe = message.headers[PROBE_HEADER];
    if (probe !== undefined) {
      if (probe === this.instanceId) this.probeSeen?.(message.headers['cp-probe-id'] ?? '');
      return;
    }
    const correlationId = message.headers[Headers.correlationId];
    const entry = correlationId ? this.pending.get(correlationId) : undefined;
    if (!entry || !correlationId) return; // another instance's reply, or one we stopped waiting for
    clearTimeout(entry.timer);
    this.pending.delete(correlationId);
    entry.resolve(message);
  }

  private async onServiceMessage(topic: string, message: WireMessage): Promise<void> {
    const requestRoute = this.requestRoutes.get(topic);
    if (requestRoute) {
      const outcome = await dispatchRequest(requestRoute, message, this.logger, this.owner);
      if (outcome.deadLetter) await this.sendDeadLetter(outcome.deadLetter);
      if (outcome.reply) countProduced(outcome.reply.topic, this.owner);
      if (outcome.reply) await this.producer!.send({ topic: this.physical(outcome.reply.topic), messages: [outcome.reply.message], compression: compressionFor(outcome.reply.message) });
      return;
    }
    const eventRoute = this.eventRoutes.get(topic);
    if (eventRoute) {
      const deadLetter = await dispatchEvent(eventRoute, message, this.logger, this.owner);
      if (deadLetter) await this.sendDeadLetter(deadLetter);
    }
  }

  private async sendDeadLetter(letter: DeadLetter): Promise<void> {
    countProduced(letter.topic, this.owner);
    await this.producer!.send({ topic: this.physical(letter.topic), messages: [{ value: letter.value, headers: letter.headers }], compression: compressionFor({ value: letter.value }) });
  }
}
