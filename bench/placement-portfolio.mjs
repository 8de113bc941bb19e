// planPortfolio on 1,000 workloads × 200 pools (20–40 random feasible pools each, per-month
// capacity at ~75 % utilisation), 10 seeds, time limit 20 s and mip_rel_gap 0.01 each, against
// the greedy baseline (cheapest option that still fits, input order) computed in the same call.
// Usage: npm run build && node bench/placement-portfolio.mjs [seeds] [workloads] [pools] [timeLimitSeconds]
// Writes bench/results/placement-portfolio.json. Reports; never fails a build.
//
// Each seed runs in its own child process: HiGHS' Wasm memory grows and is never handed back,
// so one process per seed keeps each peak RSS its own. The solve blocks the event loop, so RSS is
// sampled every 50 ms by a worker thread (process.memoryUsage.rss() is process-wide).
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const SAMPLE_MS = 50;
const UTILISATION = 0.75;
const args = process.argv.slice(2);

/** mulberry32 */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = Array.from({ length: 13 }, (_, m) => new Date(Date.UTC(2027, m, 1)).toISOString());
const COUNTRIES = ['SG', 'MY', 'ID', 'TH', 'CN', 'JP', 'AE', 'US'];
const KINDS = ['TRAINING', 'FINE_TUNING', 'INFERENCE', 'BATCH_INFERENCE'];

/**
 * Windows of 2–12 months on a 2027 monthly grid (clipped to the year); devices 8–32 per workload; each pool's capacity
 * per month is its share of that month's total demand divided by the utilisation, so every month
 * runs at ~75 % overall (pools differ in size by ±30 % and in price by ±30 %).
 */
function instance(seed, workloadCount, poolCount, timeLimitSeconds) {
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const pools = Array.from({ length: poolCount }, (_, i) => ({ id: `pool-${i}`, countryCode: pick(COUNTRIES), share: 0.7 + rand() * 0.6, price: 0.7 + 0.6 * rand() }));
  const raw = Array.from({ length: workloadCount }, (_, i) => {
    // A 2–12 month window starting anywhere from before the year to its last month, clipped to
    // the year: every month is equally likely to be busy, so no month starves of capacity.
    const length = 2 + Math.floor(rand() * 11);
    const begin = Math.floor(rand() * (12 + length - 1)) - (length - 1);
    const start = Math.max(0, begin);
    const duration = Math.min(12, begin + length) - start;
    const devices = pick([8, 16, 16, 32]);
    const count = 20 + Math.floor(rand() * 21);
    const chosen = new Set();
    while (chosen.size < Math.min(count, poolCount)) chosen.add(Math.floor(rand() * poolCount));
    const base = 1.5 + rand() * 2.5; // per device-hour
    return {
      start,
      duration,
      workload: {
        id: `wl-${i}`,
        kind: pick(KINDS),
        devices,
        window: { from: MONTHS[start], to: MONTHS[start + duration] },
        options: [...chosen].map((p) => ({
          poolId: pools[p].id,
          cost: (base * pools[p].price * (0.9 + 0.2 * rand()) * devices * duration * 730).toFixed(2),
          timeDays: Math.round(duration * 30 * (0.8 + 0.4 * rand())),
          risk: Number((rand() * 0.3).toFixed(3)),
        })),
      },
    };
  });
  const demand = new Array(12).fill(0);
  for (const r of raw) for (let m = r.start; m < r.start + r.duration; m++) demand[m] += r.workload.devices;
  const shareSum = pools.reduce((s, p) => s + p.share, 0);
  return {
    workloads: raw.map((r) => r.workload),
    pools: pools.map((p) => ({
      id: p.id,
      countryCode: p.countryCode,
      domestic: p.countryCode === 'CN',
      capacity: demand.map((d, m) => ({ from: MONTHS[m], to: MONTHS[m + 1], devices: Math.round((d * p.share) / shareSum / UTILISATION) })),
    })),
    policy: {},
    weights: { cost: 1, time: 0, risk: 0 },
    timeLimitSeconds,
    mipRelGap: 0.01,
    // The analysis re-solves (relaxing the top binding constraints) get a short budget of their own.
    analysisTimeLimitSeconds: 2,
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function runOneSeed(seed, workloadCount, poolCount, timeLimitSeconds) {
  const { planPortfolio } = await import('../dist/libs/placement/src/index.js');
  // Internal modules, for the baseline's own placement (the plan reports only its cost).
  const { preparePortfolio } = await import('../dist/libs/placement/src/portfolio/problem.js');
  const { greedyPicks } = await import('../dist/libs/placement/src/portfolio/greedy.js');
  const input = instance(seed, workloadCount, poolCount, timeLimitSeconds);
  const peak = new BigInt64Array(new SharedArrayBuffer(8));
  const sampler = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = workerData;
     const tick = () => { const rss = BigInt(process.memoryUsage.rss()); if (rss > Atomics.load(peak, 0)) Atomics.store(peak, 0, rss); };
     tick(); setInterval(tick, ${SAMPLE_MS});`,
    { eval: true, workerData: peak },
  );
  await new Promise((resolve) => setTimeout(resolve, 2 * SAMPLE_MS));
  const rssBefore = Number(Atomics.load(peak, 0));
  const t0 = performance.now();
  const plan = await planPortfolio(input);
  const wallSeconds = (performance.now() - t0) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 2 * SAMPLE_MS));
  await sampler.terminate();
  let demand = 0;
  for (const w of input.workloads) demand += w.devices * (Date.parse(w.window.to) - Date.parse(w.window.from));
  let capacity = 0;
  for (const p of input.pools) for (const c of p.capacity) capacity += c.devices * (Date.parse(c.to) - Date.parse(c.from));
  const options = input.workloads.reduce((s, w) => s + w.options.length, 0);
  // Greedy at this utilisation leaves some workloads out, so its cost is for fewer workloads:
  // also compare the plan's cost of exactly the workloads greedy placed.
  const greedyChoice = greedyPicks(preparePortfolio(input));
  const greedyPlaced = new Set(input.workloads.filter((_, i) => greedyChoice[i] !== null).map((w) => w.id));
  const planCostOfGreedyPlaced = plan.assignment.filter((a) => greedyPlaced.has(a.workloadId)).reduce((s, a) => s + Number(a.cost), 0);
  return {
    seed,
    status: plan.status,
    solveSeconds: plan.solveSeconds,
    wallSeconds,
    gap: plan.gap,
    objective: plan.objective,
    bound: plan.bound,
    cost: plan.totals.cost,
    unassigned: plan.unassigned.length,
    greedy: plan.greedy,
    costRatioToGreedy: Number(plan.totals.cost) / Number(plan.greedy.cost),
    greedyUnassigned: input.workloads.length - greedyPlaced.size,
    sameWorkloadsCostRatioToGreedy: planCostOfGreedyPlaced / Number(plan.greedy.cost),
    objectiveRatioToGreedy: plan.objective / plan.greedy.objective,
    peakRssBytes: Number(Atomics.load(peak, 0)),
    rssBeforeBytes: rssBefore,
    model: plan.model,
    inputOptions: options,
    utilisation: demand / capacity,
    conflicts: plan.conflicts,
    bindingConstraints: plan.binding.length,
    relaxations: plan.binding.filter((b) => b.relaxationSaving !== null).map((b) => ({ constraint: b.constraint, ...b.relaxationSaving })),
  };
}

if (args[0] === '--seed') {
  const [, seed, workloads, pools, limit] = args.map(Number);
  const result = await runOneSeed(seed, workloads, pools, limit);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

const seeds = Number(args[0] ?? 10);
const workloadCount = Number(args[1] ?? 1000);
const poolCount = Number(args[2] ?? 200);
const timeLimitSeconds = Number(args[3] ?? 20);
const self = fileURLToPath(import.meta.url);
const runs = [];
const started = performance.now();
for (let seed = 1; seed <= seeds; seed++) {
  const child = spawnSync('node', [self, '--seed', String(seed), String(workloadCount), String(poolCount), String(timeLimitSeconds)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (child.status !== 0) {
    console.error(`seed ${seed} failed (exit ${child.status}): ${child.stderr.slice(-2000)}`);
    runs.push({ seed, status: 'ERROR', error: child.stderr.slice(-2000) });
    continue;
  }
  const run = JSON.parse(child.stdout.trim().split('\n').pop());
  runs.push(run);
  console.log(
    `seed ${String(seed).padStart(2)}  ${run.status.padEnd(19)} solve ${run.solveSeconds.toFixed(1).padStart(5)} s  wall ${run.wallSeconds.toFixed(1).padStart(5)} s  gap ${run.gap === null ? '   n/a' : `${(run.gap * 100).toFixed(2)}%`.padStart(6)}  ` +
      `cost/greedy ${run.costRatioToGreedy.toFixed(4)} (same workloads ${run.sameWorkloadsCostRatioToGreedy.toFixed(4)}; greedy ${run.greedy.feasible ? 'feasible' : `left ${run.greedyUnassigned} out`})  peak RSS ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MiB  ` +
      `${run.model.binaries} binaries, ${run.model.constraints} rows, utilisation ${(run.utilisation * 100).toFixed(1)}%`,
  );
}
const ok = runs.filter((r) => r.status !== 'ERROR');
const stat = (f) => {
  const xs = ok.map(f).filter((x) => x !== null && Number.isFinite(x));
  return xs.length === 0 ? null : { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
};
const summary = {
  solveSeconds: stat((r) => r.solveSeconds),
  wallSeconds: stat((r) => r.wallSeconds),
  gap: stat((r) => r.gap),
  costRatioToGreedy: stat((r) => r.costRatioToGreedy),
  sameWorkloadsCostRatioToGreedy: stat((r) => r.sameWorkloadsCostRatioToGreedy),
  greedyUnassigned: stat((r) => r.greedyUnassigned),
  objectiveRatioToGreedy: stat((r) => r.objectiveRatioToGreedy),
  peakRssBytes: stat((r) => r.peakRssBytes),
  statuses: Object.fromEntries([...new Set(runs.map((r) => r.status))].map((s) => [s, runs.filter((r) => r.status === s).length])),
  greedyFeasible: ok.filter((r) => r.greedy.feasible).length,
};
const result = {
  name: 'placement-portfolio',
  measuredAt: new Date().toISOString(),
  node: process.version,
  instance: { workloads: workloadCount, pools: poolCount, optionsPerWorkload: [20, 40], utilisationTarget: UTILISATION, seeds, timeLimitSeconds, mipRelGap: 0.01, analysisTimeLimitSeconds: 2, sampleMs: SAMPLE_MS },
  baseline:
    'greedy: each workload in input order takes its cheapest option that still fits, computed in the same planPortfolio call (ratios are plan / greedy); greedy leaves some workloads out at this utilisation, so sameWorkloadsCostRatioToGreedy compares the plan cost of just the workloads greedy placed',
  summary,
  totalSeconds: (performance.now() - started) / 1000,
  runs,
};
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/placement-portfolio.json', `${JSON.stringify(result, null, 2)}\n`);
const fmt = (s, f) => (s === null ? 'n/a' : `${f(s.median)} (${f(s.min)}–${f(s.max)})`);
console.log(`median (range) over ${ok.length} seeds: solve ${fmt(summary.solveSeconds, (x) => `${x.toFixed(1)} s`)}, gap ${fmt(summary.gap, (x) => `${(x * 100).toFixed(2)}%`)}, ` +
  `cost/greedy ${fmt(summary.costRatioToGreedy, (x) => x.toFixed(4))} (same workloads ${fmt(summary.sameWorkloadsCostRatioToGreedy, (x) => x.toFixed(4))}), peak RSS ${fmt(summary.peakRssBytes, (x) => `${(x / 2 ** 20).toFixed(0)} MiB`)}; statuses ${JSON.stringify(summary.statuses)}; ${result.totalSeconds.toFixed(0)} s in all`);
process.exit(0);
