import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import kafkajs, { type Admin } from 'kafkajs';
import { rawKafka, uniqueNamespace } from '@cp/testing';
import { ensureTopics, MAX_MESSAGE_BYTES } from '../src/index.js';

describe('ensureTopics on the broker', () => {
  let admin: Admin;
  beforeAll(async () => {
    admin = rawKafka().admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin.disconnect();
  });

  it('returns only when every partition of many new topics has a leader, so a produce to each succeeds at once', async () => {
    const ns = uniqueNamespace('topics');
    const topics = Array.from({ length: 40 }, (_, i) => ({ name: `${ns}.t${i}`, partitions: 3 }));
    await ensureTopics(admin, topics);

    const metadata = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.name) });
    expect(metadata.topics.map((t) => t.partitions.length)).toEqual(topics.map(() => 3));
    expect(metadata.topics.flatMap((t) => t.partitions).every((p) => p.leader >= 0)).toBe(true);

    const producer = rawKafka().producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    try {
      await producer.sendBatch({
        topicMessages: topics.map((t) => ({ topic: t.name, messages: [0, 1, 2].map((partition) => ({ partition, value: 'x' })) })),
      });
    } finally {
      await producer.disconnect();
    }
  });

  it('is idempotent when several callers race, and grows a topic whose partition count is below the contract', async () => {
    const ns = uniqueNamespace('topics');
    const small = [{ name: `${ns}.grow`, partitions: 1 }];
    await Promise.all([ensureTopics(admin, small), ensureTopics(admin, small), ensureTopics(admin, small)]);
    await ensureTopics(admin, [{ name: `${ns}.grow`, partitions: 4 }]);
    const metadata = await admin.fetchTopicMetadata({ topics: [`${ns}.grow`] });
    expect(metadata.topics[0]?.partitions).toHaveLength(4);
  });

  it('lets a topic take messages of several megabytes, above the broker default of 1 MB', async () => {
    const ns = uniqueNamespace('topics');
    const name = `${ns}.large`;
    await ensureTopics(admin, [{ name, partitions: 1 }]);
    const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name, configNames: ['max.message.bytes'] }] });
    expect(described.resources[0]?.configEntries[0]?.configValue).toBe(String(MAX_MESSAGE_BYTES));
    const producer = rawKafka().producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    try {
      // Random bytes do not compress: 3 MB on the wire.
      await producer.send({ topic: name, messages: [{ value: randomBytes(3 * 1024 * 1024) }] });
    } finally {
      await producer.disconnect();
    }
  });

  it('fails at once, not at the deadline, when the broker refuses a topic', async () => {
    const started = Date.now();
    await expect(ensureTopics(admin, [{ name: 'bad name with spaces', partitions: 1 }], { timeoutMs: 30_000 })).rejects.toThrow(/topic creation errors/i);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
