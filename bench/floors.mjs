// The floors every other figure of `npm run bench` is divided by, measured in the same run on
// the same machine: a Node TCP round trip between two processes, a pg `SELECT 1`, a reservation
// transaction (BEGIN; SELECT … FOR UPDATE; INSERT; COMMIT on a scratch table) and a raw kafkajs
// request→reply (one request topic, one reply topic, the bus's consumer settings).
// Usage: npm run build && [KAFKA_BROKERS=…] DATABASE_URL=postgres://... node bench/floors.mjs [iterations]
// Writes bench/results/floors.json. Reports; never fails a build.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import pg from 'pg';
import { ensureTopics } from '../dist/libs/messaging/src/index.js';
import { timed } from './lib/timing.mjs';

const iterations = Number(process.argv[2] ?? 500);
const warmup = Math.min(50, Math.floor(iterations / 5));
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

async function measure(label, once, n = iterations) {
  const result = await timed(once, { iterations: n, warmup });
  console.log(`${label.padEnd(40)} p50 ${result.p50Ms.toFixed(3)} ms  p99 ${result.p99Ms.toFixed(3)} ms`);
  return result;
}

/** An echo server in a child process; the parent sends 64 bytes and waits for them back. */
async function tcpRoundTrip() {
  const child = spawn(process.execPath, ['-e', `
    const net = require('node:net');
    const server = net.createServer((s) => { s.setNoDelay(true); s.on('data', (d) => s.write(d)); });
    server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
  `], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.setNoDelay(true);
  const payload = Buffer.alloc(64, 7);
  let waiting = null;
  let received = 0;
  socket.on('data', (d) => {
    received += d.length;
    if (received >= payload.length && waiting) {
      received = 0;
      const done = waiting;
      waiting = null;
      done();
    }
  });
  const once = () => new Promise((resolve) => {
    waiting = resolve;
    socket.write(payload);
  });
  try {
    return await measure('Node TCP round trip (two processes)', once, iterations * 4);
  } finally {
    socket.destroy();
    child.kill();
  }
}

async function postgresFloors() {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const schema = `cp_bench_floor_${randomUUID().slice(0, 8)}`;
  try {
    const select1 = await measure('pg SELECT 1', () => client.query('SELECT 1'));
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`CREATE TABLE "${schema}".pools (id text PRIMARY KEY, devices int NOT NULL)`);
    await client.query(`CREATE TABLE "${schema}".reservations (id uuid PRIMARY KEY, pool_id text NOT NULL REFERENCES "${schema}".pools, quantity int NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`INSERT INTO "${schema}".pools VALUES ('pool-1', 1000000)`);
    const reservation = await measure('reservation transaction (FOR UPDATE + INSERT)', async () => {
      await client.query('BEGIN');
      await client.query(`SELECT devices FROM "${schema}".pools WHERE id = $1 FOR UPDATE`, ['pool-1']);
      await client.query(`INSERT INTO "${schema}".reservations (id, pool_id, quantity) VALUES ($1, $2, $3)`, [randomUUID(), 'pool-1', 8]);
      await client.query('COMMIT');
    });
    return { select1, reservation };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await client.end();
  }
}

/** kafkajs alone: one request topic, one reply topic, maxWaitTimeInMs 25 as the bus uses. */
async function rawKafkaRequestReply() {
  const namespace = `bench-floor-${randomUUID().slice(0, 8)}`;
  const kafka = new Kafka({ brokers, clientId: 'bench-floor', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const [req, rep] = [`${namespace}.raw.req`, `${namespace}.raw.rep`];
  await ensureTopics(admin, [{ name: req, partitions: 1 }, { name: rep, partitions: 1 }]);
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const server = kafka.consumer({ groupId: `${namespace}.server`, maxWaitTimeInMs: 25, heartbeatInterval: 1000 });
  const client = kafka.consumer({ groupId: `${namespace}.client`, maxWaitTimeInMs: 25, heartbeatInterval: 1000 });
  const pending = new Map();
  await server.connect();
  await client.connect();
  await server.subscribe({ topic: req, fromBeginning: true });
  await client.subscribe({ topic: rep, fromBeginning: true });
  await server.run({ eachMessage: async ({ message }) => producer.send({ topic: rep, messages: [{ key: message.key, value: message.value }] }) });
  await client.run({ eachMessage: async ({ message }) => pending.get(message.key.toString())?.() });
  const once = () => new Promise((resolve) => {
    const id = randomUUID();
    pending.set(id, () => (pending.delete(id), resolve()));
    void producer.send({ topic: req, messages: [{ key: id, value: Buffer.from('{"first":10}') }] });
  });
  try {
    await once(); // both consumers joined and reading
    return await measure('raw kafkajs request->reply', once, Math.min(iterations, 300));
  } finally {
    await Promise.all([server.disconnect(), client.disconnect(), producer.disconnect()]);
    await admin.deleteTopics({ topics: [req, rep] }).catch(() => undefined);
    await admin.disconnect();
  }
}

const tcp = await tcpRoundTrip();
const { select1, reservation } = await postgresFloors();
const kafka = await rawKafkaRequestReply();
const result = {
  name: 'floors',
  measuredAt: new Date().toISOString(),
  node: process.version,
  iterations,
  floors: { tcpRoundTrip: tcp, pgSelect1: select1, reservationTransaction: reservation, rawKafkaRequestReply: kafka },
};
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/floors.json', `${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
