// inventory.candidates handler time for 1,000 and 10,000 pools, as a ratio to the raw SQL
// of the same statement (candidates, and what was held back and why) run with pg in the same
// process and the same database.
// Usage: npm run build && DATABASE_URL=postgres://... node bench/candidates.mjs
// Also a reservation (inventory.reservations `reserve`: lock the pool row, check the peak load in
// the window, insert the hold) through the same bus, on the 10,000-pool inventory; its floor is the
// bare reservation transaction of bench/floors.mjs.
// Writes bench/results/candidates.json. Reports; never fails a build.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { CandidatesV1, HELD_BACK_LIST_MAX, ReservationCommandsV1 } from '../dist/libs/contracts/src/index.js';
import { InProcessBus } from '../dist/libs/messaging/src/index.js';
import { startInventory } from '../dist/apps/inventory/src/service.js';
import { candidatesSql, SqlParams } from '../dist/apps/inventory/src/pools/pool-query.js';
import { timed } from './lib/timing.mjs';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const iterations = Number(process.argv[2] ?? 30);
const name = `cp_bench_${randomUUID().slice(0, 8)}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const requirements = {
  deviceCount: 64,
  minMemoryGbPerDevice: 80,
  precisions: ['FP8'],
  window: { from: '2027-03-01T00:00:00.000Z', to: '2027-04-01T00:00:00.000Z' },
  excludeOriginCountries: ['CN'],
};

const time = (fn) => timed(fn, { iterations });

/** Replaces the portfolio with `count` pools over the real sites and accelerators, a third of them partly reserved. */
async function seedPools(client, count) {
  await client.query('DELETE FROM inventory.reservations');
  await client.query('DELETE FROM inventory.capacity_pools');
  await client.query(
    `INSERT INTO inventory.capacity_pools (id, site_id, accelerator_id, device_count, devices_per_node, ownership, price_basis, price_amount, price_currency, price_source, available_from, available_to, version)
     SELECT 'pool-bench-' || g, s.id, a.id, 8 * (8 + (g * 7919) % 512), 8, (ARRAY['OWNED','LEASED_IAAS','COLOCATION'])[1 + g % 3], 'COMMITTED', 2.5, 'USD', 'bench',
            '2026-01-01', CASE WHEN g % 5 = 0 THEN '2027-02-01'::timestamptz END, 1
       FROM generate_series(1, $1) g
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n FROM inventory.sites) s ON s.i = g % s.n
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n FROM inventory.accelerators) a ON a.i = (g / 7) % a.n`,
    [count],
  );
  await client.query(
    `INSERT INTO inventory.reservations (pool_id, quantity, window_from, window_to, workload_ref, idempotency_key, status, expires_at, actor_id)
     SELECT id, least(device_count, 64), '2027-03-10', '2027-03-20', 'bench', 'bench-' || id, 'CONFIRMED', NULL, 'bench'
       FROM inventory.capacity_pools WHERE (hashtext(id) % 3) = 0`,
  );
  await client.query('ANALYZE inventory.capacity_pools; ANALYZE inventory.reservations');
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const bus = new InProcessBus();
const inventory = await startInventory({ bus, databaseUrl: url.toString(), http: null, migrateOnStart: true, dataDir: 'data', logLevels: ['error'] });
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();

const results = [];
let reservation = null;
try {
  for (const count of [1_000, 10_000]) {
    await seedPools(client, count);
    const now = new Date();
    const params = new SqlParams();
    const sql = candidatesSql(params, requirements, { from: new Date(requirements.window.from), to: new Date(requirements.window.to) }, now, 5_000, HELD_BACK_LIST_MAX);
    const raw = await time(() => client.query(sql, params.values));
    let matched = 0;
    const handler = await time(async () => {
      matched = (await bus.request(CandidatesV1, { requirements, limit: 5_000 })).matched;
    });
    const row = { pools: count, matched, rawSql: raw, handler, p50RatioToRawSql: handler.p50Ms / raw.p50Ms };
    results.push(row);
    console.log(`${String(count).padStart(6)} pools: raw SQL p50 ${raw.p50Ms.toFixed(1)} ms, handler p50 ${handler.p50Ms.toFixed(1)} ms (x${row.p50RatioToRawSql.toFixed(2)}), ${matched} candidates`);
  }
  const { rows: [pool] } = await client.query('SELECT id FROM inventory.capacity_pools WHERE available_to IS NULL ORDER BY device_count DESC LIMIT 1');
  const actor = { id: 'bench', roles: ['planner'] };
  let n = 0;
  const reserve = await time(() =>
    bus.request(ReservationCommandsV1, {
      command: 'reserve', actor, poolId: pool.id, quantity: 1, window: { from: '2027-06-01T00:00:00.000Z', to: '2027-06-08T00:00:00.000Z' },
      workloadRef: 'bench', idempotencyKey: `bench-reserve-${name}-${n++}`, holdSeconds: 600,
    }),
  );
  reservation = { pools: 10_000, handler: reserve };
  console.log(`reserve 1 device (held): p50 ${reserve.p50Ms.toFixed(2)} ms, p99 ${reserve.p99Ms.toFixed(2)} ms`);
} finally {
  await client.end();
  await inventory.close();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/candidates.json', `${JSON.stringify({ name: 'candidates', measuredAt: new Date().toISOString(), iterations, requirements, results, reservation }, null, 2)}\n`);
process.exit(0);
