#!/usr/bin/env node
// Submits workload requests and waits for their recommendations.
//
//   node tools/submit-workload/submit-workload.mjs --file requests.ndjson [--via kafka|graphql]
//        [--brokers 127.0.0.1:9092] [--namespace ns] [--url http://127.0.0.1:4000/graphql] [--token T]
//        [--timeout 300] [--concurrency 8]
//
// Input: NDJSON (one request per line) or a JSON array, each { "idempotencyKey": "...", "request": { WorkloadInput } }
// ("-" reads standard input). Output: one JSON result per request on stdout, a progress bar on
// stderr. Exit status: 0 all recommended, 1 any failed, without a placement or timed out, 2 bad usage or input.
// Needs the built workspace (npm run build).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const USAGE = 'usage: submit-workload --file <requests.ndjson|json|-> [--via kafka|graphql] [--brokers host:port] [--namespace ns] [--url graphql-url] [--token bearer] [--timeout seconds] [--concurrency n]';

function fail(message) {
  process.stderr.write(`submit-workload: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      file: { type: 'string' },
      via: { type: 'string', default: 'kafka' },
      brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
      namespace: { type: 'string', default: process.env.KAFKA_NAMESPACE },
      url: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
      token: { type: 'string', default: process.env.CP_TOKEN },
      timeout: { type: 'string', default: '300' },
      concurrency: { type: 'string', default: '8' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail(error.message);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!options.file) fail('--file is required');
if (!['kafka', 'graphql'].includes(options.via)) fail(`--via must be kafka or graphql, got ${options.via}`);
const timeoutMs = Number(options.timeout) * 1000;
const concurrency = Number(options.concurrency);
if (!(timeoutMs > 0)) fail('--timeout must be a positive number of seconds');
if (!(Number.isInteger(concurrency) && concurrency > 0)) fail('--concurrency must be a positive integer');

async function readRequests(file) {
  const text = file === '-' ? await new Promise((resolve) => {
    let data = '';
    process.stdin.setEncoding('utf8').on('data', (c) => (data += c)).on('end', () => resolve(data));
  }) : await readFile(file, 'utf8');
  const trimmed = text.trim();
  let items;
  try {
    items = trimmed.startsWith('[') ? JSON.parse(trimmed) : trimmed.split('\n').filter((l) => l.trim() !== '').map((line) => JSON.parse(line));
  } catch (error) {
    fail(`${file}: not JSON or NDJSON: ${error.message}`);
  }
  items.forEach((item, index) => {
    if (typeof item?.idempotencyKey !== 'string' || typeof item?.request !== 'object') fail(`${file}: item ${index + 1} needs idempotencyKey (string) and request (object)`);
  });
  const keys = new Set(items.map((i) => i.idempotencyKey));
  if (keys.size !== items.length) fail(`${file}: idempotency keys repeat; a repeat would only return the first result`);
  return items;
}

const requests = await readRequests(options.file);
const results = new Map();
const started = Date.now();

function progress(final = false) {
  const done = results.size;
  const failed = [...results.values()].filter((r) => r.status !== 'RECOMMENDED' || r.error).length;
  const width = 30;
  const filled = Math.round((done / requests.length) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${requests.length} done, ${failed} failed, ${((Date.now() - started) / 1000).toFixed(1)} s${final ? '\n' : ''}`);
}

function record(key, result) {
  if (results.has(key)) return;
  results.set(key, result);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  progress();
}

async function viaKafka() {
  const { WorkloadRequestedV1, PlacementRecommendedV1, allTopics } = await import('../../dist/libs/contracts/src/index.js');
  const { KafkaBus } = await import('../../dist/libs/messaging/src/index.js');
  const wanted = new Set(requests.map((r) => r.idempotencyKey));
  // A consumer group of this run alone, so it reads results from the start of the topic.
  const bus = new KafkaBus({ brokers: options.brokers.split(','), namespace: options.namespace, service: `submit-workload-${randomUUID().slice(0, 8)}`, sends: [], topics: allTopics(), startTimeoutMs: 60_000 });
  bus.subscribe(PlacementRecommendedV1, async (event) => {
    if (wanted.has(event.idempotencyKey)) record(event.idempotencyKey, event);
  });
  await bus.start();
  try {
    for (let i = 0; i < requests.length; i += concurrency) {
      await Promise.all(requests.slice(i, i + concurrency).map((r) => bus.publish(WorkloadRequestedV1, { idempotencyKey: r.idempotencyKey, submittedBy: 'submit-workload', request: r.request }, { key: r.idempotencyKey })));
    }
    while (results.size < requests.length && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    await bus.stop();
  }
}

async function viaGraphql() {
  const MUTATION = `mutation($key: String!, $input: WorkloadInput!) { submitWorkloadRequest(idempotencyKey: $key, input: $input) {
    id idempotencyKey status error { code message field } recommendation { id chosen { poolId siteId countryCode acceleratorId objectives { totalCost { amount currency } } } } } }`;
  const submit = async (r) => {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body: JSON.stringify({ query: MUTATION, variables: { key: r.idempotencyKey, input: r.request } }),
      signal: AbortSignal.timeout(Math.max(1, timeoutMs - (Date.now() - started))),
    });
    const body = await response.json();
    if (body.errors) {
      const e = body.errors[0];
      return record(r.idempotencyKey, { idempotencyKey: r.idempotencyKey, status: 'FAILED', recommendationId: null, chosen: null, error: { code: e.extensions?.code ?? 'ERROR', message: e.message, field: e.extensions?.field ?? null } });
    }
    const w = body.data.submitWorkloadRequest;
    const chosen = w.recommendation?.chosen ?? null;
    record(r.idempotencyKey, {
      requestId: w.id,
      idempotencyKey: w.idempotencyKey,
      status: w.status,
      recommendationId: w.recommendation?.id ?? null,
      chosen: chosen && { poolId: chosen.poolId, siteId: chosen.siteId, countryCode: chosen.countryCode, acceleratorId: chosen.acceleratorId, totalCost: chosen.objectives.totalCost },
      error: w.error,
    });
  };
  for (let i = 0; i < requests.length; i += concurrency) await Promise.all(requests.slice(i, i + concurrency).map(submit));
}

try {
  if (options.via === 'kafka') await viaKafka();
  else await viaGraphql();
} catch (error) {
  progress(true);
  process.stderr.write(`submit-workload: ${error.message}\n`);
  process.exit(1);
}
progress(true);
const missing = requests.filter((r) => !results.has(r.idempotencyKey)).map((r) => r.idempotencyKey);
const failed = [...results.values()].filter((r) => r.status !== 'RECOMMENDED' || r.error);
for (const key of missing) process.stderr.write(`no result for ${key} within ${options.timeout} s\n`);
for (const r of failed) process.stderr.write(`${r.idempotencyKey}: ${r.status}${r.error ? ` ${r.error.code}: ${r.error.message}` : ''}\n`);
process.stderr.write(`${results.size - failed.length} recommended, ${failed.length} failed, ${missing.length} without a result\n`);
process.exit(missing.length + failed.length === 0 ? 0 : 1);
