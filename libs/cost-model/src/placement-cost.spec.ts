import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CostCandidateV1, CostEstimateV1, CostWorkloadV1 } from '@cp/contracts';
import { Decimal } from 'decimal.js';
import { parseCostScenarios } from './cost-scenarios.js';
import { parseFxTable } from './fx-table.js';
import { estimatePlacementCost, type PlacementCostInput } from './placement-cost.js';
import { parsePriceBook, type ContractRate, type PriceBook } from './price-book.js';
import { costModelError } from './test/expect-error.js';

const json = (...path: string[]): unknown => JSON.parse(readFileSync(join('data', ...path), 'utf8'));
const priceBook = parsePriceBook(json('price-books', 'price-book.v1.json'));
const scenarios = parseCostScenarios(json('cost-scenarios', 'cost-scenarios.v1.json'));
const fx = parseFxTable(json('fx-rates', 'fx-rates.v1.json'));

interface CatalogRate {
  value: number | null;
  source: string;
}
interface CatalogRow {
  id: string;
  vendor: string;
  denseRates: Record<string, CatalogRate>;
  tdpW: { value: number | null };
  memory: { sizeGb: { value: number | null } };
  memoryBandwidthTBps: { value: number | null };
  scaleUpInterconnect: { bandwidthGBps: { value: number | null } } | null;
}
const catalog = (json('accelerators', 'accelerators.v1.json') as { accelerators: CatalogRow[] }).accelerators;

/** The candidate's accelerator facts as the gateway assembles them from the catalog. */
function accelerator(id: string): CostCandidateV1['accelerator'] {
  const row = catalog.find((a) => a.id === id);
  if (row === undefined) throw new Error(`no catalog row ${id}`);
  return {
    id,
    vendor: row.vendor,
    denseRates: Object.entries(row.denseRates).map(([precision, rate]) => ({ precision: precision as 'BF16', tflops: rate.value, source: rate.source })),
    tdpW: row.tdpW.value,
    memoryGb: row.memory.sizeGb.value,
    memoryBandwidthTBps: row.memoryBandwidthTBps.value,
    interconnectGBps: row.scaleUpInterconnect?.bandwidthGBps.value ?? null,
  };
}

const H100_BF16 = catalog.find((a) => a.id === 'nvidia-h100-sxm')?.denseRates.BF16?.value as number;

const usSite: CostCandidateV1['site'] = {
  id: 'us-ashburn-equinix',
  countryCode: 'US',
  powerPrice: { amount: '0.0892', currency: 'USD', asOf: '2023-12-31', source: 'EIA 2023 Virginia industrial' },
  pue: { value: '1.3', source: 'fact sheet §5.3 new large facilities' },
  egressPricePerGb: { amount: '0.09', currency: 'USD', source: 'fact sheet §5.4 AWS US egress' },
  internationalBandwidthGbps: null,
};

// data/sites: Hohhot standard charge 0.38 CNY/kWh (fact sheet §5.2), PUE 1.3 typical (§5.3).
const hohhot: CostCandidateV1['site'] = {
  id: 'cn-hohhot-horinger-china-mobile',
  countryCode: 'CN',
  powerPrice: { amount: '0.38', currency: 'CNY', asOf: '2015-03-28', source: 'fact sheet §5.2 Hohhot 0.38 CNY/kWh' },
  pue: { value: '1.3', source: 'fact sheet §5.3 new large facilities' },
  egressPricePerGb: null,
  internationalBandwidthGbps: null,
};

const llamaPool = { id: 'pool-us-ashburn-equinix-h100-sxm-1', ownership: 'LEASED_IAAS', price: { basis: 'ON_DEMAND', amount: '2.50', currency: 'USD', source: 'test pool price' }, deviceCount: 16_384 } as const;

type TrainingWorkload = Extract<CostWorkloadV1, { kind: 'TRAINING' | 'FINE_TUNING' }>;
type InferenceWorkload = Extract<CostWorkloadV1, { kind: 'INFERENCE' | 'BATCH_INFERENCE' }>;

const llamaWorkload = CostWorkloadV1.parse({ kind: 'TRAINING', work: { activeParameters: 405e9, tokens: 15.6e12 }, modelType: 'DENSE', precision: 'BF16' }) as TrainingWorkload;
const llamaCandidate = CostCandidateV1.parse({ candidateId: 'llama-h100', pool: llamaPool, accelerator: accelerator('nvidia-h100-sxm'), site: usSite });

// Huawei publishes no TDP for the 910C (the catalog's 800 W is an estimate [E]). The power
// arithmetic below is checked by hand with a HYPOTHETICAL round figure: it is not data.
const HYPOTHETICAL_910C_TDP_W = 600;
const ascendPool = { id: 'pool-cn-hohhot-horinger-china-mobile-ascend-910c-1', ownership: 'OWNED', price: { basis: 'COMMITTED', amount: '1.20', currency: 'USD', source: 'test internal chargeback' }, deviceCount: 64 } as const;
const deepseekWorkload = CostWorkloadV1.parse({ kind: 'INFERENCE', architectureId: 'deepseek-v3', modelType: 'MOE', precision: 'INT8', averageTokensPerSecond: 50_000, peakTokensPerSecond: 100_000, headroom: 0.2, months: 1 }) as InferenceWorkload;
const ascendCandidate = CostCandidateV1.parse({
  candidateId: 'deepseek-910c',
  pool: ascendPool,
  accelerator: { ...accelerator('huawei-ascend-910c'), tdpW: HYPOTHETICAL_910C_TDP_W },
  site: hohhot,
});

const base = (over: Partial<PlacementCostInput> = {}): PlacementCostInput => ({
  pricingDate: '2026-12-01',
  reportCurrency: 'USD',
  workload: llamaWorkload,
  candidate: llamaCandidate,
  priceBook,
  scenarios,
  fx,
  ...over,
});
const deepseek = (over: Partial<PlacementCostInput> = {}): PlacementCostInput => base({ workload: deepseekWorkload, candidate: ascendCandidate, ...over });

type Estimate = CostEstimateV1;
const component = (e: Estimate, name: string) => e.components.find((c) => c.name === name)?.cost;
const assumption = (e: Estimate, name: string) => e.assumptions.find((a) => a.name === name);
const dec = (v: Decimal.Value) => new Decimal(v);
const round10 = (d: Decimal) => d.toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN);

describe('estimatePlacementCost', () => {
  describe('(a) Llama-3.1-405B-like pre-training on 16,384 leased H100 at a pool price of 2.50 USD/device-hour', () => {
    const e = estimatePlacementCost(base());

    it('fits CostEstimateV1 exactly', () => {
      const parsed = CostEstimateV1.parse(e);
      expect(parsed).toEqual(e);
      expect(Object.keys(e).sort()).toEqual(Object.keys(CostEstimateV1.shape).sort());
    });

    // By hand: 6ND, then wall-clock = FLOPs / (devices × peak × MFU × 3600) rounded once to 10 places,
    // device-hours = devices × wall-clock, cost = 2.50 × device-hours.
    const flops = dec(6).mul(405e9).mul(15.6e12);
    const wall = (mfu: string) => round10(flops.div(dec(16_384).mul(H100_BF16).mul(1e12).mul(mfu).mul(3600)));
    const deviceHours = (mfu: string) => wall(mfu).mul(16_384);
    // The row's steady MFU 0.35 / 0.4 / 0.45 times the goodput 0.8 / 0.9 / 0.95 (restarts, checkpoints):
    // the fastest case pairs the highest of both.
    const FAST = dec('0.45').mul('0.95').toFixed();
    const MID = dec('0.4').mul('0.9').toFixed();
    const SLOW = dec('0.35').mul('0.8').toFixed();

    it('6ND = 3.7908e25 FLOPs on the catalog H100 BF16 dense rate (989.4 TFLOPS)', () => {
      expect(H100_BF16).toBe(989.4);
      expect(flops.eq('3.7908e25')).toBe(true);
      expect(e.breakdown.find((l) => l.name === 'training: total FLOPs')).toMatchObject({ value: '37908000000000000000000000', unit: 'FLOP' });
    });

    it('takes MFU 0.35 / 0.4 / 0.45 from the dense-bf16-h100-nvlink row (low = fastest = high MFU), times goodput', () => {
      expect(assumption(e, 'training: MFU choice')?.value).toMatch(/^mfu row dense-bf16-h100-nvlink/);
      expect(assumption(e, 'training: MFU')?.source).toMatch(/^cost-scenarios 2026\.12\.2 mfu\/dense-bf16-h100-nvlink \(BF16 peak\) \[S\].* × goodput 0\.8 \/ 0\.9 \/ 0\.95/);
      expect(e.performance).toMatchObject({ grade: 'MEASURED', precision: 'BF16', mfu: { low: '0.35', expected: '0.4', high: '0.45' }, goodput: { low: '0.8', expected: '0.9', high: '0.95' } });
      expect(e.computeHours).toEqual({ low: wall(FAST).toFixed(), expected: wall(MID).toFixed(), high: wall(SLOW).toFixed(), unit: 'hour' });
    });

    it('device-hours and wall-clock at the expected MFU 0.4 × goodput 0.9, computed by hand', () => {
      expect(e.devices).toEqual({ low: '16384', expected: '16384', high: '16384', unit: 'device' });
      expect(e.deviceHours).toEqual({ low: deviceHours(FAST).toFixed(), expected: deviceHours(MID).toFixed(), high: deviceHours(SLOW).toFixed(), unit: 'device-hour' });
      expect(Number(e.deviceHours.expected)).toBeCloseTo(3.7908e25 / (989.4e12 * 0.36 * 3600), 0);
    });

    it('brackets the published 30.84 M H100-hours of Llama 3.1 405B between low and high', () => {
      expect(Number(e.deviceHours.low)).toBeLessThan(30.84e6);
      expect(Number(e.deviceHours.high)).toBeGreaterThan(30.84e6);
    });

    it('prices only COMPUTE_LEASE at the pool price, and the total is the sum', () => {
      expect(e.components.map((c) => c.name)).toEqual(['COMPUTE_LEASE']);
      const lease = (mfu: string) => deviceHours(mfu).mul('2.50').toFixed();
      expect(component(e, 'COMPUTE_LEASE')).toEqual({ low: lease(FAST), expected: lease(MID), high: lease(SLOW), currency: 'USD' });
      expect(e.total).toEqual({ low: lease(FAST), expected: lease(MID), high: lease(SLOW), currency: 'USD' });
      expect(e.priceSource).toEqual({ kind: 'POOL', basis: 'ON_DEMAND', detail: 'pool pool-us-ashburn-equinix-h100-sxm-1 ON_DEMAND price 2.50 USD per device-hour' });
    });

    it('lists the same device-hours at the price book ON_DEMAND specialty row (FOCUS ListCost)', () => {
      expect(e.listCost).toEqual({
        low: deviceHours(FAST).mul('2.50').toFixed(),
        expected: deviceHours(MID).mul('3.00').toFixed(),
        high: deviceHours(SLOW).mul('3.50').toFixed(),
        currency: 'USD',
      });
      expect(assumption(e, 'list cost')?.value).toMatch(/h100-sxm-on-demand-specialty.*tier SPECIALTY/);
    });

    it('time to result is the run: no lead time, no transfer', () => {
      expect(e.leadTimeDays).toBe(0);
      expect(e.transferDays).toEqual({ low: '0', expected: '0', high: '0', unit: 'day' });
      expect(e.timeToResultDays.expected).toBe(round10(wall(MID).div(24)).toFixed());
      expect(Number(e.timeToResultDays.expected)).toBeCloseTo(3.7908e25 / (16_384 * 989.4e12 * 0.36 * 3600 * 24), 2);
    });

    it('records the three data-set versions and flattens money lines to { value: amount, unit: currency }', () => {
      expect(e.assumptions.slice(0, 3).map((a) => a.value)).toEqual(['2026.12.1 (effective from 2026-12-01)', '2026.12.2 (effective from 2026-12-01)', '2026.12.1 (effective from 2026-12-01)']);
      expect(e.assumptions.slice(0, 3).map((a) => a.name)).toEqual(['price-book version', 'cost-scenarios version', 'fx-rates version']);
      expect(e.breakdown.find((l) => l.name === 'total')).toEqual({ name: 'total', value: e.total.expected, unit: 'USD', formula: 'sum of COMPUTE_LEASE in USD' });
      expect(assumption(e, 'capacity: power')?.value).toBe('included in the lease rate');
    });
  });

  describe('(b) DeepSeek-class inference on an owned Ascend 910C pool in Hohhot: CNY power, USD chargeback', () => {
    const e = estimatePlacementCost(deepseek());

    it('fits CostEstimateV1', () => {
      expect(CostEstimateV1.parse(e)).toEqual(e);
    });

    it('sizes the fleet from 1,943 tok/s per device (the CloudMatrix384 decode row)', () => {
      expect(assumption(e, 'inference: throughput choice')?.value).toBe('inferenceThroughput row deepseek-r1-cloudmatrix384-910c-decode-50ms: published for huawei-ascend-910c, the same model at INT8, TPOT 50 ms');
      // ceil(100,000 × 1.2 / 2,400 | 1,943 | 1,554.4)
      expect(e.devices).toEqual({ low: '50', expected: '62', high: '78', unit: 'device' });
      expect(e.deviceHours).toEqual({ low: '36500', expected: '45260', high: '56940', unit: 'device-hour' });
      expect(e.computeHours).toEqual({ low: '730', expected: '730', high: '730', unit: 'hour' });
    });

    it('says the 64-device pool is short in the high case, and still prices it', () => {
      expect(assumption(e, 'pool shortfall')?.value).toBe(
        'pool pool-cn-hohhot-horinger-china-mobile-ascend-910c-1 has 64 devices; the fleet needs 50 (low) / 62 (expected) / 78 (high): short by 14 devices (high); priced as sized',
      );
    });

    it('CAPITAL = chargeback rate × device-hours', () => {
      expect(component(e, 'CAPITAL')).toEqual({ low: '43800', expected: '54312', high: '68328', currency: 'USD' });
      expect(e.priceSource).toMatchObject({ kind: 'POOL', basis: 'COMMITTED' });
      expect(e.priceSource.detail).toMatch(/internal chargeback 1\.20 USD per device-hour/);
    });

    it('converts CNY power at the fact-sheet 7.2 CNY per USD', () => {
      // 600 W × 45,260 device-hours × 1 × PUE 1.3 / 1000 = 35,302.8 kWh × 0.38 CNY = 13,415.064 CNY
      const cny = dec(600).mul(45_260).mul(1).mul('1.3').div(1000).mul('0.38');
      expect(cny.toFixed()).toBe('13415.064');
      expect(component(e, 'POWER')?.expected).toBe(round10(cny.div('7.2')).toFixed());
      expect(component(e, 'POWER')).toEqual({ low: '1502.5833333333', expected: '1863.2033333333', high: '2344.03', currency: 'USD' });
      expect(assumption(e, 'FX CNY/USD')).toEqual({
        name: 'FX CNY/USD',
        value: '0.1388888889 USD per CNY (inverse of USD/CNY 7.2, dated 2026-01-01, applied on 2026-12-01)',
        source: 'fx-rates 2026.12.1 USD-CNY [E]: fact sheet §5.2 FX assumption of the China rows (Hohhot, Zhongwei)',
      });
      expect(assumption(e, 'capacity: power: utilisation')?.source).toMatch(/default 1 \(full TDP\): conservative/);
    });

    it('totals CAPITAL + POWER exactly; no lease, no colocation fee, no list price for the 910C', () => {
      expect(e.components.map((c) => c.name)).toEqual(['CAPITAL', 'POWER']);
      expect(e.total).toEqual({ low: '45302.5833333333', expected: '56175.2033333333', high: '70672.03', currency: 'USD' });
      expect(e.listCost).toBeNull();
      expect(e.timeToResultDays).toEqual({ low: '0', expected: '0', high: '0', unit: 'day' });
    });

    it('amortises a CAPEX price over the scenario hardware life instead', () => {
      const capex = estimatePlacementCost(deepseek({ candidate: { ...ascendCandidate, pool: { ...ascendPool, price: { basis: 'CAPEX', amount: '35040', currency: 'USD', source: 'test purchase price' } } } }));
      // 35,040 × 45,260 / (48 × 730) = 45,260
      expect(component(capex, 'CAPITAL')?.expected).toBe('45260');
      expect(capex.priceSource).toMatchObject({ kind: 'POOL', basis: 'CAPEX' });
      expect(assumption(capex, 'hardware life')?.source).toMatch(/^cost-scenarios 2026\.12\.2 hardwareLife \[UNVERIFIED\]/);
    });

    it('charges no colocation fee on a colocated pool, and says so', () => {
      const colo = estimatePlacementCost(deepseek({ candidate: { ...ascendCandidate, pool: { ...ascendPool, ownership: 'COLOCATION' } } }));
      expect(colo.components.map((c) => c.name)).toEqual(['CAPITAL', 'POWER']);
      expect(assumption(colo, 'colocation fee')?.value).toMatch(/^none charged/);
    });

    it('uses the global-average PUE row when the site has none, and says so', () => {
      const noPue = estimatePlacementCost(deepseek({ candidate: { ...ascendCandidate, site: { ...hohhot, pue: null } } }));
      expect(assumption(noPue, 'PUE')?.value).toMatch(/global-average row \(1\.56\)/);
      const cny = dec(600).mul(45_260).mul('1.56').div(1000).mul('0.38');
      expect(component(noPue, 'POWER')?.expected).toBe(round10(cny.div('7.2')).toFixed());
    });
  });

  describe('(c) failures name what is missing', () => {
    const ascendLeasedCapex = { ...ascendCandidate, pool: { ...ascendPool, ownership: 'LEASED_IAAS' as const, price: { basis: 'CAPEX' as const, amount: '30000', currency: 'USD', source: 'test' } } };
    const failures: { name: string; input: PlacementCostInput; code: 'MISSING_PRICE' | 'MISSING_INPUT' | 'NO_FX_RATE' | 'INVALID_INPUT' | 'UNKNOWN_SCENARIO_ENTRY'; missing: string | null; message?: RegExp }[] = [
      { name: 'a precision with no stand-in on the accelerator (H100 has no TF32 rate)', input: base({ workload: { ...llamaWorkload, precision: 'TF32' } }), code: 'MISSING_INPUT', missing: 'accelerator.denseRates.TF32' },
      {
        name: 'the size of the served model, when no throughput is given',
        input: base({ workload: CostWorkloadV1.parse({ kind: 'INFERENCE', averageTokensPerSecond: 1000, peakTokensPerSecond: 2000 }) }),
        code: 'MISSING_INPUT',
        missing: 'workload.totalParameters',
      },
      {
        name: 'an mfuScenarioId whose peak precision is not the workload’s',
        input: base({ workload: { ...llamaWorkload, mfuScenarioId: 'moe-fp8-h100-nvlink' } }),
        code: 'INVALID_INPUT',
        missing: 'workload.mfuScenarioId',
      },
      { name: 'an unknown mfuScenarioId', input: base({ workload: { ...llamaWorkload, mfuScenarioId: 'no-such-row' } }), code: 'UNKNOWN_SCENARIO_ENTRY', missing: 'mfu/no-such-row' },
      {
        name: 'a lease rate for a leased pool priced as CAPEX, with no price-book row',
        input: deepseek({ candidate: ascendLeasedCapex }),
        code: 'MISSING_PRICE',
        missing: 'priceBook 2026.12.1 deviceHourRates huawei-ascend-910c/ON_DEMAND',
      },
      {
        name: 'a COMMITTED price-book row the book lacks (H800)',
        input: base({ workload: { ...llamaWorkload, modelType: 'MOE', basis: 'COMMITTED' }, candidate: { ...llamaCandidate, accelerator: accelerator('nvidia-h800-sxm') } }),
        code: 'MISSING_PRICE',
        missing: 'priceBook 2026.12.1 deviceHourRates nvidia-h800-sxm/COMMITTED',
      },
      {
        name: 'the site power price of an owned pool',
        input: deepseek({ candidate: { ...ascendCandidate, site: { ...hohhot, id: 'cn-ulanqab-jining', powerPrice: null } } }),
        code: 'MISSING_PRICE',
        missing: 'site cn-ulanqab-jining powerPrice',
      },
      { name: 'the TDP of an owned pool (a chip entered without one)', input: deepseek({ candidate: { ...ascendCandidate, accelerator: { ...accelerator('huawei-ascend-910c'), tdpW: null } } }), code: 'MISSING_INPUT', missing: 'accelerator.tdpW' },
      { name: 'an FX row on the pricing date (CNY is dated 2026-01-01)', input: deepseek({ pricingDate: '2025-12-31' }), code: 'NO_FX_RATE', missing: 'fx CNY/USD' },
      { name: 'a rate for the report currency (no JPY row)', input: base({ reportCurrency: 'JPY' }), code: 'NO_FX_RATE', missing: 'fx USD/JPY' },
      {
        name: 'room for the weights: 405B parameters of training state on 64 devices',
        input: base({ workload: { ...llamaWorkload, totalParameters: 405e9 }, candidate: { ...llamaCandidate, devices: 64 } }),
        code: 'INFEASIBLE' as never,
        missing: 'workload.devices',
      },
      {
        name: 'an egress price for an inbound network transfer',
        input: base({ workload: { ...llamaWorkload, dataMovements: [{ kind: 'DATASET_TO_SITE', volumeGb: 80_000, mode: 'NETWORK', direction: 'INBOUND', linkGbps: 1 }] } }),
        code: 'MISSING_PRICE',
        missing: 'dataMovements[0].egressPricePerGb',
      },
      {
        name: 'a link speed',
        input: base({ workload: { ...llamaWorkload, dataMovements: [{ kind: 'CHECKPOINTS', volumeGb: 810, mode: 'NETWORK', direction: 'OUTBOUND' }] } }),
        code: 'MISSING_INPUT',
        missing: 'dataMovements[0].linkGbps',
      },
      {
        name: 'a known speed for the UNVERIFIED mainland cross-border link',
        input: base({ workload: { ...llamaWorkload, dataMovements: [{ kind: 'DATASET_TO_SITE', volumeGb: 80_000, mode: 'NETWORK', direction: 'INBOUND', egressPricePerGb: { amount: '0', currency: 'USD' }, linkScenarioId: 'cn-mainland-cross-border' }] } }),
        code: 'MISSING_INPUT',
        missing: 'network.links/cn-mainland-cross-border.gbps',
        message: /no reliable published measurement/,
      },
    ];
    it.each(failures)('$code when $name is missing', ({ input, code, missing, message }) => {
      const error = costModelError(() => estimatePlacementCost(input), code);
      expect(error.missing).toBe(missing);
      if (missing !== null && !missing.startsWith('fx ') && !missing.includes('/')) expect(error.message).toContain(missing);
      if (message) expect(error.message).toMatch(message);
    });

    it('NO_FX_RATE names the pair and the date', () => {
      expect(costModelError(() => estimatePlacementCost(deepseek({ pricingDate: '2025-12-31' })), 'NO_FX_RATE')).toMatchObject({ pair: 'CNY/USD', date: '2025-12-31' });
    });

    const invalid: { name: string; input: PlacementCostInput; field: string }[] = [
      { name: 'negative tokens', input: base({ workload: { ...llamaWorkload, work: { activeParameters: 405e9, tokens: -1 } } }), field: 'workload.work.tokens' },
      { name: 'zero FLOPs', input: base({ workload: { ...llamaWorkload, work: { flops: 0 } } }), field: 'workload.work.flops' },
      { name: 'MFU above 1', input: base({ workload: { ...llamaWorkload, mfu: { low: 0.4, expected: 0.5, high: 1.2 } } }), field: 'workload.mfu.high' },
      { name: 'fractional devices', input: base({ candidate: { ...llamaCandidate, devices: 1.5 } }), field: 'candidate.devices' },
      { name: 'an empty pool and no devices', input: base({ candidate: { ...llamaCandidate, pool: { ...llamaPool, deviceCount: 0 } } }), field: 'candidate.pool.deviceCount' },
      { name: 'a negative pool price', input: base({ candidate: { ...llamaCandidate, pool: { ...llamaPool, price: { ...llamaPool.price, amount: '-2.50' } } } }), field: 'candidate.pool.price.amount' },
      { name: 'peak below average', input: deepseek({ workload: { ...deepseekWorkload, averageTokensPerSecond: 200_000 } }), field: 'workload.peakTokensPerSecond' },
      { name: 'zero months', input: deepseek({ workload: { ...deepseekWorkload, months: 0 } }), field: 'workload.months' },
      { name: 'a power utilisation above 1', input: deepseek({ workload: { ...deepseekWorkload, powerUtilisation: 1.5 } }), field: 'workload.powerUtilisation' },
      { name: 'a PUE below 1', input: deepseek({ candidate: { ...ascendCandidate, site: { ...hohhot, pue: { value: '0.9', source: 'x' } } } }), field: 'candidate.site.pue.value' },
      { name: 'a negative volume', input: base({ workload: { ...llamaWorkload, dataMovements: [{ kind: 'OTHER', volumeGb: -1, mode: 'SHIP_DRIVES', direction: 'INBOUND' }] } }), field: 'workload.dataMovements[0].volumeGb' },
      { name: 'a negative lead time', input: base({ candidate: { ...llamaCandidate, leadTimeDays: -1 } }), field: 'candidate.leadTimeDays' },
      { name: 'a pricing date that is not YYYY-MM-DD', input: base({ pricingDate: '2026-12-01T00:00:00Z' }), field: 'pricingDate' },
      { name: 'a report currency that is not ISO 4217', input: base({ reportCurrency: 'usd' }), field: 'reportCurrency' },
    ];
    it.each(invalid)('INVALID_INPUT naming $field for $name', ({ input, field }) => {
      const error = costModelError(() => estimatePlacementCost(input), 'INVALID_INPUT');
      expect(error.missing).toBe(field);
      expect(error.message).toContain(field);
    });
  });

  describe('(d) price resolution', () => {
    const contract = (over: Partial<ContractRate> = {}): ContractRate => ({
      poolId: llamaPool.id,
      basis: 'ON_DEMAND',
      rate: '1.99',
      currency: 'USD',
      source: 'MSA schedule B (test)',
      asOf: '2026-11-01',
      validFrom: '2026-12-01',
      validTo: '2027-12-01',
      ...over,
    });
    const withContracts = (rows: ContractRate[]): PriceBook => parsePriceBook({ ...(json('price-books', 'price-book.v1.json') as object), contractRates: rows });
    const dh = estimatePlacementCost(base()).deviceHours;

    it('a contract rate in force beats the pool price', () => {
      const e = estimatePlacementCost(base({ priceBook: withContracts([contract()]) }));
      expect(e.priceSource).toEqual({ kind: 'CONTRACT', basis: 'ON_DEMAND', detail: `contract rate 1.99 USD per device-hour for pool ${llamaPool.id}, valid 2026-12-01 to 2027-12-01` });
      expect(component(e, 'COMPUTE_LEASE')?.expected).toBe(dec(dh.expected).mul('1.99').toFixed());
      expect(assumption(e, 'lease rate source')?.source).toMatch(/^price-book 2026\.12\.1 contractRates\/0 /);
    });

    const ignored: { name: string; row: ContractRate }[] = [
      { name: 'a contract not yet in force', row: contract({ validFrom: '2026-12-02' }) },
      { name: 'an expired contract (validTo is exclusive)', row: contract({ validFrom: '2025-12-01', validTo: '2026-12-01' }) },
      { name: 'a contract of another basis', row: contract({ basis: 'COMMITTED' }) },
      { name: 'a contract of another pool', row: contract({ poolId: 'pool-other-1' }) },
    ];
    it.each(ignored)('the pool price applies over $name', ({ row }) => {
      expect(estimatePlacementCost(base({ priceBook: withContracts([row]) })).priceSource.kind).toBe('POOL');
    });

    it('the price book rate (with its range) applies when the wanted basis differs from the pool’s', () => {
      const e = estimatePlacementCost(base({ workload: { ...llamaWorkload, basis: 'COMMITTED' } }));
      expect(e.priceSource).toMatchObject({ kind: 'PRICE_BOOK', basis: 'COMMITTED' });
      expect(e.priceSource.detail).toMatch(/deviceHourRates\/h100-sxm-committed-1yr-neocloud-index 1\.70 \/ 2\.35 \/ 2\.35 USD per device-hour; the only COMMITTED row/);
      expect(component(e, 'COMPUTE_LEASE')).toEqual({
        low: dec(dh.low).mul('1.70').toFixed(),
        expected: dec(dh.expected).mul('2.35').toFixed(),
        high: dec(dh.high).mul('2.35').toFixed(),
        currency: 'USD',
      });
    });

    it('a leased CAPEX pool is priced from the book at ON_DEMAND (SPECIALTY tier), and says why', () => {
      const e = estimatePlacementCost(base({ candidate: { ...llamaCandidate, pool: { ...llamaPool, price: { basis: 'CAPEX', amount: '27500', currency: 'USD', source: 'test' } } } }));
      expect(e.priceSource).toMatchObject({ kind: 'PRICE_BOOK', basis: 'ON_DEMAND' });
      expect(e.priceSource.detail).toMatch(/h100-sxm-on-demand-specialty 2\.50 \/ 3\.00 \/ 3\.50 USD .*tier SPECIALTY/);
      expect(assumption(e, 'lease basis')?.value).toMatch(/CAPEX price, which is not a lease rate/);
    });

    it('an owned pool ignores workload.basis and says so', () => {
      const e = estimatePlacementCost(deepseek({ workload: { ...deepseekWorkload, basis: 'ON_DEMAND' } }));
      expect(e.priceSource).toMatchObject({ kind: 'POOL', basis: 'COMMITTED' });
      expect(assumption(e, 'lease basis')?.value).toMatch(/not used/);
    });
  });

  describe('(e) time to result', () => {
    const moves = [
      // 80 TB in at a sustained 1 Gbps (7.407 days) at the AWS US egress price.
      { kind: 'DATASET_TO_SITE', volumeGb: 80_000, mode: 'NETWORK', direction: 'INBOUND', linkScenarioId: 'sustained-1gbps', egressScenarioId: 'aws-us-internet-first-10tb' },
      // A second input carried by hand (3 days): in parallel, so the slower one counts.
      { kind: 'OTHER', volumeGb: 20_000, mode: 'SHIP_DRIVES', direction: 'INBOUND' },
      // 810 GB of weights out at the site's egress price over 10 Gbps: cost only.
      { kind: 'WEIGHTS_TO_INFERENCE', volumeGb: 810, mode: 'NETWORK', direction: 'OUTBOUND', linkGbps: 10 },
    ] as const;
    const workload = CostWorkloadV1.parse({ ...llamaWorkload, dataMovements: moves, costOfDelayPerDay: { amount: '10000', currency: 'USD' } });
    const e = estimatePlacementCost(base({ workload, candidate: { ...llamaCandidate, leadTimeDays: 30, leadTimeSource: 'licence review (test)' } }));

    it('adds lead time + the slowest inbound transfer + run days', () => {
      const transfer = round10(dec(80_000).mul(8).div(86_400));
      expect(e.transferDays).toEqual({ low: transfer.toFixed(), expected: transfer.toFixed(), high: transfer.toFixed(), unit: 'day' });
      const run = (h: string) => round10(dec(h).div(24));
      expect(e.timeToResultDays).toEqual({
        low: dec(30).add(transfer).add(run(e.computeHours.low)).toFixed(),
        expected: dec(30).add(transfer).add(run(e.computeHours.expected)).toFixed(),
        high: dec(30).add(transfer).add(run(e.computeHours.high)).toFixed(),
        unit: 'day',
      });
      expect(Number(e.timeToResultDays.expected)).toBeCloseTo(30 + 7.407 + 3.7908e25 / (16_384 * 989.4e12 * 0.36 * 3600 * 24), 2);
      expect(e.leadTimeDays).toBe(30);
    });

    it('prices every movement (inbound and outbound) and the delay', () => {
      // 80,000 × 0.09 + 1 shipment × 7,200 + 810 × 0.09 (site egress) = 14,472.90
      expect(component(e, 'DATA_MOVEMENT')).toEqual({ low: '14472.9', expected: '14472.9', high: '14472.9', currency: 'USD' });
      expect(component(e, 'DELAY')).toEqual({ low: '300000', expected: '300000', high: '300000', currency: 'USD' });
      expect(e.components.map((c) => c.name)).toEqual(['COMPUTE_LEASE', 'DATA_MOVEMENT', 'DELAY']);
      const sum = (c: 'low' | 'expected' | 'high') => e.components.reduce((t, k) => t.add(k.cost[c]), dec(0)).toFixed();
      expect(e.total).toEqual({ low: sum('low'), expected: sum('expected'), high: sum('high'), currency: 'USD' });
      expect(assumption(e, 'delay: lead time')?.source).toBe('licence review (test)');
    });

    it('inference: lead time + transfer, no run days', () => {
      const weights = [{ kind: 'WEIGHTS_TO_INFERENCE', volumeGb: 671, mode: 'SHIP_DRIVES', direction: 'INBOUND' }] as const;
      const inf = estimatePlacementCost(deepseek({ workload: CostWorkloadV1.parse({ ...deepseekWorkload, dataMovements: weights }), candidate: { ...ascendCandidate, leadTimeDays: 14 } }));
      expect(inf.timeToResultDays).toEqual({ low: '17', expected: '17', high: '17', unit: 'day' });
      expect(inf.components.map((c) => c.name)).toEqual(['CAPITAL', 'POWER', 'DATA_MOVEMENT']);
    });

    it('converts a cost of delay given in another currency', () => {
      const cny = CostWorkloadV1.parse({ ...llamaWorkload, costOfDelayPerDay: { amount: '72000', currency: 'CNY' } });
      const d = estimatePlacementCost(base({ workload: cny, candidate: { ...llamaCandidate, leadTimeDays: 2 } }));
      expect(component(d, 'DELAY')?.expected).toBe('20000');
      expect(assumption(d, 'FX CNY/USD')).toBeDefined();
    });
  });

  it('uses the site egress price and bandwidth before a scenario row', () => {
    const site = { ...usSite, internationalBandwidthGbps: 10 };
    const out = [{ kind: 'CHECKPOINTS', volumeGb: 1_080, mode: 'NETWORK', direction: 'OUTBOUND', egressScenarioId: 'aws-direct-connect', linkScenarioId: 'sustained-1gbps' }] as const;
    const e = estimatePlacementCost(base({ workload: CostWorkloadV1.parse({ ...llamaWorkload, dataMovements: out }), candidate: { ...llamaCandidate, site } }));
    expect(component(e, 'DATA_MOVEMENT')?.expected).toBe('97.2');
    expect(e.transferDays.expected).toBe('0');
    expect(e.breakdown.find((l) => l.name === 'dataMovements[0] CHECKPOINTS OUTBOUND NETWORK: transfer days')?.value).toBe('0.01');
  });

  it('a run on more devices than the pool holds is priced and flagged', () => {
    const e = estimatePlacementCost(base({ candidate: { ...llamaCandidate, devices: 20_000 } }));
    expect(e.devices.expected).toBe('20000');
    expect(assumption(e, 'pool shortfall')?.value).toMatch(/short by 3616 devices/);
  });

  describe('(f) the performance model prices what no row covers', () => {
    it('runs a BF16 request at FP16 on an Ascend and says so', () => {
      const e = estimatePlacementCost(base({ candidate: { ...ascendCandidate, pool: { ...ascendPool, deviceCount: 8_192 } }, workload: { ...llamaWorkload, totalParameters: 405e9 } }));
      expect(e.performance?.precision).toBe('FP16');
      expect(assumption(e, 'precision')?.value).toMatch(/No BF16 rate: runs at FP16/);
    });

    it('derives the MFU of a chip without a published row (A100), graded DERIVED, with its method', () => {
      const e = estimatePlacementCost(base({ candidate: { ...llamaCandidate, accelerator: accelerator('nvidia-a100-sxm') } }));
      expect(e.performance?.grade).toBe('DERIVED');
      expect(e.performance?.method).toMatch(/^derived: dense 16-bit MFU [\d.]+ \(fitted to \d+ published dense runs\) × interconnect factor 1 \(600 GB\/s vs 600 GB\/s\)/);
      const mfu = e.performance!.mfu!;
      // The Llama 2 runs on A100 reached 35–44 % over the whole run (goodput included): the steady band holds that.
      expect(Number(mfu.low)).toBeLessThan(0.4);
      expect(Number(mfu.high)).toBeGreaterThan(0.44);
    });

    it('gives a vendor with no published run a wider band than a calibrated one', () => {
      const biren = { ...llamaCandidate, accelerator: { ...llamaCandidate.accelerator, id: 'biren-br100', vendor: 'Biren', denseRates: [{ precision: 'BF16' as const, tflops: 1024, source: 'catalog' }], memoryGb: 64, memoryBandwidthTBps: 1.64, interconnectGBps: 2300 } };
      const b = estimatePlacementCost(base({ candidate: biren })).performance!.mfu!;
      const h = estimatePlacementCost(base({ candidate: { ...llamaCandidate, accelerator: accelerator('nvidia-a100-sxm') } })).performance!.mfu!;
      expect(Number(b.high) / Number(b.low)).toBeGreaterThan(Number(h.high) / Number(h.low));
    });

    it('derives serving throughput for a dense 70B model on an H100 from memory bandwidth', () => {
      const workload = CostWorkloadV1.parse({ kind: 'INFERENCE', totalParameters: 70e9, precision: 'BF16', averageTokensPerSecond: 20_000, peakTokensPerSecond: 40_000 });
      const e = estimatePlacementCost(base({ workload }));
      expect(e.performance?.grade).toBe('DERIVED');
      // 140 GB of BF16 weights do not fit one 80 GB device: the replica spans several.
      expect(e.performance!.devicesPerReplica!).toBeGreaterThanOrEqual(2);
      expect(Number(e.devices.expected) % e.performance!.devicesPerReplica!).toBe(0);
      // Roofline ceiling: a device cannot decode faster than reading its share of the weights allows, times the batch.
      expect(Number(e.performance!.tokensPerSecondPerDevice!.expected)).toBeGreaterThan(100);
      expect(Number(e.performance!.tokensPerSecondPerDevice!.expected)).toBeLessThan(10_000);
    });

    it('refuses a TPOT target no replica can meet, naming the field', () => {
      const workload = CostWorkloadV1.parse({ kind: 'INFERENCE', totalParameters: 405e9, precision: 'BF16', tpotTargetMs: 1, averageTokensPerSecond: 100, peakTokensPerSecond: 200 });
      expect(() => estimatePlacementCost(base({ workload }))).toThrow(expect.objectContaining({ code: 'INFEASIBLE', missing: 'workload.tpotTargetMs' }));
    });
  });
});
