// `npm run bench`: every bench/*.mjs scenario in turn (each writes bench/results/<name>.json).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const scenarios = readdirSync('bench').filter((f) => f.endsWith('.mjs') && f !== 'run-all.mjs').sort();
let failed = 0;
for (const file of scenarios) {
  console.log(`\n== ${file}`);
  const run = spawnSync('node', [`bench/${file}`], { stdio: 'inherit', env: process.env, timeout: 300_000 });
  if (run.status !== 0) failed += 1;
}
console.log(`\n${scenarios.length - failed} of ${scenarios.length} scenarios wrote results to bench/results/`);
