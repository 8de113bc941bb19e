import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CostLedgerV1, type LedgerEntryV1Parsed as LedgerEntryInputV1, UsageRecordedV1 } from '@cp/contracts';
import { ApiTokensSetting } from '@cp/gateway-service';
import { deadLetterReader, eventually, transports } from '@cp/testing';
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { startTestSystem, type TestSystem } from './support.js';

const TOKENS = {
  inventory: `inv-${randomUUID()}`,
  finance: `fin-${randomUUID()}`,
  planner: `pln-${randomUUID()}`,
  pipeline: `pip-${randomUUID()}`,
};
const apiTokens = ApiTokensSetting.parse(`${TOKENS.inventory}:inventory-admin,${TOKENS.finance}:finance,${TOKENS.planner}:planner,${TOKENS.pipeline}:pipeline`);

/** Exact decimals with room for a 100,000-entry sum. */
const Exact = Decimal.clone({ precision: 60 });

const H100_BF16_TFLOPS: number = (() => {
  const catalog = JSON.parse(readFileSync('data/accelerators/accelerators.v1.json', 'utf8')) as {
    accelerators: { id: string; denseRates: Record<string, { value: number | null }> }[];
  };
  const rate = catalog.accelerators.find((a) => a.id === 'nvidia-h100-sxm')?.denseRates.BF16?.value;
  if (typeof rate !== 'number') throw new Error('the catalog has no H100 BF16 rate');
  return rate;
})();

const ESTIMATE = `query($input: EstimateCostInput!) { estimateCost(input: $input) {
  pricingDate currency versions { priceBook costScenarios fxRates }
  estimates { poolId siteId ownership complianceOutcome
    error { code message missing }
    estimate { currency total { low expected high currency } components { name cost { low expected high currency } }
      devices { expected } deviceHours { low expected high unit } computeHours { expected unit } transferDays { expected }
      leadTimeDays timeToResultDays { low expected high } listCost { expected currency }
      priceSource { kind basis detail } breakdown { name value unit formula } assumptions { name value source } } } } }`;

const REPORT = `query($filter: LedgerFilterInput!, $groupBy: [ReportDimension!], $currency: String, $fxDate: String) {
  costReport(filter: $filter, groupBy: $groupBy, currency: $currency, fxDate: $fxDate) {
    currency fxDate fxRatesVersion fxRatesUsed { from to rate rowDate source } groupBy
    rows { key { costCenter month siteId } committed actual budget variance variancePercent overBudget forecastOverBudget entryCount }
    totals { committed actual budget variance overBudget forecastOverBudget entryCount } } }`;

interface Range {
  low: string;
  expected: string;
  high: string;
  currency: string;
}
interface Estimate {
  total: Range;
  components: { name: string; cost: Range }[];
  devices: { expected: string };
  deviceHours: { low: string; expected: string; high: string };
  computeHours: { expected: string };
  leadTimeDays: number;
  timeToResultDays: { low: string; expected: string; high: string };
  listCost: { expected: string } | null;
  priceSource: { kind: string; basis: string; detail: string };
  breakdown: { name: string; value: string; unit: string; formula: string }[];
  assumptions: { name: string; value: string; source: string }[];
}

function sum(values: readonly string[]): Decimal {
  return values.reduce((acc, v) => acc.add(v), new Exact(0));
}

function expectTotalIsSumOfComponents(estimate: Estimate): void {
  for (const which of ['low', 'expected', 'high'] as const) {
    expect(new Exact(estimate.total[which]).eq(sum(estimate.components.map((c) => c.cost[which])))).toBe(true);
  }
}

function entry(overrides: Partial<LedgerEntryInputV1> = {}): LedgerEntryInputV1 {
  return {
    idempotencyKey: randomUUID(),
    entryType: 'ACTUAL',
    costCenter: 'cc-research',
    workloadKind: 'TRAINING',
    siteId: 'my-johor-sedenak-pdg',
    countryCode: 'MY',
    vendor: 'NVIDIA',
    acceleratorId: 'nvidia-h100-sxm',
    chargePeriodStart: '2027-01-01',
    chargePeriodEnd: '2027-02-01',
    amount: '100.00',
    currency: 'USD',
    workloadId: null,
    poolId: null,
    listAmount: null,
    deviceHours: null,
    priceBookVersion: null,
    description: null,
    ...overrides,
  };
}

describe.each(transports)('cost estimation, ledger and finance reports on %s', (transport) => {
  let t: TestSystem;
  const pools: Record<string, string> = {};
  const graphql: TestSystem['graphql'] = (...args) => t.graphql(...args);

  async function createPool(key: string, input: Record<string, unknown>): Promise<void> {
    const created = await graphql(
      `mutation($input: CreateCapacityPoolInput!) { createCapacityPool(input: $input) { id } }`,
      { input: { devicesPerNode: 8, availableFrom: '2026-01-01T00:00:00Z', ...input } },
      TOKENS.inventory,
    );
    expect(created.body.errors).toBeUndefined();
    pools[key] = created.body.data.createCapacityPool.id;
  }

  async function estimate(input: Record<string, unknown>, token?: string) {
    return graphql(ESTIMATE, { input: { pricingDate: '2026-12-15', currency: 'USD', ...input } }, token);
  }

  const training = {
    kind: 'TRAINING',
    activeParameters: 405e9,
    tokens: 15.6e12,
    modelType: 'DENSE',
    precision: 'BF16',
    mfu: { low: 0.35, expected: 0.4, high: 0.45 },
  };

  const SMALL_INFERENCE = { kind: 'INFERENCE', averageTokensPerSecond: 1_000, peakTokensPerSecond: 2_000, tokensPerSecondPerDevice: { low: 800, expected: 1_000, high: 1_200 } };

  beforeAll(async () => {
    t = await startTestSystem(transport, 'costs', { apiTokens });
    await createPool('leasedH100', {
      siteId: 'my-johor-sedenak-pdg',
      acceleratorId: 'nvidia-h100-sxm',
      deviceCount: 16_384,
      ownership: 'LEASED_IAAS',
      price: { basis: 'COMMITTED', amount: '2.50', currency: 'USD', source: 'test contract quote' },
    });
    await createPool('leased910c', {
      siteId: 'cn-zhongwei-meili-cloud',
      acceleratorId: 'huawei-ascend-910c',
      deviceCount: 2_048,
      ownership: 'LEASED_IAAS',
      price: { basis: 'COMMITTED', amount: '1.20', currency: 'USD', source: 'test lease quote' },
    });
    await createPool('owned910b', {
      siteId: 'cn-zhongwei-meili-cloud',
      acceleratorId: 'huawei-ascend-910b',
      deviceCount: 512,
      ownership: 'OWNED',
      price: { basis: 'COMMITTED', amount: '0.90', currency: 'USD', source: 'test internal chargeback rate' },
    });
    // The catalog's 910C TDP is an estimate (800 W, [E]): owned power is priced from it, and says so.
    await createPool('owned910c', {
      siteId: 'cn-zhongwei-meili-cloud',
      acceleratorId: 'huawei-ascend-910c',
      deviceCount: 256,
      ownership: 'OWNED',
      price: { basis: 'COMMITTED', amount: '1.20', currency: 'USD', source: 'test internal chargeback rate' },
    });
    await createPool('leased910cCapex', {
      siteId: 'cn-zhongwei-meili-cloud',
      acceleratorId: 'huawei-ascend-910c',
      deviceCount: 64,
      ownership: 'LEASED_IAAS',
      price: { basis: 'CAPEX', amount: '20000', currency: 'USD', source: 'test: a purchase price on a leased pool' },
    });
    await createPool('ownedNoPower', {
      siteId: 'jp-tokyo-sb-cloud',
      acceleratorId: 'huawei-ascend-910b',
      deviceCount: 512,
      ownership: 'OWNED',
      price: { basis: 'COMMITTED', amount: '1.10', currency: 'USD', source: 'test' },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('estimates a 405B dense pre-training run on leased H100s: 6ND compute, MFU, device-hours, lease cost, with its sources', async () => {
    const response = await estimate({ poolIds: [pools.leasedH100], workload: training });
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data.estimateCost;
    expect(result.versions).toEqual({ priceBook: '2026.12.1', costScenarios: '2026.12.2', fxRates: '2026.12.1' });
    const [only] = result.estimates;
    expect(only.error).toBeNull();
    const e = only.estimate as Estimate;

    const flops = new Exact(6).mul(405e9).mul(15.6e12);
    expect(flops.toString()).toBe('3.7908e+25');
    // The given MFU is steady state: the scenario goodput (0.9 expected: restarts, checkpoints) comes on top.
    const deviceHours = flops.div(new Exact(H100_BF16_TFLOPS).mul(1e12).mul(0.4).mul(0.9).mul(3600));
    expect(new Exact(e.deviceHours.expected).sub(deviceHours).abs().lt(1e-6)).toBe(true);
    // The fastest case uses the highest MFU.
    expect(new Exact(e.deviceHours.low).lt(e.deviceHours.expected)).toBe(true);

    const lease = e.components.find((c) => c.name === 'COMPUTE_LEASE')!;
    expect(new Exact(lease.cost.expected).eq(new Exact(e.deviceHours.expected).mul('2.50'))).toBe(true);
    expect(e.components.map((c) => c.name)).not.toContain('POWER'); // power is in a lease rate
    expectTotalIsSumOfComponents(e);
    expect(e.priceSource).toMatchObject({ kind: 'POOL', basis: 'COMMITTED' });
    expect(new Exact(e.computeHours.expected).mul(16_384).sub(e.deviceHours.expected).abs().lt(1e-3)).toBe(true);
    expect(e.assumptions.some((a) => a.name === 'training: MFU' && a.source.includes('caller input'))).toBe(true);
    expect(e.assumptions.some((a) => a.source.includes('2026.12.1'))).toBe(true);
  });

  it('estimates DeepSeek-class inference on leased Ascend 910C in Ningxia: devices from the published CloudMatrix384 throughput', async () => {
    const response = await estimate({
      poolIds: [pools.leased910c],
      workload: { kind: 'INFERENCE', architectureId: 'deepseek-v3', modelType: 'MOE', precision: 'INT8', averageTokensPerSecond: 600_000, peakTokensPerSecond: 1_000_000, headroom: 0.2, months: 1 },
    });
    expect(response.body.errors).toBeUndefined();
    const e = response.body.data.estimateCost.estimates[0].estimate as Estimate;
    // 1,000,000 × 1.2 / 1,943 tok/s per NPU (decode at < 50 ms TPOT) → 618 devices for 730 h.
    expect(e.devices.expected).toBe('618');
    expect(e.deviceHours.expected).toBe(String(618 * 730));
    const lease = e.components.find((c) => c.name === 'COMPUTE_LEASE')!;
    expect(new Exact(lease.cost.expected).eq(new Exact(618 * 730).mul('1.20'))).toBe(true);
    expect(e.assumptions.some((a) => a.source.includes('deepseek-r1-cloudmatrix384-910c-decode-50ms'))).toBe(true);
    expectTotalIsSumOfComponents(e);
  });

  it('prices owned Ascend 910B: chargeback capital plus power at the site tariff in CNY, converted at the dated FX row', async () => {
    const response = await estimate({
      poolIds: [pools.owned910b],
      workload: { kind: 'INFERENCE', averageTokensPerSecond: 60_000, peakTokensPerSecond: 100_000, headroom: 0.2, tokensPerSecondPerDevice: { low: 800, expected: 1_000, high: 1_200 } },
    });
    expect(response.body.errors).toBeUndefined();
    const e = response.body.data.estimateCost.estimates[0].estimate as Estimate;
    expect(e.devices.expected).toBe('120');
    const capital = e.components.find((c) => c.name === 'CAPITAL')!;
    expect(new Exact(capital.cost.expected).eq(new Exact(120 * 730).mul('0.90'))).toBe(true);
    // 400 W × 120 × 730 h × utilisation 1 × PUE 1.1 / 1000 = 38,544 kWh at 0.36 CNY = 13,875.84 CNY, at 7.2 CNY per USD.
    const power = e.components.find((c) => c.name === 'POWER')!;
    expect(power.cost.currency).toBe('USD');
    expect(new Exact(power.cost.expected).sub(new Exact('13875.84').div('7.2')).abs().lt(1e-4)).toBe(true);
    expect(e.assumptions.some((a) => a.name.includes('FX') && a.value.includes('CNY'))).toBe(true);
    expectTotalIsSumOfComponents(e);
  });

  it('adds licence lead time and inbound data transfer to time to result, and prices the delay', async () => {
    const response = await estimate({
      poolIds: [pools.leasedH100],
      leadTimeDays: 30,
      workload: {
        ...training,
        costOfDelayPerDay: { amount: '10000', currency: 'USD' },
        dataMovements: [
          { kind: 'DATASET_TO_SITE', volumeGb: 80_000, mode: 'SHIP_DRIVES', direction: 'INBOUND' },
          { kind: 'WEIGHTS_TO_INFERENCE', volumeGb: 810, mode: 'NETWORK', direction: 'OUTBOUND', egressPricePerGb: { amount: '0.09', currency: 'USD' }, linkGbps: 1 },
        ],
      },
    });
    expect(response.body.errors).toBeUndefined();
    const e = response.body.data.estimateCost.estimates[0].estimate as Estimate;
    expect(e.leadTimeDays).toBe(30);
    const delay = e.components.find((c) => c.name === 'DELAY')!;
    expect(delay.cost.expected).toMatch(/^300000(\.0+)?$/);
    const movement = e.components.find((c) => c.name === 'DATA_MOVEMENT')!;
    expect(new Exact(movement.cost.expected).gte(new Exact('72.9'))).toBe(true); // 810 GB × 0.09 at least
    const runDays = new Exact(e.computeHours.expected).div(24);
    expect(new Exact(e.timeToResultDays.expected).gt(runDays.add(30))).toBe(true);
    expectTotalIsSumOfComponents(e);
  });

  it('prices several pools at once and reports the one it cannot price with what is missing, never at zero', async () => {
    const response = await estimate({ poolIds: [pools.leased910c, pools.leased910cCapex, pools.ownedNoPower, pools.owned910c], workload: SMALL_INFERENCE });
    expect(response.body.errors).toBeUndefined();
    const [ok, capex, noPower, owned910c] = response.body.data.estimateCost.estimates;
    expect(ok.error).toBeNull();
    expect(capex.estimate).toBeNull();
    expect(capex.error).toMatchObject({ code: 'MISSING_PRICE' });
    expect(capex.error.missing).toMatch(/priceBook 2026\.12\.1 deviceHourRates huawei-ascend-910c\/CAPEX|huawei-ascend-910c/);
    expect(noPower.error).toMatchObject({ code: 'MISSING_PRICE' });
    expect(noPower.error.missing).toContain('jp-tokyo-sb-cloud');
    expect(owned910c.error).toBeNull();
    expect((owned910c.estimate as Estimate).components.map((c) => c.name)).toContain('POWER');
  });

  it('fails a single-pool estimate it cannot price with BAD_USER_INPUT naming the missing price', async () => {
    const response = await estimate({ poolIds: [pools.leased910cCapex], workload: SMALL_INFERENCE });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MISSING_PRICE', poolId: pools.leased910cCapex });
    expect(response.body.errors[0].message).toMatch(/price/);
  });

  it.each([
    ['negative tokens', { workload: { ...training, tokens: -5 } }, 'input.workload.tokens'],
    ['an unknown currency', { currency: 'XYZ', workload: training }, 'input.currency'],
    ['a malformed pricing date', { pricingDate: '15/12/2026', workload: training }, 'input.pricingDate'],
    ['peak below average', { workload: { kind: 'INFERENCE', averageTokensPerSecond: 10, peakTokensPerSecond: 5 } }, 'input.workload.peakTokensPerSecond'],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_name, input, field) => {
    const response = await estimate({ poolIds: [pools.leasedH100], ...input });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('names a report currency it has no FX rate for', async () => {
    const response = await estimate({ poolIds: [pools.leased910c], currency: 'JPY', workload: SMALL_INFERENCE });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_FX_RATE' });
    expect(response.body.errors[0].message).toMatch(/no FX rate for .*JPY/);
  });

  it('takes the licence lead time from a compliance check of each pool when a legal entity is given', async () => {
    const response = await estimate({ poolIds: [pools.leasedH100], compliance: { legalEntityId: 'demo-sg-subsidiary', servesPublicIn: [] }, workload: training });
    expect(response.body.errors).toBeUndefined();
    const [only] = response.body.data.estimateCost.estimates;
    expect(['ALLOWED', 'ALLOWED_WITH_CONDITIONS', 'LICENSE_REQUIRED']).toContain(only.complianceOutcome);
    // The lead time's source names the verdict and the rule pack it came from.
    expect(only.estimate.assumptions.some((a: { source: string }) => /^compliance verdict [A-Z_]+ under rule pack \S+/.test(a.source))).toBe(true);
    const both = await estimate({ poolIds: [pools.leasedH100], leadTimeDays: 3, compliance: { legalEntityId: 'demo-sg-subsidiary' }, workload: training });
    expect(both.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.leadTimeDays' });
  });

  it('says NOT_FOUND for an unknown pool', async () => {
    const response = await estimate({ poolIds: ['pool-does-not-exist'], workload: training });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.poolIds.0' });
  });

  it('publishes a new price book that later estimates use, refuses an invalid one naming the problem, and a changed re-publish', async () => {
    const current = await graphql(`{ costDataset(dataset: PRICE_BOOK, version: "2026.12.1") { document } }`);
    const book = current.body.data.costDataset.document as Record<string, unknown> & { contractRates: unknown[] };
    const version = `2026.12.${100 + Math.floor(Math.random() * 800)}`;
    const next = {
      ...book,
      version,
      effectiveFrom: '2026-12-10',
      contractRates: [{ poolId: pools.leasedH100, basis: 'COMMITTED', rate: '1.99', currency: 'USD', source: 'test negotiated rate', asOf: '2026-12-01', validFrom: '2026-12-01', validTo: null }],
    };
    const PUBLISH = `mutation($dataset: CostDataset!, $document: JSONObject!) { publishCostDataset(dataset: $dataset, document: $document) { created version { version effectiveFrom inForceToday itemCount } } }`;
    expect((await graphql(PUBLISH, { dataset: 'PRICE_BOOK', document: next }, TOKENS.planner)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    const published = await graphql(PUBLISH, { dataset: 'PRICE_BOOK', document: next }, TOKENS.finance);
    expect(published.body.errors).toBeUndefined();
    expect(published.body.data.publishCostDataset).toMatchObject({ created: true, version: { version, effectiveFrom: '2026-12-10' } });
    const again = await graphql(PUBLISH, { dataset: 'PRICE_BOOK', document: next }, TOKENS.finance);
    expect(again.body.data.publishCostDataset.created).toBe(false);
    const changed = await graphql(PUBLISH, { dataset: 'PRICE_BOOK', document: { ...next, source: 'other content' } }, TOKENS.finance);
    expect(changed.body.errors[0].extensions.code).toBe('CONFLICT');
    const invalid = await graphql(PUBLISH, { dataset: 'PRICE_BOOK', document: { ...next, version: `${version}9`, deviceHourRates: [{ id: 'x' }] } }, TOKENS.finance);
    expect(invalid.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(invalid.body.errors[0].message).toMatch(/deviceHourRates\.0/);

    const priced = await estimate({ poolIds: [pools.leasedH100], workload: training });
    expect(priced.body.data.estimateCost.versions.priceBook).toBe(version);
    const e = priced.body.data.estimateCost.estimates[0].estimate as Estimate;
    expect(e.priceSource.kind).toBe('CONTRACT');
    const lease = e.components.find((c) => c.name === 'COMPUTE_LEASE')!;
    expect(new Exact(lease.cost.expected).eq(new Exact(e.deviceHours.expected).mul('1.99'))).toBe(true);
    // Before the new book takes effect, the old one still prices.
    const earlier = await estimate({ poolIds: [pools.leasedH100], pricingDate: '2026-12-05', workload: training });
    expect(earlier.body.data.estimateCost.versions.priceBook).toBe('2026.12.1');
    const versions = await graphql(`{ costDatasets(dataset: PRICE_BOOK) { version } }`);
    expect(versions.body.data.costDatasets.map((v: { version: string }) => v.version)).toEqual(expect.arrayContaining([version, '2026.12.1']));
  });

  it('records committed and actual spend idempotently and reports planned vs actual against budgets, with variance and flags', async () => {
    const cc = `cc-${randomUUID().slice(0, 8)}`;
    const RECORD = (mutation: string) => `mutation($entries: [LedgerEntryInput!]!) { ${mutation}(entries: $entries) { recorded duplicates ids } }`;
    const strip = ({ entryType: _t, ...rest }: LedgerEntryInputV1) => rest;
    const committed = [
      entry({ costCenter: cc, entryType: 'COMMITTED', amount: '1000.00', chargePeriodStart: '2027-01-01', chargePeriodEnd: '2027-02-01' }),
      entry({ costCenter: cc, entryType: 'COMMITTED', amount: '1000.00', chargePeriodStart: '2027-02-01', chargePeriodEnd: '2027-03-01' }),
    ];
    const c1 = await graphql(RECORD('commitSpend'), { entries: committed.map(strip) }, TOKENS.planner);
    expect(c1.body.data.commitSpend).toMatchObject({ recorded: 2, duplicates: 0 });
    const c2 = await graphql(RECORD('commitSpend'), { entries: committed.map(strip) }, TOKENS.planner);
    expect(c2.body.data.commitSpend).toMatchObject({ recorded: 0, duplicates: 2 });
    const conflicting = await graphql(RECORD('commitSpend'), { entries: [{ ...strip(committed[0]!), amount: '999.99' }] }, TOKENS.planner);
    expect(conflicting.body.errors[0].extensions.code).toBe('CONFLICT');
    expect((await graphql(RECORD('recordUsage'), { entries: [strip(entry({ costCenter: cc }))] }, TOKENS.planner)).body.errors[0].extensions.code).toBe('FORBIDDEN');

    const actual = [
      entry({ costCenter: cc, amount: '700.10', chargePeriodStart: '2027-01-01', chargePeriodEnd: '2027-01-16' }),
      entry({ costCenter: cc, amount: '500.00', chargePeriodStart: '2027-01-16', chargePeriodEnd: '2027-02-01' }),
      entry({ costCenter: cc, amount: '4300.00', currency: 'MYR', chargePeriodStart: '2027-02-01', chargePeriodEnd: '2027-03-01' }),
    ];
    const a1 = await graphql(RECORD('recordUsage'), { entries: actual.map(strip) }, TOKENS.finance);
    expect(a1.body.data.recordUsage).toMatchObject({ recorded: 3, duplicates: 0 });

    const BUDGET = `mutation($input: BudgetInput!) { setBudget(input: $input) { costCenter month amount currency } }`;
    expect((await graphql(BUDGET, { input: { costCenter: cc, month: '2027-01', amount: '1000', currency: 'USD' } }, TOKENS.finance)).body.data.setBudget).toMatchObject({ month: '2027-01', amount: '1000.00' });
    await graphql(BUDGET, { input: { costCenter: cc, month: '2027-02', amount: '1500', currency: 'USD' } }, TOKENS.finance);
    expect((await graphql(BUDGET, { input: { costCenter: cc, month: '2027-13', amount: '1', currency: 'USD' } }, TOKENS.finance)).body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.month' });

    const report = await graphql(REPORT, { filter: { from: '2027-01-01', to: '2027-03-01', costCenters: [cc] }, groupBy: ['COST_CENTER', 'MONTH'], currency: 'USD' }, TOKENS.finance);
    expect(report.body.errors).toBeUndefined();
    const r = report.body.data.costReport;
    // MYR 4,300 at the USD/MYR row of 4.3 is USD 1,000.
    expect(r.fxRatesUsed).toEqual([expect.objectContaining({ from: 'MYR', to: 'USD', rowDate: '2025-07-01' })]);
    expect(r.rows).toEqual([
      expect.objectContaining({ key: expect.objectContaining({ costCenter: cc, month: '2027-01' }), committed: '1000.00', actual: '1200.10', budget: '1000.00', variance: '200.10', variancePercent: '20.01', overBudget: true, forecastOverBudget: true, entryCount: 3 }),
      expect.objectContaining({ key: expect.objectContaining({ costCenter: cc, month: '2027-02' }), committed: '1000.00', budget: '1500.00', overBudget: false, forecastOverBudget: false, entryCount: 2 }),
    ]);
    expect(new Exact(r.rows[1].actual).sub(1000).abs().lt(1e-6)).toBe(true);
    expect(r.totals).toMatchObject({ committed: '2000.00', budget: '2500.00', entryCount: 5 });

    const bySite = await graphql(REPORT, { filter: { from: '2027-01-01', to: '2027-03-01', costCenters: [cc] }, groupBy: ['SITE'], currency: 'USD' }, TOKENS.finance);
    expect(bySite.body.data.costReport.rows).toEqual([expect.objectContaining({ key: expect.objectContaining({ siteId: 'my-johor-sedenak-pdg' }), budget: null })]);

    const noRate = await graphql(REPORT, { filter: { from: '2027-01-01', to: '2027-03-01', costCenters: [cc] }, groupBy: [], currency: 'USD', fxDate: '2024-01-01' }, TOKENS.finance);
    expect(noRate.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fxDate' });
    expect(noRate.body.errors[0].message).toMatch(/no FX rate for MYR\/USD at or before 2024-01-01/);
  });

  it('takes actual usage from the cost.usage topic exactly once per idempotency key, and dead-letters a conflicting repeat with the reason', async () => {
    const cc = `cc-${randomUUID().slice(0, 8)}`;
    const bus = t.buses.get('gateway')!;
    const usage = entry({ costCenter: cc, amount: '12.34' });
    for (let i = 0; i < 3; i += 1) await bus.publish(UsageRecordedV1, { recordedBy: 'billing-feed', entry: usage }, { key: cc });
    await bus.publish(UsageRecordedV1, { recordedBy: 'billing-feed', entry: { ...usage, amount: '99.99' } }, { key: cc });
    await bus.publish(UsageRecordedV1, { recordedBy: 'billing-feed', entry: entry({ costCenter: cc, amount: '0.66' }) }, { key: cc });

    const totals = await eventually(async () => {
      const report = await graphql(REPORT, { filter: { from: '2027-01-01', to: '2027-02-01', costCenters: [cc] }, groupBy: [], currency: 'USD' }, TOKENS.finance);
      const figures = report.body.data?.costReport.totals;
      return figures?.entryCount === 2 ? figures : undefined;
    }, { timeoutMs: 30_000 });
    expect(totals.actual).toBe('13.00');

    const reader = deadLetterReader(transport, t.namespace, t.buses.get('cost-estimation')!);
    try {
      const dead = await eventually(async () => {
        const letters = await reader.read(UsageRecordedV1.topic.name);
        return letters.length > 0 ? letters : undefined;
      }, { timeoutMs: 30_000 });
      expect(dead).toHaveLength(1);
      expect(dead[0]!.reason).toMatch(/^CONFLICT: idempotencyKey: .* already recorded with other content/);
      expect(JSON.parse(dead[0]!.value).entry.amount).toBe('99.99');
    } finally {
      await reader.close();
    }
  });

  it('sums 100,000 ledger entries exactly', async () => {
    const cc = `cc-sum-${randomUUID().slice(0, 8)}`;
    const bus = t.buses.get('gateway')!;
    let expected = new Exact(0);
    let minorUnits = 0n;
    const batches: LedgerEntryInputV1[][] = [];
    for (let b = 0; b < 100; b += 1) {
      const batch: LedgerEntryInputV1[] = [];
      for (let i = 0; i < 1_000; i += 1) {
        // Amounts a double cannot hold exactly; their float sum drifts.
        const cents = 1 + ((b * 1_000 + i) * 7_919) % 999_983;
        const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expected = expected.add(amount);
        minorUnits += BigInt(cents);
        batch.push(entry({ costCenter: cc, amount, idempotencyKey: `${cc}-${b}-${i}`, chargePeriodStart: '2027-03-01', chargePeriodEnd: '2027-04-01' }));
      }
      batches.push(batch);
    }
    const actor = { id: 'test-sum', roles: ['finance' as const] };
    for (const batch of batches) {
      const reply = await bus.request(CostLedgerV1, { command: 'record', actor, source: 'GRAPHQL', entries: batch }, { timeoutMs: 60_000 });
      expect(reply).toMatchObject({ kind: 'recorded', recorded: 1_000 });
    }
    const report = await graphql(REPORT, { filter: { from: '2027-03-01', to: '2027-04-01', costCenters: [cc] }, groupBy: [], currency: 'USD' }, TOKENS.finance);
    const totals = report.body.data.costReport.totals;
    expect(totals.entryCount).toBe(100_000);
    expect(totals.actual).toBe(expected.toFixed(2));
    expect(totals.actual).toBe(`${minorUnits / 100n}.${String(minorUnits % 100n).padStart(2, '0')}`);
  }, 300_000);

  it('exports the ledger as streamed CSV and XLSX with FOCUS columns to finance only', async () => {
    const cc = `cc-exp-${randomUUID().slice(0, 8)}`;
    const bus = t.buses.get('gateway')!;
    const entries = Array.from({ length: 12_345 }, (_, i) => entry({ costCenter: cc, amount: `${i}.${String(i % 100).padStart(2, '0')}`, idempotencyKey: `${cc}-${i}`, description: i === 0 ? 'comma, "quote"\nnewline' : null }));
    for (let i = 0; i < entries.length; i += 2_000) {
      await bus.request(CostLedgerV1, { command: 'record', actor: { id: 'test-export', roles: ['finance'] }, source: 'GRAPHQL', entries: entries.slice(i, i + 2_000) }, { timeoutMs: 60_000 });
    }
    const server = t.system.gateway.app.getHttpServer();
    const path = `/exports/cost-ledger.csv?from=2027-01-01&to=2027-02-01&costCenters=${cc}`;

    expect((await request(server).get(path)).status).toBe(401);
    expect((await request(server).get(path).set('authorization', `Bearer ${TOKENS.planner}`)).status).toBe(403);
    const bad = await request(server).get(`/exports/cost-ledger.csv?from=2027-13-01&to=2027-02-01`).set('authorization', `Bearer ${TOKENS.finance}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });

    const csv = await request(server).get(path).set('authorization', `Bearer ${TOKENS.finance}`).buffer(true).parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const text = csv.body as string;
    const header = text.slice(0, text.indexOf('\n')).split(',');
    expect(header).toEqual(expect.arrayContaining(['BilledCost', 'EffectiveCost', 'ListCost', 'BillingCurrency', 'ChargePeriodStart', 'ChargePeriodEnd', 'SubAccountId']));
    expect(text).toContain('"comma, ""quote""\nnewline"');
    // 12,345 rows + header; the quoted newline adds one physical line.
    expect(text.trimEnd().split('\n')).toHaveLength(12_345 + 1 + 1);
    // BilledCost comes before any free text, so each physical line's first fields are intact.
    const billed = header.indexOf('BilledCost');
    const amounts = text
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[billed]!)
      .filter((cell) => /^\d+\.\d{2}$/.test(cell));
    expect(amounts).toHaveLength(12_345);
    expect(sum(amounts).eq(sum(entries.map((e) => e.amount)))).toBe(true);

    const xlsx = await request(server)
      .get(path.replace('.csv', '.xlsx'))
      .set('authorization', `Bearer ${TOKENS.finance}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(12_345 + 1);
    expect((sheet.getRow(1).values as unknown[]).filter(Boolean)).toEqual(expect.arrayContaining(['BilledCost', 'BillingCurrency']));
  }, 120_000);
});
