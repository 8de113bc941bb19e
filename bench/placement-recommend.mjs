// recommendPlacement end to end (GraphQL → inventory.candidates → compliance.evaluate and
// cost.estimate in parallel → libs/placement → stored) over 500 candidate pools, on the
// in-process bus and on Kafka, as a ratio to the inventory.candidates round trip alone measured
// in the same run on the same bus (the floor any recommendation pays before it can start).
// Usage: npm run build && [KAFKA_BROKERS=127.0.0.1:9092] DATABASE_URL=postgres://... node bench/placement-recommend.mjs [iterations]
// Also the cost batch: the cost.estimate message of one of those recommendations (every candidate
// in one message), replayed on the same bus, against the pure cost model (libs/cost-model) pricing
// the same candidates with the shipped price book, scenarios and FX table in the same process.
// Writes bench/results/placement-recommend.json. Kafka is skipped (and said so) when no broker answers.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { allTopics, CandidatesV1, EstimateCostV1 } from '../dist/libs/contracts/src/index.js';
import { estimatePlacementCost, parseCostScenarios, parseFxTable, parsePriceBook } from '../dist/libs/cost-model/src/index.js';
import { InProcessBus, KafkaBus } from '../dist/libs/messaging/src/index.js';
import { startSystem } from '../dist/apps/embedded/src/system.js';
import { ApiTokensSetting, defaultSecurity } from '../dist/apps/gateway/src/service.js';
import { percentile, timed } from './lib/timing.mjs';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const iterations = Number(process.argv[2] ?? 20);
const CANDIDATES = 500;
const token = `bench-${randomUUID()}`;
const apiTokens = ApiTokensSetting.parse(`${token}:planner`);

const window = { from: '2027-03-01T00:00:00Z', to: '2027-04-01T00:00:00Z' };
const input = {
  workload: { kind: 'INFERENCE', averageTokensPerSecond: 2_000, peakTokensPerSecond: 4_000, tokensPerSecondPerDevice: { low: 800, expected: 1_000, high: 1_200 } },
  legalEntityId: 'demo-sg-subsidiary',
  costCenter: 'bench',
  window,
  users: { latitude: 1.35, longitude: 103.82, label: 'Singapore' },
  latencyTargetMs: 200,
  acceptLicensed: true,
};
const QUERY = `mutation($input: WorkloadInput!) { recommendPlacement(input: $input) { id counts { candidates survived } chosen { poolId } } }`;

const time = (fn) => timed(fn, { iterations });

function brokerUp() {
  const [host, port] = brokers[0].split(':');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) }, () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.setTimeout(1_000, () => (socket.destroy(), resolve(false)));
  });
}

/** Adds `missing` leased pools (512 devices, always available) over the real sites and accelerators. */
async function topUp(url, missing) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO inventory.capacity_pools (id, site_id, accelerator_id, device_count, devices_per_node, ownership, price_basis, price_amount, price_currency, price_source, available_from, available_to, version)
       SELECT 'pool-bench-' || g || '-' || $2, s.id, a.id, 512, 8, 'LEASED_IAAS', 'COMMITTED', 2.5, 'USD', 'bench', '2026-01-01', NULL, 1
         FROM generate_series(1, $1) g
         JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n FROM inventory.sites) s ON s.i = g % s.n
         JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n FROM inventory.accelerators) a ON a.i = (g / 7) % a.n`,
      [missing, randomUUID().slice(0, 8)],
    );
    await client.query('ANALYZE inventory.capacity_pools');
  } finally {
    await client.end();
  }
}

const datasets = {
  priceBook: parsePriceBook(JSON.parse(readFileSync('data/price-books/price-book.v1.json', 'utf8'))),
  scenarios: parseCostScenarios(JSON.parse(readFileSync('data/cost-scenarios/cost-scenarios.v1.json', 'utf8'))),
  fx: parseFxTable(JSON.parse(readFileSync('data/fx-rates/fx-rates.v1.json', 'utf8'))),
};
const pureCostCache = new WeakMap();

/** The floor of a cost batch: the same candidates priced by the pure model, no bus, no database. */
function pureCost(batch) {
  if (pureCostCache.has(batch)) return pureCostCache.get(batch);
  const once = () => {
    for (const candidate of batch.candidates) {
      try {
        estimatePlacementCost({ pricingDate: batch.pricingDate, reportCurrency: batch.reportCurrency, workload: batch.workload, candidate, priceBook: datasets.priceBook, scenarios: datasets.scenarios, fx: datasets.fx });
      } catch {
        // An unpriceable candidate costs the handler the same attempt.
      }
    }
  };
  for (let i = 0; i < 3; i++) once();
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    once();
    samples.push(performance.now() - t0);
  }
  const result = { n: samples.length, p50Ms: percentile(samples, 0.5), p99Ms: percentile(samples, 0.99) };
  pureCostCache.set(batch, result);
  return result;
}

async function run(mode) {
  const name = `cp_bench_${randomUUID().slice(0, 8)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const shared = new InProcessBus();
  const namespace = `bench-${randomUUID().slice(0, 8)}`;
  const buses = new Map();
  let costBatch = null;
  const busFor = (service, sends) => {
    const bus = mode === 'in-process' ? shared : new KafkaBus({ brokers, service, sends, topics: allTopics(), namespace, startTimeoutMs: 60_000 });
    if (service !== 'gateway') {
      buses.set(service, bus);
      return bus;
    }
    // The gateway's bus, keeping the last cost.estimate it sent, to replay it below.
    const capturing = {
      handle: (contract, handler, options) => bus.handle(contract, handler, options),
      subscribe: (contract, handler, options) => bus.subscribe(contract, handler, options),
      request: (contract, payload, options) => {
        if (contract === EstimateCostV1) costBatch = payload;
        return bus.request(contract, payload, options);
      },
      publish: (contract, payload, options) => bus.publish(contract, payload, options),
      start: () => bus.start(),
      stop: () => bus.stop(),
      health: () => bus.health(),
    };
    buses.set(service, capturing);
    return capturing;
  };
  const system = await startSystem({
    busFor,
    databaseUrl: url.toString(),
    gatewayHttp: { host: '127.0.0.1', port: 0 },
    serviceHttp: null,
    dataDir: 'data',
    ide: false,
    requestTimeoutMs: 30_000,
    logLevels: ['error'],
    // The bench measures recommendations, not the rate limit.
    security: defaultSecurity({ apiTokens, rateLimit: { perMinute: 1_000_000_000, anonymousPerMinute: 1_000_000_000, failedAuthPerMinute: 1_000_000_000 } }),
  });
  try {
    const gateway = buses.get('gateway');
    const requirements = { deviceCount: 1, minMemoryGbPerDevice: 1, window };
    const matched = async () => (await gateway.request(CandidatesV1, { requirements, limit: 5_000 }, { timeoutMs: 30_000 })).candidates.length;
    for (let found = await matched(); found < CANDIDATES; found = await matched()) await topUp(url.toString(), CANDIDATES - found);
    let candidates = 0;
    const floor = await time(async () => {
      candidates = await matched();
    });
    let counts = null;
    const recommend = await time(async () => {
      const response = await fetch(`${system.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { input } }),
      });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      counts = body.data.recommendPlacement.counts;
    });
    const cost = await time(() => gateway.request(EstimateCostV1, costBatch, { timeoutMs: 30_000 }));
    const row = {
      mode,
      candidates,
      counts,
      candidatesRoundTrip: floor,
      recommendPlacement: recommend,
      p50RatioToCandidatesRoundTrip: recommend.p50Ms / floor.p50Ms,
      costBatch: { candidates: costBatch.candidates.length, handler: cost, pureCostModel: pureCost(costBatch), p50RatioToPure: cost.p50Ms / pureCost(costBatch).p50Ms },
    };
    console.log(
      `${mode.padEnd(10)} ${candidates} candidates (${counts.survived} survive): recommendPlacement p50 ${recommend.p50Ms.toFixed(1)} ms, p90 ${recommend.p90Ms.toFixed(1)} ms; ` +
        `inventory.candidates alone p50 ${floor.p50Ms.toFixed(1)} ms (x${row.p50RatioToCandidatesRoundTrip.toFixed(1)})`,
    );
    console.log(`${''.padEnd(10)} cost.estimate of ${row.costBatch.candidates} candidates: p50 ${cost.p50Ms.toFixed(1)} ms; pure cost model p50 ${row.costBatch.pureCostModel.p50Ms.toFixed(1)} ms (x${row.costBatch.p50RatioToPure.toFixed(2)})`);
    return row;
  } finally {
    await system.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

const results = [await run('in-process')];
if (await brokerUp()) results.push(await run('kafka'));
else console.log(`kafka: skipped, no broker at ${brokers.join(',')} (npm run kafka:start)`);
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/placement-recommend.json', `${JSON.stringify({ name: 'placement-recommend', measuredAt: new Date().toISOString(), iterations, results }, null, 2)}\n`);
process.exit(0);
