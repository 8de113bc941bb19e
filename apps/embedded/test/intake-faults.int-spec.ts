import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { allTopics, WorkloadRequestedV1 } from '@cp/contracts';
import { startCostEstimation } from '@cp/cost-estimation-service';
import { startInventory } from '@cp/inventory-service';
import { KafkaBus } from '@cp/messaging';
import { startRegionCompliance } from '@cp/region-compliance-service';
import type { RunningService } from '@cp/service-kit';
import { createTestDatabase, eventually, rawKafka, type TestDatabase, testEnvironment, uniqueNamespace } from '@cp/testing';
import type { Consumer } from 'kafkajs';
import pg from 'pg';

const REQUESTS = 5_000;
const DUPLICATES = 500;
const KILL_AFTER = 1_000;

/** A small inference on MetaX C500 pools (five in the portfolio), so each evaluation is quick. */
function request(i: number) {
  return {
    name: `stream-${i}`,
    workload: { kind: 'INFERENCE' as const, averageTokensPerSecond: 100, peakTokensPerSecond: 200, tokensPerSecondPerDevice: { low: 800, expected: 1_000, high: 1_200 }, dataMovements: [] },
    legalEntityId: 'demo-cn-parent',
    costCenter: 'cc-stream',
    servesPublicIn: ['CN'],
    window: { from: '2027-02-01T00:00:00Z', to: '2027-03-01T00:00:00Z' },
    vendors: ['MetaX'],
    acceptLicensed: true,
    currency: 'USD',
  };
}

/**
 * The gateway in a process of its own (the built service, as deployed), so it can be killed
 * with SIGKILL mid-stream; the other three services run in the test process on the same
 * broker and namespace.
 */
function startGatewayProcess(namespace: string, databaseUrl: string): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['dist/apps/gateway/src/main.js'], {
    env: { ...process.env, KAFKA_BROKERS: testEnvironment.kafkaBrokers.join(','), KAFKA_NAMESPACE: namespace, DATABASE_URL: databaseUrl, GATEWAY_PORT: String(41_000 + Math.floor(Math.random() * 2_000)), GRAPHQL_IDE: 'false', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('gateway ready')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output = `${output}${chunk.toString()}`.slice(-20_000)));
    child.once('exit', (code, signal) => reject(new Error(`gateway exited (${code ?? signal}) before it was ready:\n${output.slice(-4_000)}`)));
  });
  return { child, ready };
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('pipeline intake under faults, on Kafka', () => {
  let database: TestDatabase;
  let namespace: string;
  const services: RunningService[] = [];
  let gateway: ChildProcess | null = null;
  let results: Consumer;
  const delivered = new Map<string, number>();
  let producerBus: KafkaBus;

  beforeAll(async () => {
    database = await createTestDatabase('faults');
    namespace = uniqueNamespace('faults');
    const bus = (service: string) => new KafkaBus({ brokers: testEnvironment.kafkaBrokers, service, sends: [], topics: allTopics(), namespace, startTimeoutMs: 60_000 });
    const common = { databaseUrl: database.url, migrateOnStart: true, http: null, logLevels: ['fatal' as const, 'error' as const], dataDir: 'data' };
    services.push(await startInventory({ ...common, bus: bus('inventory') }));
    services.push(await startRegionCompliance({ ...common, bus: bus('region-compliance') }));
    services.push(await startCostEstimation({ ...common, bus: bus('cost-estimation') }));
    producerBus = bus('pipeline');
    await producerBus.start();
    results = rawKafka().consumer({ groupId: `${namespace}.results-reader`, maxWaitTimeInMs: 100 });
    await results.connect();
    await results.subscribe({ topic: `${namespace}.placement.recommendations`, fromBeginning: true });
    await results.run({
      eachMessage: async ({ message }) => {
        const key = message.key?.toString() ?? '';
        delivered.set(key, (delivered.get(key) ?? 0) + 1);
      },
    });
  }, 180_000);

  afterAll(async () => {
    if (gateway) await kill(gateway);
    await Promise.allSettled([results?.disconnect(), producerBus?.stop(), ...services.map((s) => s.close())]);
    await database?.drop();
  });

  it(`gives every one of ${REQUESTS.toLocaleString('en-US')} requests exactly one stored result when the consuming process is killed mid-stream`, async () => {
    const first = startGatewayProcess(namespace, database.url);
    gateway = first.child;
    await first.ready;

    const keys = Array.from({ length: REQUESTS }, (_, i) => `stream-${namespace}-${i}`);
    const sends: Promise<void>[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      sends.push(producerBus.publish(WorkloadRequestedV1, { idempotencyKey: keys[i]!, submittedBy: 'stream-test', request: request(i) as never }, { key: keys[i]! }));
      // Some keys arrive again later in the stream, as a pipeline retrying would send them.
      if (i % (REQUESTS / DUPLICATES) === 0) sends.push(producerBus.publish(WorkloadRequestedV1, { idempotencyKey: keys[i]!, submittedBy: 'stream-test', request: request(i) as never }, { key: keys[i]! }));
      if (sends.length >= 200) await Promise.all(sends.splice(0));
    }
    await Promise.all(sends);

    await eventually(async () => (delivered.size >= KILL_AFTER ? true : undefined), { timeoutMs: 300_000, intervalMs: 200 });
    await kill(gateway);
    const killedAt = delivered.size;
    expect(killedAt).toBeLessThan(REQUESTS);

    const second = startGatewayProcess(namespace, database.url);
    gateway = second.child;
    await second.ready;
    await eventually(async () => (keys.every((k) => delivered.has(k)) ? true : undefined), { timeoutMs: 600_000, intervalMs: 500 });

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const requests = await client.query(`SELECT status, count(*)::int AS n, sum(duplicates)::int AS duplicates FROM planning.workload_requests GROUP BY status`);
      expect(requests.rows).toEqual([{ status: 'RECOMMENDED', n: REQUESTS, duplicates: expect.any(Number) }]);
      const recommendations = await client.query(`SELECT count(*)::int AS n, count(DISTINCT r.id)::int AS linked FROM planning.recommendations r JOIN planning.workload_requests w ON w.recommendation_id = r.id`);
      expect(recommendations.rows[0]).toEqual({ n: REQUESTS, linked: REQUESTS });
      const stored = await client.query(`SELECT count(*)::int AS n FROM planning.recommendations`);
      // No request was evaluated into two stored results: an evaluation cut short by the kill stored nothing.
      expect(stored.rows[0].n).toBe(REQUESTS);
      const extraDeliveries = [...delivered.values()].reduce((n, c) => n + c - 1, 0);
      console.log(JSON.stringify({ requests: REQUESTS, duplicatesSent: DUPLICATES, killedAfterResults: killedAt, duplicatesSuppressed: requests.rows[0].duplicates, extraResultDeliveries: extraDeliveries }));
    } finally {
      await client.end();
    }
  }, 900_000);

  it('finishes a stream when the broker restarts under it: every service reconnects by itself', async () => {
    if (!gateway || gateway.exitCode !== null) {
      const started = startGatewayProcess(namespace, database.url);
      gateway = started.child;
      await started.ready;
    }
    const keys = Array.from({ length: 1_000 }, (_, i) => `restart-${namespace}-${i}`);
    for (let i = 0; i < keys.length; i += 1) {
      await producerBus.publish(WorkloadRequestedV1, { idempotencyKey: keys[i]!, submittedBy: 'stream-test', request: request(i) as never }, { key: keys[i]! });
      if (i === 300) {
        // The broker goes away and comes back with its data, as after a rolling restart.
        expect(spawnSync('bash', ['infra/kafka/stop.sh'], { stdio: 'inherit' }).status).toBe(0);
        expect(spawnSync('bash', ['infra/kafka/start.sh'], { stdio: 'inherit' }).status).toBe(0);
      }
    }
    await eventually(async () => (keys.every((k) => delivered.has(k)) ? true : undefined), { timeoutMs: 600_000, intervalMs: 500 });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const rows = await client.query(`SELECT count(*)::int AS n FROM planning.workload_requests WHERE idempotency_key LIKE 'restart-%' AND status = 'RECOMMENDED'`);
      expect(rows.rows[0].n).toBe(keys.length);
    } finally {
      await client.end();
    }
  }, 900_000);
});
