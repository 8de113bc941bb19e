import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { CatalogPublishedV1, type CatalogPublishedV1 as CatalogPublished, deadLetterTopicOf, Headers, ListSitesV1, type ListSitesReplyV1 } from '@cp/contracts';
import { HandlerError, type MessageBus, PayloadValidationError, RemoteError, RequestTimeoutError } from '../src/index.js';
import { busFactory, deadLetterReader, eventually, rawKafka, transports, uniqueNamespace } from '@cp/testing';

const emptyPage: ListSitesReplyV1 = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0, catalogVersion: null };

function aCatalogEvent(version: string): CatalogPublished {
  return { dataset: 'sites', version, effectiveFrom: '2026-12-01', itemCount: 3, checksum: 'a'.repeat(64), publishedAt: new Date().toISOString() };
}

describe.each(transports)('message bus contract on %s', (transport) => {
  const started: MessageBus[] = [];
  let makeBus: ReturnType<typeof busFactory>;
  let namespace: string;

  beforeEach(() => {
    // Every test gets its own in-process bus, or its own topics and groups on the broker.
    namespace = uniqueNamespace('bus');
    makeBus = busFactory(transport, namespace);
  });

  /** A fresh pair per test: a serving "inventory" and a requesting "gateway". */
  async function pair(setup: (server: MessageBus, client: MessageBus) => void): Promise<{ server: MessageBus; client: MessageBus }> {
    const server = makeBus('inventory', []);
    const client = makeBus('gateway', [ListSitesV1]);
    setup(server, client);
    await server.start();
    await client.start();
    started.push(server, client);
    return { server, client };
  }

  afterEach(async () => {
    await Promise.all(started.splice(0).map((bus) => bus.stop()));
  });

  it('delivers a request and returns the parsed reply', async () => {
    const seen: unknown[] = [];
    const { client } = await pair((server) =>
      server.handle(ListSitesV1, async (request) => {
        seen.push(request);
        return { ...emptyPage, totalCount: request.first, catalogVersion: 'v-test' };
      }),
    );
    const reply = await client.request(ListSitesV1, { first: 7, after: null, filter: { countryCode: 'MY' } });
    expect(reply.totalCount).toBe(7);
    expect(reply.catalogVersion).toBe('v-test');
    expect(seen).toEqual([{ first: 7, after: null, filter: { countryCode: 'MY' } }]);
  });

  it('rejects an invalid payload at the sender, naming the field', async () => {
    const { client } = await pair((server) => server.handle(ListSitesV1, async () => emptyPage));
    const sending = client.request(ListSitesV1, { first: 0, after: null, filter: {} });
    await expect(sending).rejects.toBeInstanceOf(PayloadValidationError);
    await expect(sending).rejects.toMatchObject({ field: 'first' });
  });

  it('carries a handler error code to the caller', async () => {
    const { client } = await pair((server) =>
      server.handle(ListSitesV1, async () => {
        throw new HandlerError('BAD_REQUEST', 'after: is not a cursor', 'after');
      }),
    );
    const sending = client.request(ListSitesV1, { first: 1, after: 'zzz', filter: {} });
    await expect(sending).rejects.toBeInstanceOf(RemoteError);
    await expect(sending).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'after', message: 'after: is not a cursor' });
  });

  it('hides the internals of an unexpected handler failure', async () => {
    const { client } = await pair((server) =>
      server.handle(ListSitesV1, async () => {
        throw new Error('connection to 10.1.2.3 refused, password=hunter2');
      }),
    );
    const sending = client.request(ListSitesV1, { first: 1, after: null, filter: {} });
    await expect(sending).rejects.toMatchObject({ code: 'INTERNAL', message: 'the service failed to handle the request' });
  });

  it('refuses a reply that breaks the contract instead of passing it on', async () => {
    const { client } = await pair((server) =>
      server.handle(ListSitesV1, async () => ({ ...emptyPage, totalCount: -1 })),
    );
    await expect(client.request(ListSitesV1, { first: 1, after: null, filter: {} })).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('times out when the handler does not answer in time', async () => {
    const { client } = await pair((server) =>
      server.handle(ListSitesV1, () => new Promise((resolve) => setTimeout(() => resolve(emptyPage), 3_000))),
    );
    await expect(client.request(ListSitesV1, { first: 1, after: null, filter: {} }, { timeoutMs: 500 })).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('answers many concurrent requests, each with its own reply', async () => {
    const { client } = await pair((server) =>
      server.handle(ListSitesV1, async (request) => ({ ...emptyPage, totalCount: request.first })),
    );
    const firsts = Array.from({ length: 60 }, (_, i) => i + 1);
    const replies = await Promise.all(firsts.map((first) => client.request(ListSitesV1, { first, after: null, filter: {} })));
    expect(replies.map((r) => r.totalCount)).toEqual(firsts);
  });

  it('delivers events to a subscriber, including those published before it started', async () => {
    const received: CatalogPublished[] = [];
    const publisher = makeBus('inventory', []);
    await publisher.start();
    started.push(publisher);
    await publisher.publish(CatalogPublishedV1, aCatalogEvent('early'), { key: 'sites' });

    const subscriber = makeBus('gateway', [ListSitesV1]);
    subscriber.subscribe(CatalogPublishedV1, async (event) => {
      received.push(event);
    });
    await subscriber.start();
    started.push(subscriber);
    await publisher.publish(CatalogPublishedV1, aCatalogEvent('late'), { key: 'sites' });

    await eventually(async () => (received.length >= 2 ? true : undefined));
    expect(received.map((e) => e.version)).toEqual(['early', 'late']);
  });

  it('retries an event whose handler fails, until it succeeds', async () => {
    let attempts = 0;
    const subscriber = makeBus('gateway', [ListSitesV1]);
    subscriber.subscribe(CatalogPublishedV1, async () => {
      attempts += 1;
      if (attempts < 3) throw new Error('database briefly unavailable');
    });
    await subscriber.start();
    const publisher = makeBus('inventory', []);
    await publisher.start();
    started.push(subscriber, publisher);
    await publisher.publish(CatalogPublishedV1, aCatalogEvent('retry'));
    await eventually(async () => (attempts >= 3 ? true : undefined), { timeoutMs: 30_000 });
    expect(attempts).toBe(3);
  });

  it('dead-letters an event its handler rejects as wrong in itself, with the reason, and goes on', async () => {
    const handled: string[] = [];
    const subscriber = makeBus('gateway', [ListSitesV1]);
    subscriber.subscribe(CatalogPublishedV1, async (event) => {
      if (event.version === 'poison') throw new HandlerError('CONFLICT', 'version: poison is already recorded with other content', 'version');
      handled.push(event.version);
    });
    await subscriber.start();
    const publisher = makeBus('inventory', []);
    await publisher.start();
    started.push(subscriber, publisher);
    const reader = deadLetterReader(transport, namespace, subscriber);
    try {
      // One key keeps the three in order on one partition.
      for (const version of ['before', 'poison', 'after']) await publisher.publish(CatalogPublishedV1, aCatalogEvent(version), { key: 'one' });
      await eventually(async () => (handled.length === 2 ? true : undefined), { timeoutMs: 30_000 });
      expect(handled).toEqual(['before', 'after']);
      const dead = await eventually(async () => {
        const letters = await reader.read(CatalogPublishedV1.topic.name);
        return letters.length > 0 ? letters : undefined;
      });
      expect(dead).toHaveLength(1);
      expect(dead[0]!.reason).toBe('CONFLICT: version: poison is already recorded with other content');
      expect(JSON.parse(dead[0]!.value)).toMatchObject({ version: 'poison' });
    } finally {
      await reader.close();
    }
  });
});

describe('Kafka transport with bytes from outside', () => {
  it('sends an unparsable request to the dead-letter topic with the reason, answers the caller, and goes on', async () => {
    const namespace = uniqueNamespace('dlq');
    const makeBus = busFactory('kafka', namespace);
    const server = makeBus('inventory', []);
    server.handle(ListSitesV1, async () => emptyPage);
    const client = makeBus('gateway', [ListSitesV1]);
    await server.start();
    await client.start();

    const kafka = rawKafka();
    const producer = kafka.producer();
    const dlqConsumer = kafka.consumer({ groupId: `${namespace}.dlq-reader`, maxWaitTimeInMs: 50 });
    const dead: { value: string; reason: string | undefined }[] = [];
    try {
      await producer.connect();
      await dlqConsumer.connect();
      await dlqConsumer.subscribe({ topic: `${namespace}.${deadLetterTopicOf(ListSitesV1.topic).name}`, fromBeginning: true });
      await dlqConsumer.run({
        eachMessage: async ({ message }) => {
          dead.push({ value: message.value?.toString() ?? '', reason: message.headers?.[Headers.deadLetterReason]?.toString() });
        },
      });
      await producer.send({
        topic: `${namespace}.${ListSitesV1.topic.name}`,
        messages: [
          // One key: one partition, so the dead letters keep this order.
          { key: 'poison', value: '{not json', headers: { [Headers.version]: '1' } },
          { key: 'poison', value: JSON.stringify({ first: 1, after: null, filter: {} }), headers: { [Headers.version]: '99' } },
          { key: 'poison', value: JSON.stringify({ first: 'ten', after: null, filter: {} }), headers: { [Headers.version]: '1' } },
        ],
      });
      // The poison messages do not block the partition: a valid request behind them is answered.
      await expect(client.request(ListSitesV1, { first: 2, after: null, filter: {} })).resolves.toMatchObject({ totalCount: 0 });
      await eventually(async () => (dead.length >= 3 ? true : undefined));
      expect(dead.map((d) => d.value)).toEqual(['{not json', JSON.stringify({ first: 1, after: null, filter: {} }), JSON.stringify({ first: 'ten', after: null, filter: {} })]);
      expect(dead[0]!.reason).toMatch(/not valid JSON/);
      expect(dead[1]!.reason).toMatch(/unsupported version 99/);
      expect(dead[2]!.reason).toMatch(/^first: /);
    } finally {
      await Promise.allSettled([producer.disconnect(), dlqConsumer.disconnect(), server.stop(), client.stop()]);
    }
  });
});
