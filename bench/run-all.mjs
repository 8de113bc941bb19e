// `npm run bench`: the floors first, then every bench/*.mjs scenario with the suite's sizes (each
// writes bench/results/<name>.json), then bench/results/SUMMARY.md: every figure as a ratio to its
// floor measured in the same run, printed too. Sizes are cut so the whole suite stays within about
// ten minutes on a 2-core machine; each scenario's own defaults (run it alone) are the full sizes.
// A failed scenario is reported and its row marked missing; the suite never fails a build for speed.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { writeSummary } from './lib/summary.mjs';

/** Arguments per scenario in the suite (a scenario not listed runs with its defaults). */
const SUITE = {
  'floors.mjs': ['500'],
  'bus-roundtrip.mjs': ['300'],
  'candidates.mjs': ['20'],
  'compliance.mjs': ['10'],
  'export.mjs': [],
  'intake.mjs': ['600', '150'],
  // Quick mode: 3 seeds of 300 workloads × 60 pools, 8 s limit (the full run, 10 × 1,000 × 200 × 20 s, takes ~210 s).
  'placement-portfolio.mjs': ['3', '300', '60', '8'],
  'placement-recommend.mjs': ['30'],
};

const others = readdirSync('bench').filter((f) => f.endsWith('.mjs') && f !== 'run-all.mjs' && f !== 'floors.mjs').sort();
const scenarios = ['floors.mjs', ...others];
// Stale results of an earlier run must not pass for this run's.
for (const file of scenarios) rmSync(`bench/results/${file.replace(/\.mjs$/, '.json')}`, { force: true });
const started = performance.now();
const outcomes = [];
for (const file of scenarios) {
  const args = SUITE[file] ?? [];
  console.log(`\n== ${file} ${args.join(' ')}`);
  const t0 = performance.now();
  const run = spawnSync('node', [`bench/${file}`, ...args], { stdio: 'inherit', env: process.env, timeout: 300_000 });
  outcomes.push({ file, args, ok: run.status === 0, seconds: (performance.now() - t0) / 1000 });
}
const summary = await writeSummary({ outcomes, totalSeconds: (performance.now() - started) / 1000 });
console.log(`\n${summary}`);
const failed = outcomes.filter((o) => !o.ok).length;
console.log(`${scenarios.length - failed} of ${scenarios.length} scenarios wrote results to bench/results/ in ${Math.round((performance.now() - started) / 1000)} s`);
