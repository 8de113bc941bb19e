import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  parseCostScenarios,
  scenarioEgressPrice,
  scenarioLinkGbps,
  scenarioMfu,
  scenarioPue,
  scenarioShipping,
  scenarioThroughput,
  type CostScenarios,
} from './cost-scenarios.js';
import { dataMovement } from './data-movement.js';
import { inferenceCapacity } from './inference-capacity.js';
import { costModelError } from './test/expect-error.js';
import { trainingCompute } from './training-compute.js';

const raw = (): Record<string, unknown> => JSON.parse(readFileSync(join('data', 'cost-scenarios', 'cost-scenarios.v1.json'), 'utf8'));
const scenarios = parseCostScenarios(raw());
const catalogIds = new Set(
  (JSON.parse(readFileSync(join('data', 'accelerators', 'accelerators.v1.json'), 'utf8')) as { accelerators: { id: string }[] }).accelerators.map((a) => a.id),
);

describe('cost-scenarios.v1.json', () => {
  it('parses, with a version and an effective date', () => {
    expect(scenarios).toMatchObject({ dataset: 'cost-scenarios', version: '2026.12.2', effectiveFrom: '2026-12-01' });
    expect(scenarios.calendar.hoursPerMonth).toBe(730);
    expect(scenarios.hardwareLife.months).toBe(48);
  });

  // Fact sheet §5.5 planning defaults.
  const mfu: { id: string; low: number; high: number; precision: string; evidence: string; vendorClaim: boolean }[] = [
    { id: 'dense-bf16-h100-nvlink', low: 0.35, high: 0.45, precision: 'BF16', evidence: 'S', vendorClaim: false },
    { id: 'moe-fp8-h100-nvlink', low: 0.15, high: 0.25, precision: 'FP8', evidence: 'S', vendorClaim: false },
    { id: 'moe-bf16-h100-nvlink', low: 0.3, high: 0.4, precision: 'BF16', evidence: 'S', vendorClaim: false },
    { id: 'dense-moore-threads-s5000-vendor-claim', low: 0.3, high: 0.6, precision: 'FP8', evidence: 'S', vendorClaim: true },
    { id: 'moe-moore-threads-s5000-vendor-claim', low: 0.15, high: 0.4, precision: 'FP8', evidence: 'S', vendorClaim: true },
    { id: 'dense-domestic-unverified', low: 0.15, high: 0.45, precision: 'FP16', evidence: 'UNVERIFIED', vendorClaim: false },
    { id: 'moe-domestic-unverified', low: 0.1, high: 0.35, precision: 'FP16', evidence: 'UNVERIFIED', vendorClaim: false },
  ];
  it.each(mfu)('MFU $id: $low–$high of $precision peak [$evidence]', ({ id, low, high, precision, evidence, vendorClaim }) => {
    const row = scenarios.mfu.find((r) => r.id === id);
    expect(row).toMatchObject({ ratePrecision: precision, evidence, vendorClaim, mfu: { low, high } });
    expect(scenarioMfu(scenarios, id).source).toContain(vendorClaim ? '[S] vendor claim' : `[${evidence}]`);
  });

  // Fact sheet §5.6, per device.
  const throughput: { id: string; perDevice: number; evidence: string }[] = [
    { id: 'deepseek-v3-h800-decode', perDevice: 1850, evidence: 'S' },
    { id: 'deepseek-v3-h800-prefill', perDevice: 9212.5, evidence: 'S' },
    { id: 'deepseek-r1-cloudmatrix384-910c-decode-50ms', perDevice: 1943, evidence: 'P' },
    { id: 'deepseek-r1-cloudmatrix384-910c-decode-15ms', perDevice: 538, evidence: 'P' },
    { id: 'deepseek-r1-cloudmatrix384-910c-prefill', perDevice: 6688, evidence: 'P' },
    { id: 'qwen3-32b-kunlunxin-p800-tp8', perDevice: 148, evidence: 'S' },
  ];
  it.each(throughput)('throughput $id: $perDevice tok/s per device', ({ id, perDevice, evidence }) => {
    const row = scenarios.inferenceThroughput.find((r) => r.id === id);
    expect(row?.tokensPerSecondPerDevice.expected).toBe(perDevice);
    expect(row?.evidence).toBe(evidence);
    expect(scenarioThroughput(scenarios, id)).toMatchObject({ expected: perDevice });
  });

  it('names only accelerators of the catalog', () => {
    const ids = [...scenarios.mfu.flatMap((r) => r.acceleratorIds), ...scenarios.inferenceThroughput.map((r) => r.acceleratorId)];
    expect(ids.filter((id) => !catalogIds.has(id))).toEqual([]);
  });

  it.each([
    ['new-large-facility', 1.3],
    ['global-average', 1.56],
  ])('PUE %s is %p (fact sheet §5.3)', (id, pue) => {
    expect(scenarioPue(scenarios, id)).toMatchObject({ low: pue, expected: pue, high: pue });
  });

  it('holds the shipping assumption of §5.4 (~80 TB per trip of four people), marked [E]', () => {
    expect(scenarios.shipping).toMatchObject({ tbPerShipment: 80, evidence: 'E', costPerShipment: { amount: '7200.00', currency: 'USD' } });
    expect(scenarios.shipping.note).toMatch(/Assumption/);
    const result = dataMovement({ volumeGb: 80_000, mode: 'SHIP_DRIVES', shipping: scenarioShipping(scenarios) });
    expect(result.range.expected).toMatchObject({ shipments: 1, transferDays: '3' });
  });

  it('moves 80 TB over the 1 Gbps row in ~7.4 days at the AWS US egress price', () => {
    const result = dataMovement({ volumeGb: 80_000, mode: 'NETWORK', linkGbps: scenarioLinkGbps(scenarios, 'sustained-1gbps'), egressPricePerGb: scenarioEgressPrice(scenarios, 'aws-us-internet-first-10tb') });
    expect(Number(result.range.expected.transferDays)).toBeCloseTo(7.4, 1);
    expect(result.range.expected.cost).toEqual({ amount: '7200', currency: 'USD' });
  });

  it('refuses the UNVERIFIED cross-border link speed with its reason', () => {
    const error = costModelError(() => scenarioLinkGbps(scenarios, 'cn-mainland-cross-border'), 'MISSING_INPUT');
    expect(error.message).toMatch(/no reliable published measurement/);
  });

  it('holds no FX rows: they are the fx-rates data set now', () => {
    expect(raw()).not.toHaveProperty('fxRates');
    const file = { ...raw(), fxRates: [] };
    expect(costModelError(() => parseCostScenarios(file), 'INVALID_COST_SCENARIOS').issues.some((i) => /Unrecognized key.*fxRates/.test(i))).toBe(true);
  });

  it('feeds trainingCompute: DeepSeek-V3 on the MoE-vs-BF16 row brackets the published 2.788 M H800-hours', () => {
    const { range, assumptions } = trainingCompute(
      { activeParameters: 37e9, tokens: 14.8e12 },
      { denseRatePerDevice: 989.4, precision: 'BF16', mfu: scenarioMfu(scenarios, 'moe-bf16-h100-nvlink'), devices: 2048 },
    );
    expect(Number(range.low.deviceHours)).toBeLessThan(2.788e6);
    expect(Number(range.high.deviceHours)).toBeGreaterThan(2.788e6);
    expect(assumptions.find((a) => a.name === 'MFU')?.source).toMatch(/^cost-scenarios 2026\.12\.2 mfu\/moe-bf16-h100-nvlink \(BF16 peak\) \[S\]/);
  });

  it('feeds inferenceCapacity with a throughput range', () => {
    const { range } = inferenceCapacity({
      tokensPerSecondPerDevice: scenarioThroughput(scenarios, 'deepseek-r1-cloudmatrix384-910c-decode-50ms'),
      averageTokensPerSecond: 50_000,
      peakTokensPerSecond: 100_000,
      headroom: 0,
      hoursPerMonth: scenarios.calendar.hoursPerMonth,
    });
    expect([range.low.devices, range.expected.devices, range.high.devices]).toEqual([42, 52, 65]);
  });

  it('throws UNKNOWN_SCENARIO_ENTRY for an id the file does not hold', () => {
    expect(costModelError(() => scenarioMfu(scenarios, 'no-such-row'), 'UNKNOWN_SCENARIO_ENTRY').missing).toBe('mfu/no-such-row');
  });
});

describe('parseCostScenarios', () => {
  type Edit = (file: CostScenarios & Record<string, unknown>) => void;
  const broken: { name: string; edit: Edit; issue: RegExp }[] = [
    { name: 'a bad version', edit: (f) => void (f.version = 'v1'), issue: /^version: must look like 2026\.12\.1/ },
    { name: 'an unknown key', edit: (f) => void (f.tpp = 1), issue: /Unrecognized key/ },
    { name: 'MFU above 1', edit: (f) => void ((f.mfu[0] as { mfu: { high: number } }).mfu.high = 1.5), issue: /^mfu\.0\.mfu\.high/ },
    { name: 'an unordered range', edit: (f) => void ((f.mfu[0] as { mfu: { low: number } }).mfu.low = 0.44), issue: /^mfu\.0\.mfu: must satisfy low ≤ expected ≤ high/ },
    { name: 'a duplicate id', edit: (f) => void f.mfu.push({ ...(f.mfu[0] as (typeof f.mfu)[number]) }), issue: /duplicate mfu id dense-bf16-h100-nvlink/ },
    { name: 'a vendor claim not tagged [S]', edit: (f) => void ((f.mfu[3] as { evidence: string }).evidence = 'P'), issue: /^mfu\.3\.evidence: a vendor claim is \[S\]/ },
    { name: 'an UNVERIFIED range without a note', edit: (f) => void ((f.mfu[5] as { note: string | null }).note = null), issue: /^mfu\.5\.note/ },
    {
      name: 'a per-device throughput that is not the published figure per device',
      edit: (f) => void ((f.inferenceThroughput[0] as { tokensPerSecondPerDevice: { expected: number } }).tokensPerSecondPerDevice.expected = 1800),
      issue: /must be the published figure per device \(1850\)/,
    },
    { name: 'a known speed marked UNVERIFIED', edit: (f) => void ((f.network.links[0] as { evidence: string }).evidence = 'UNVERIFIED'), issue: /^network\.links\.0\.gbps/ },
  ];
  it.each(broken)('rejects $name', ({ edit, issue }) => {
    const file = raw() as CostScenarios & Record<string, unknown>;
    edit(file);
    const error = costModelError(() => parseCostScenarios(file), 'INVALID_COST_SCENARIOS');
    expect(error.issues.some((i) => issue.test(i))).toBe(true);
  });
});
