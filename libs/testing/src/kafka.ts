import { randomUUID } from 'node:crypto';
import { allTopics, type RequestContract } from '@cp/contracts';
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
