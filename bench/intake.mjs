// Pipeline intake over Kafka: requests on workload.requests → stored, evaluated (candidates,
// compliance, cost, placement) → result on placement.recommendations. Sustained requests/s and
// p50/p99 request→result latency, against the raw kafkajs produce→consume round trip of the same
// number of messages measured in the same run on the same broker (the floor of any Kafka path).
// Usage: npm run build && [KAFKA_BROKERS=127.0.0.1:9092] DATABASE_URL=postgres://... node bench/intake.mjs [requests] [paced requests]
// Writes bench/results/intake.json. Needs a broker (npm run kafka:start); says so and exits 0 without one.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { allTopics, PlacementRecommendedV1, WorkloadRequestedV1 } from '../dist/libs/contracts/src/index.js';
import { ensureTopics, KafkaBus } from '../dist/libs/messaging/src/index.js';
import { startSystem } from '../dist/apps/embedded/src/system.js';
import { defaultSecurity } from '../dist/apps/gateway/src/service.js';
import { percentile } from './lib/timing.mjs';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const count = Number(process.argv[2] ?? 2_000);
/** Requests of the paced (unqueued) phase. */
const pacedCount = Number(process.argv[3] ?? 500);

const summary = (latencies, seconds) => ({ count: latencies.length, seconds, perSecond: latencies.length / seconds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) });

function brokerUp() {
  const [host, port] = brokers[0].split(':');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) }, () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.setTimeout(1_000, () => (socket.destroy(), resolve(false)));
  });
}

const request = (i) => ({
  name: `bench-${i}`,
  workload: { kind: 'INFERENCE', averageTokensPerSecond: 100, peakTokensPerSecond: 200, tokensPerSecondPerDevice: { low: 800, expected: 1_000, high: 1_200 }, dataMovements: [] },
  legalEntityId: 'demo-cn-parent',
  costCenter: 'cc-bench',
  servesPublicIn: ['CN'],
  window: { from: '2027-02-01T00:00:00Z', to: '2027-03-01T00:00:00Z' },
  vendors: ['MetaX'],
  acceptLicensed: true,
  currency: 'USD',
});

/** The floor: produce `count` messages and consume them back with plain kafkajs. */
async function rawRoundTrip(namespace) {
  const kafka = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `${namespace}.raw`;
  await ensureTopics(admin, [{ name: topic, partitions: 3 }]);
  await admin.disconnect();
  const sentAt = new Map();
  const latencies = [];
  const consumer = kafka.consumer({ groupId: `${namespace}.raw`, maxWaitTimeInMs: 10 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let done;
  const all = new Promise((resolve) => (done = resolve));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = message.key.toString();
      latencies.push(performance.now() - sentAt.get(key));
      if (latencies.length === count) done();
    },
  });
  const producer = kafka.producer();
  await producer.connect();
  const t0 = performance.now();
  for (let i = 0; i < count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => {
      const key = `raw-${i + j}`;
      sentAt.set(key, performance.now());
      return producer.send({ topic, messages: [{ key, value: JSON.stringify({ i: i + j }) }] });
    }));
  }
  await all;
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return summary(latencies, seconds);
}

if (!(await brokerUp())) {
  console.log(`intake: skipped, no broker at ${brokers.join(',')} (npm run kafka:start)`);
  process.exit(0);
}
const name = `cp_bench_${randomUUID().slice(0, 8)}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const namespace = `bench-${randomUUID().slice(0, 8)}`;
const busFor = (service, sends) => new KafkaBus({ brokers, service, sends, topics: allTopics(), namespace, startTimeoutMs: 60_000, logger: { warn: () => undefined, error: () => undefined } });
const system = await startSystem({ busFor, databaseUrl: url.toString(), gatewayHttp: { host: '127.0.0.1', port: 0 }, serviceHttp: null, dataDir: 'data', ide: false, requestTimeoutMs: 30_000, logLevels: ['error'], security: defaultSecurity() });
const pipeline = busFor('bench-pipeline', []);
const sentAt = new Map();
const latencies = [];
let done;
const all = new Promise((resolve) => (done = resolve));
pipeline.subscribe(PlacementRecommendedV1, async (event) => {
  const t = sentAt.get(event.idempotencyKey);
  if (t === undefined) return;
  sentAt.delete(event.idempotencyKey);
  latencies.push(performance.now() - t);
  if (latencies.length === count) done();
});
await pipeline.start();
let result;
try {
  const raw = await rawRoundTrip(namespace);
  const t0 = performance.now();
  for (let i = 0; i < count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => {
      const key = `bench-${namespace}-${i + j}`;
      sentAt.set(key, performance.now());
      return pipeline.publish(WorkloadRequestedV1, { idempotencyKey: key, submittedBy: 'bench', request: request(i + j) }, { key });
    }));
  }
  await all;
  const intake = summary(latencies, (performance.now() - t0) / 1000);
  // Latency without a queue: the same requests paced at half the sustained rate.
  const paced = Math.min(pacedCount, count);
  latencies.length = 0;
  let pacedDone;
  const pacedAll = new Promise((resolve) => (pacedDone = resolve));
  const check = setInterval(() => latencies.length >= paced && pacedDone(), 20);
  const intervalMs = 1000 / (intake.perSecond / 2);
  const p0 = performance.now();
  for (let i = 0; i < paced; i += 1) {
    const key = `bench-${namespace}-paced-${i}`;
    sentAt.set(key, performance.now());
    await pipeline.publish(WorkloadRequestedV1, { idempotencyKey: key, submittedBy: 'bench', request: request(i) }, { key });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, p0 + (i + 1) * intervalMs - performance.now())));
  }
  await pacedAll;
  clearInterval(check);
  const unloaded = summary(latencies.slice(0, paced), (performance.now() - p0) / 1000);
  result = {
    name: 'intake',
    measuredAt: new Date().toISOString(),
    requests: count,
    saturated: intake,
    pacedAtHalfRate: unloaded,
    rawKafkaRoundTrip: raw,
    ratios: { throughputToRaw: intake.perSecond / raw.perSecond, pacedP50ToRaw: unloaded.p50Ms / raw.p50Ms, pacedP99ToRaw: unloaded.p99Ms / raw.p99Ms },
  };
  console.log(`intake ${count} requests at once: ${intake.perSecond.toFixed(1)} req/s sustained; request→result p50 ${intake.p50Ms.toFixed(0)} ms, p99 ${intake.p99Ms.toFixed(0)} ms (queueing)`);
  console.log(`intake ${paced} requests paced at ${(intake.perSecond / 2).toFixed(1)}/s: request→result p50 ${unloaded.p50Ms.toFixed(0)} ms, p99 ${unloaded.p99Ms.toFixed(0)} ms`);
  console.log(`raw kafkajs produce→consume: ${raw.perSecond.toFixed(0)} msg/s, p50 ${raw.p50Ms.toFixed(1)} ms, p99 ${raw.p99Ms.toFixed(1)} ms`);
  console.log(`ratios to raw: throughput x${result.ratios.throughputToRaw.toFixed(3)}, paced p50 x${result.ratios.pacedP50ToRaw.toFixed(1)}, paced p99 x${result.ratios.pacedP99ToRaw.toFixed(1)}`);
} finally {
  await pipeline.stop();
  await system.close();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/intake.json', `${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
