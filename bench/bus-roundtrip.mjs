// Request/reply round trip over the MessageBus, as ratios to floors measured in the same
// run: a raw kafkajs request->reply (same broker, same settings) and the in-process bus.
// Usage: npm run build && KAFKA_BROKERS=127.0.0.1:9092 node bench/bus-roundtrip.mjs [iterations]
// Writes bench/results/bus-roundtrip.json. Reports; never fails a build.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { allTopics, ListSitesV1 } from '../dist/libs/contracts/src/index.js';
import { InProcessBus, KafkaBus, ensureTopics } from '../dist/libs/messaging/src/index.js';
import { timed } from './lib/timing.mjs';

const iterations = Number(process.argv[2] ?? 300);
const warmup = Math.min(50, Math.floor(iterations / 5));
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const reply = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0, catalogVersion: null };
const request = { first: 10, after: null, filter: {} };

async function measure(label, once) {
  const result = await timed(once, { iterations, warmup });
  console.log(`${label.padEnd(28)} p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms`);
  return result;
}

/** The floor: kafkajs alone, one request topic and one reply topic, the same consumer settings. */
async function rawKafkaFloor(namespace) {
  const kafka = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const [req, rep] = [`${namespace}.raw.req`, `${namespace}.raw.rep`];
  await ensureTopics(admin, [{ name: req, partitions: 1 }, { name: rep, partitions: 1 }]);
  await admin.disconnect();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const server = kafka.consumer({ groupId: `${namespace}.raw.server`, maxWaitTimeInMs: 25, heartbeatInterval: 1000 });
  const client = kafka.consumer({ groupId: `${namespace}.raw.client`, maxWaitTimeInMs: 25, heartbeatInterval: 1000 });
  const pending = new Map();
  await server.connect();
  await client.connect();
  await server.subscribe({ topic: req, fromBeginning: true });
  await client.subscribe({ topic: rep, fromBeginning: true });
  await server.run({ eachMessage: async ({ message }) => producer.send({ topic: rep, messages: [{ key: message.key, value: message.value }] }) });
  await client.run({ eachMessage: async ({ message }) => pending.get(message.key.toString())?.(message) });
  const once = () =>
    new Promise((resolve) => {
      const id = randomUUID();
      pending.set(id, (m) => (pending.delete(id), resolve(m)));
      void producer.send({ topic: req, messages: [{ key: id, value: Buffer.from(JSON.stringify(request)) }] });
    });
  await once(); // joined and reading
  return { once, close: () => Promise.all([server.disconnect(), client.disconnect(), producer.disconnect()]) };
}

const namespace = `bench-${randomUUID().slice(0, 8)}`;
const raw = await rawKafkaFloor(namespace);
const rawStats = await measure('raw kafkajs request->reply', raw.once);
await raw.close();

const server = new KafkaBus({ brokers, service: 'bench-inventory', topics: allTopics(), namespace });
server.handle(ListSitesV1, async () => reply);
const client = new KafkaBus({ brokers, service: 'bench-gateway', topics: allTopics(), sends: [ListSitesV1], namespace });
await server.start();
await client.start();
const kafkaStats = await measure('KafkaBus request', () => client.request(ListSitesV1, request));
await Promise.all([client.stop(), server.stop()]);

const local = new InProcessBus();
local.handle(ListSitesV1, async () => reply);
await local.start();
const localStats = await measure('InProcessBus request', () => local.request(ListSitesV1, request));

const result = {
  name: 'bus-roundtrip',
  measuredAt: new Date().toISOString(),
  iterations,
  floor: { rawKafkaRequestReply: rawStats },
  kafkaBus: { ...kafkaStats, p50RatioToFloor: kafkaStats.p50Ms / rawStats.p50Ms, p99RatioToFloor: kafkaStats.p99Ms / rawStats.p99Ms },
  inProcessBus: localStats,
};
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/bus-roundtrip.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`KafkaBus / raw kafkajs: p50 x${result.kafkaBus.p50RatioToFloor.toFixed(2)}, p99 x${result.kafkaBus.p99RatioToFloor.toFixed(2)}`);
process.exit(0);
