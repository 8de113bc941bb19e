import { randomUUID } from 'node:crypto';
import { allTopics, Headers, type RequestContract } from '@cp/contracts';
import { InProcessBus, KafkaBus, type MessageBus } from '@cp/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { testEnvironment } from './environment.js';

/** A namespace no other test run uses, so topics and groups never collide on the shared broker. */
export function uniqueNamespace(label: string): string {
  return `test-${label}-${randomUUID().slice(0, 8)}`;
}

export type TransportKind = 'in-process' | 'kafka';
export const transports: readonly TransportKind[] = ['in-process', 'kafka'];

/**
 * Buses for a suite that must behave the same on both transports: in-process, one bus
 * shared by every service; Kafka, one bus per service in a namespace of its own.
 */
export function busFactory(kind: TransportKind, namespace: string): (service: string, sends: readonly RequestContract[]) => MessageBus {
  if (kind === 'in-process') {
    const shared = new InProcessBus();
    return () => shared;
  }
  return (service, sends) =>
    new KafkaBus({ brokers: testEnvironment.kafkaBrokers, service, sends, topics: allTopics(), namespace, startTimeoutMs: 60_000 });
}

export function rawKafka(): Kafka {
  return new Kafka({ brokers: testEnvironment.kafkaBrokers, clientId: 'cp-test', logLevel: logLevel.WARN });
}

export interface DeadLetterSeen {
  readonly value: string;
  readonly reason: string;
}

export interface DeadLetterReader {
  /** Dead letters of `topic` (its logical name, without .dlq) seen so far. */
  read(topic: string): Promise<readonly DeadLetterSeen[]>;
  close(): Promise<void>;
}

/**
 * Reads `<topic>.dlq` the same way on both transports: from the in-process bus's record,
 * or from the namespaced dead-letter topic on the broker.
 */
export function deadLetterReader(kind: TransportKind, namespace: string, bus: MessageBus): DeadLetterReader {
  if (kind === 'in-process') {
    const inProcess = bus as InProcessBus;
    return {
      read: async (topic) =>
        inProcess
          .deadLettered()
          .filter((d) => d.topic === `${topic}.dlq`)
          .map((d) => ({ value: d.value.toString(), reason: d.reason })),
      close: async () => undefined,
    };
  }
  const consumers = new Map<string, { seen: DeadLetterSeen[]; consumer: ReturnType<Kafka['consumer']> }>();
  return {
    read: async (topic) => {
      let entry = consumers.get(topic);
      if (!entry) {
        const seen: DeadLetterSeen[] = [];
        const consumer = rawKafka().consumer({ groupId: `${namespace}.dlq-reader.${randomUUID().slice(0, 8)}`, maxWaitTimeInMs: 50 });
        await consumer.connect();
        await consumer.subscribe({ topic: `${namespace}.${topic}.dlq`, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ message }) => {
            seen.push({ value: message.value?.toString() ?? '', reason: message.headers?.[Headers.deadLetterReason]?.toString() ?? '' });
          },
        });
        entry = { seen, consumer };
        consumers.set(topic, entry);
      }
      return entry.seen;
    },
    close: async () => {
      await Promise.allSettled([...consumers.values()].map((c) => c.consumer.disconnect()));
    },
  };
}
