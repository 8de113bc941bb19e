// Verdicts per second for a 500-candidate compliance.evaluate batch, against the floor of
// the pure evaluator (libs/compliance-rules) on the same facts in the same run.
// Usage: npm run build && DATABASE_URL=postgres://... node bench/compliance.mjs
// Writes bench/results/compliance.json. Reports; never fails a build.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { compileRulePack, evaluate } from '../dist/libs/compliance-rules/src/index.js';
import { EvaluateComplianceV1 } from '../dist/libs/contracts/src/index.js';
import { InProcessBus } from '../dist/libs/messaging/src/index.js';
import { startRegionCompliance } from '../dist/apps/region-compliance/src/service.js';

const rounds = Number(process.argv[2] ?? 10);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `cp_bench_${randomUUID().slice(0, 8)}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const pack = JSON.parse(readFileSync('data/rule-packs/rule-pack.v1.json', 'utf8'));
const entities = JSON.parse(readFileSync('data/legal-entities/legal-entities.v1.json', 'utf8')).entities;
const sites = JSON.parse(readFileSync('data/sites/sites.v1.json', 'utf8')).sites;
const accelerators = JSON.parse(readFileSync('data/accelerators/accelerators.v1.json', 'utf8')).accelerators;
const ownerships = ['OWNED', 'LEASED_IAAS', 'COLOCATION'];

const workload = {
  kind: 'TRAINING',
  servesPublicIn: ['CN'],
  data: {
    originCountry: 'CN', personalInfoIndividuals: 250_000, sensitivePersonalInfoIndividuals: 0, importantData: false,
    cumulativePersonalInfoIndividualsThisYear: 0, cumulativeSensitivePersonalInfoIndividualsThisYear: 0,
    personalInfoIndividualsSincePreviousYear: 0, sensitivePersonalInfoIndividualsSincePreviousYear: 0,
  },
};
const candidates = Array.from({ length: 500 }, (_, i) => {
  const site = sites[i % sites.length];
  const a = accelerators[(i * 7) % accelerators.length];
  const ownership = ownerships[i % 3];
  const tpp = Math.max(...Object.entries(a.denseRates).map(([p, r]) => (r.value ?? 0) * ({ FP4: 4, FP8: 8, FP16: 16, BF16: 16, INT8: 8, INT4: 4, TF32: 32 })[p])) / a.integratedCircuitsPerDevice;
  return {
    candidateId: `c-${i}`,
    placement: {
      accelerator: { id: a.id, vendor: a.vendor, originCountry: a.originCountry, designedForDataCenter: a.designedForDataCenter, tpp: tpp || null,
        performanceDensity: a.logicDieAreaMm2.value ? tpp / (a.logicDieAreaMm2.value / a.integratedCircuitsPerDevice) : null,
        memoryBandwidthGBps: a.memoryBandwidthTBps.value === null ? null : a.memoryBandwidthTBps.value * 1000, interconnectGBps: a.scaleUpInterconnect.bandwidthGBps.value },
      site: { id: site.id, countryCode: site.countryCode, stateFunded: site.stateFunded },
      operator: { name: site.operator, hqCountry: site.operatorHqCountry, ultimateParentHqCountry: site.ultimateParentHqCountry },
      ownership,
      hardwareMovement: ownership === 'LEASED_IAAS' ? null : { fromCountry: 'US', toCountry: site.countryCode, throughCountries: i % 5 === 0 ? ['MY'] : [] },
    },
  };
});
const entity = entities.find((e) => e.id === 'demo-sg-subsidiary');
const date = '2026-06-01';

async function rate(label, once) {
  await once();
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) await once();
  const seconds = (performance.now() - t0) / 1000;
  const perSecond = (rounds * candidates.length) / seconds;
  console.log(`${label.padEnd(34)} ${Math.round(perSecond).toLocaleString('en-US')} verdicts/s (${((seconds / rounds) * 1000).toFixed(1)} ms per 500)`);
  return { verdictsPerSecond: perSecond, msPerBatch: (seconds / rounds) * 1000 };
}

const compiled = compileRulePack(pack);
const floor = await rate('pure evaluator (floor)', async () => {
  for (const c of candidates) evaluate(compiled, { date, entity, workload, placement: c.placement });
});

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const bus = new InProcessBus();
const service = await startRegionCompliance({ bus, databaseUrl: url.toString(), http: null, migrateOnStart: true, dataDir: 'data', logLevels: ['error'] });
let handler;
try {
  handler = await rate('compliance.evaluate handler (bus)', () => bus.request(EvaluateComplianceV1, { date, legalEntityId: entity.id, workload, candidates }, { timeoutMs: 60_000 }));
} finally {
  await service.close();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
const result = { name: 'compliance', measuredAt: new Date().toISOString(), batch: candidates.length, rounds, rules: pack.rules.length, floor, handler, ratioToFloor: floor.verdictsPerSecond / handler.verdictsPerSecond };
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/compliance.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`handler takes x${result.ratioToFloor.toFixed(2)} the pure evaluator's time per verdict`);
process.exit(0);
