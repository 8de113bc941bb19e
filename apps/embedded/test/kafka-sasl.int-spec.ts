import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListSitesV1, type ListSitesReplyV1 } from '@cp/contracts';
import { KafkaBus } from '@cp/messaging';
import { checkKafkaSecurity, kafkaSecurity, KafkaSecurityEnv } from '@cp/service-kit';
import { uniqueNamespace } from '@cp/testing';
import { z } from 'zod';
import { type ScramBroker, startScramBroker } from './scram-broker.js';

const USER = { name: 'compute-planner', password: `pw-${Math.random().toString(36).slice(2)}` };
const emptyPage: ListSitesReplyV1 = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0, catalogVersion: null };

/** Exactly what a service's main.ts does with its environment. */
const busOptionsFrom = (environment: Record<string, string>) => kafkaSecurity(z.object(KafkaSecurityEnv).superRefine(checkKafkaSecurity).parse(environment));

describe('Kafka with SASL/SCRAM-SHA-512 (a broker of its own)', () => {
  let broker: ScramBroker;
  const started: KafkaBus[] = [];

  beforeAll(async () => {
    broker = await startScramBroker(USER);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(started.map((bus) => bus.stop()));
    await broker?.stop();
  });

  const bus = (service: string, environment: Record<string, string>, namespace: string) =>
    new KafkaBus({ ...busOptionsFrom(environment), brokers: [broker.bootstrap], service, namespace, topics: [ListSitesV1.topic, ListSitesV1.replyTopic], sends: service === 'gateway' ? [ListSitesV1] : [], startTimeoutMs: 60_000 });

  it('carries a request and its reply between services configured with KAFKA_SASL_*', async () => {
    const credentials = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: USER.name, KAFKA_SASL_PASSWORD: USER.password };
    const namespace = uniqueNamespace('scram');
    const server = bus('inventory', credentials, namespace);
    server.handle(ListSitesV1, async (request) => ({ ...emptyPage, totalCount: request.first }));
    const client = bus('gateway', credentials, namespace);
    started.push(server, client);
    await server.start();
    await client.start();
    const reply = await client.request(ListSitesV1, { first: 3, after: null, filter: {} }, { timeoutMs: 30_000 });
    expect(reply.totalCount).toBe(3);
  }, 120_000);

  it.each([
    ['a wrong password', { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: USER.name, KAFKA_SASL_PASSWORD: 'not-the-password' }, /SASL SCRAM SHA512 authentication failed/],
    // A plaintext client on the SASL listener: the broker closes the connection.
    ['no credentials at all', {}, /Closed connection/],
  ])('refuses a service with %s', async (_name, environment, reason) => {
    const refused = new KafkaBus({ ...busOptionsFrom(environment), brokers: [broker.bootstrap], service: 'intruder', namespace: uniqueNamespace('scram'), topics: [ListSitesV1.topic], startTimeoutMs: 8_000 });
    const failure = await refused.start().then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(reason);
    await refused.stop().catch(() => undefined);
  }, 60_000);
});
