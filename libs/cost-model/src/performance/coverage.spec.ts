import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CostCandidateV1, CostWorkloadV1 } from '@cp/contracts';
import { CostModelError } from '../cost-model.error.js';
import { parseCostScenarios } from '../cost-scenarios.js';
import { parseFxTable } from '../fx-table.js';
import { estimatePlacementCost } from '../placement-cost.js';
import { parsePriceBook } from '../price-book.js';

/**
 * The shipped catalog, every precision and model type, training and inference: no accelerator is
 * left unpriced for lack of a data row. A workload a chip physically cannot run as asked
 * (INFEASIBLE: memory or the default TPOT) is counted apart, with its reason.
 */
const json = (dir: string, file: string): unknown => JSON.parse(readFileSync(join('data', dir, file), 'utf8'));
const scenarios = parseCostScenarios(json('cost-scenarios', 'cost-scenarios.v1.json'));
const priceBook = parsePriceBook(json('price-books', 'price-book.v1.json'));
const fx = parseFxTable(json('fx-rates', 'fx-rates.v1.json'));

interface Figure {
  value: number | null;
  source?: string;
}
interface Row {
  id: string;
  vendor: string;
  denseRates: Record<string, Figure>;
  tdpW: Figure;
  memory: { sizeGb: Figure };
  memoryBandwidthTBps: Figure;
  scaleUpInterconnect: { bandwidthGBps: Figure } | null;
}
const catalog = (json('accelerators', 'accelerators.v1.json') as { accelerators: Row[] }).accelerators;

function candidate(row: Row): CostCandidateV1 {
  return CostCandidateV1.parse({
    candidateId: row.id,
    devices: 2_048,
    pool: { id: `pool-${row.id}`, ownership: 'LEASED_IAAS', price: { basis: 'ON_DEMAND', amount: '2.00', currency: 'USD', source: 'test' }, deviceCount: 4_096 },
    accelerator: {
      id: row.id,
      vendor: row.vendor,
      denseRates: Object.entries(row.denseRates).map(([precision, r]) => ({ precision, tflops: r.value, source: r.source ?? 'catalog' })),
      tdpW: row.tdpW.value,
      memoryGb: row.memory.sizeGb.value,
      memoryBandwidthTBps: row.memoryBandwidthTBps.value,
      interconnectGBps: row.scaleUpInterconnect?.bandwidthGBps.value ?? null,
    },
    site: { id: 'sg-test', countryCode: 'SG', powerPrice: null, pue: null, egressPricePerGb: null, internationalBandwidthGbps: null },
  });
}

const MODELS = {
  DENSE: { totalParameters: 70e9, activeParameters: 70e9 },
  MOE: { totalParameters: 671e9, activeParameters: 37e9 },
} as const;
const PRECISIONS = ['BF16', 'FP16', 'FP8', 'INT8'] as const;

function workload(kind: 'TRAINING' | 'INFERENCE', modelType: 'DENSE' | 'MOE', precision: (typeof PRECISIONS)[number]): CostWorkloadV1 {
  const m = MODELS[modelType];
  return kind === 'TRAINING'
    ? CostWorkloadV1.parse({ kind, work: { activeParameters: m.activeParameters, tokens: 1e12 }, totalParameters: m.totalParameters, modelType, precision })
    : CostWorkloadV1.parse({ kind, ...m, modelType, precision, averageTokensPerSecond: 10_000, peakTokensPerSecond: 20_000 });
}

describe('every accelerator priced', () => {
  const outcomes = catalog.flatMap((row) =>
    (['TRAINING', 'INFERENCE'] as const).flatMap((kind) =>
      (['DENSE', 'MOE'] as const).flatMap((modelType) =>
        PRECISIONS.map((precision) => {
          try {
            const e = estimatePlacementCost({ pricingDate: '2026-12-15', reportCurrency: 'USD', workload: workload(kind, modelType, precision), candidate: candidate(row), priceBook, scenarios, fx });
            return { key: `${row.id} ${kind} ${modelType} ${precision}`, code: 'PRICED', grade: e.performance?.grade ?? null, detail: '' };
          } catch (error) {
            if (!(error instanceof CostModelError)) throw error;
            return { key: `${row.id} ${kind} ${modelType} ${precision}`, code: error.code, grade: null, detail: error.message };
          }
        }),
      ),
    ),
  );

  it(`asks all ${catalog.length} × 2 × 2 × 4 combinations`, () => {
    expect(outcomes).toHaveLength(catalog.length * 16);
  });

  it('leaves none unpriced for lack of a data row (no MISSING_INPUT)', () => {
    expect(outcomes.filter((o) => o.code === 'MISSING_INPUT').map((o) => `${o.key}: ${o.detail}`)).toEqual([]);
  });

  it('prices every training combination, graded MEASURED or DERIVED', () => {
    const training = outcomes.filter((o) => o.key.includes(' TRAINING '));
    expect(training.filter((o) => o.code !== 'PRICED').map((o) => `${o.key}: ${o.detail}`)).toEqual([]);
    expect(new Set(training.map((o) => o.grade))).toEqual(new Set(['MEASURED', 'DERIVED']));
  });

  it('prices a Chinese domestic chip for MoE inference (the flagship question)', () => {
    const domestic = outcomes.filter((o) => o.key.startsWith('huawei-ascend-910') && o.key.includes(' INFERENCE MOE ') && o.code === 'PRICED');
    expect(domestic.length).toBeGreaterThan(0);
  });

  it('explains every inference combination it cannot run as asked, naming the field', () => {
    for (const o of outcomes.filter((x) => x.code === 'INFEASIBLE')) expect(o.detail).toMatch(/^workload\.(tpotTargetMs|contextLength|concurrentSequences|devices)/);
  });
});
