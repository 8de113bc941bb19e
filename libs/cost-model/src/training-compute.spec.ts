import { describe, expect, it } from '@jest/globals';
import type { Precision } from '@cp/hardware';
import { trainingCompute, type TrainingWork } from './training-compute.js';
import { costModelError } from './test/expect-error.js';

const H100_BF16 = 989.4;
const H800_FP8 = 1978.9;

/** Fact sheet §5.5 reference runs: inputs, the published FLOPs and hours, and the tolerance. */
const referenceRuns: {
  name: string;
  work: TrainingWork;
  rate: number;
  precision: Precision;
  mfu: number;
  devices: number;
  flops: number;
  deviceHours: number;
  tolerance: number;
}[] = [
  // 6ND = 3.79e25; 30.84 M H100-hours reported, i.e. whole-run MFU ≈ 34.5%.
  { name: 'Llama 3.1 405B, whole-run MFU 34.5% of BF16', work: { activeParameters: 405e9, tokens: 15.6e12 }, rate: H100_BF16, precision: 'BF16', mfu: 0.345, devices: 16_384, flops: 3.79e25, deviceHours: 30.84e6, tolerance: 0.01 },
  // 6ND = 3.29e24; 2.788 M H800-hours at MFU ≈ 33% of the BF16 peak.
  { name: 'DeepSeek-V3, MFU 33% of BF16', work: { activeParameters: 37e9, tokens: 14.8e12 }, rate: H100_BF16, precision: 'BF16', mfu: 0.33, devices: 2_048, flops: 3.29e24, deviceHours: 2.788e6, tolerance: 0.03 },
  // The same run against the FP8 peak (≈ 17%).
  { name: 'DeepSeek-V3, MFU 17% of FP8', work: { activeParameters: 37e9, tokens: 14.8e12 }, rate: H800_FP8, precision: 'FP8', mfu: 0.17, devices: 2_048, flops: 3.29e24, deviceHours: 2.788e6, tolerance: 0.03 },
];

describe('trainingCompute', () => {
  it.each(referenceRuns)('$name: 6ND ≈ $flops, ≈ $deviceHours device-hours', ({ work, rate, precision, mfu, devices, flops, deviceHours, tolerance }) => {
    const { range } = trainingCompute(work, { denseRatePerDevice: rate, precision, mfu, devices });
    const e = range.expected;
    expect(Number(e.totalFlops) / flops).toBeCloseTo(1, 2);
    expect(Math.abs(Number(e.deviceHours) / deviceHours - 1)).toBeLessThan(tolerance);
    expect(Number(e.wallClockHours)).toBeCloseTo(Number(e.deviceHours) / devices, 6);
  });

  it('computes 6·N·D exactly', () => {
    const { range } = trainingCompute({ activeParameters: 405e9, tokens: 15.6e12 }, { denseRatePerDevice: H100_BF16, precision: 'BF16', mfu: 0.4, devices: 1 });
    expect(range.expected.totalFlops).toBe('37908000000000000000000000');
    const deepseek = trainingCompute({ activeParameters: '37000000000', tokens: '14800000000000' }, { denseRatePerDevice: H100_BF16, precision: 'BF16', mfu: 0.33, devices: 2048 });
    expect(deepseek.range.expected.totalFlops).toBe('3285600000000000000000000');
    // 2.7953 M H800-hours: 0.26% above the published 2.788 M.
    expect(Number(deepseek.range.expected.deviceHours)).toBeCloseTo(2_795_290, -1);
  });

  const exact: { name: string; work: TrainingWork; rate: number; mfu: number; devices: number; deviceHours: string; wallClockHours: string; sustained: string }[] = [
    { name: 'one TFLOPS at full MFU for an hour', work: { flops: 3.6e15 }, rate: 1, mfu: 1, devices: 1, deviceHours: '1', wallClockHours: '1', sustained: '1000000000000' },
    { name: 'half MFU doubles the hours', work: { flops: 3.6e15 }, rate: 1, mfu: 0.5, devices: 1, deviceHours: '2', wallClockHours: '2', sustained: '500000000000' },
    { name: 'devices divide wall-clock, not device-hours', work: { flops: 3.6e18 }, rate: 1000, mfu: 0.5, devices: 4, deviceHours: '2', wallClockHours: '0.5', sustained: '2000000000000000' },
    { name: 'a non-terminating quotient keeps 10 places', work: { flops: 3.6e15 }, rate: 3, mfu: 1, devices: 1, deviceHours: '0.3333333333', wallClockHours: '0.3333333333', sustained: '3000000000000' },
  ];
  it.each(exact)('$name', ({ work, rate, mfu, devices, deviceHours, wallClockHours, sustained }) => {
    const e = trainingCompute(work, { denseRatePerDevice: rate, precision: 'BF16', mfu, devices }).range.expected;
    expect(e).toMatchObject({ deviceHours, wallClockHours, sustainedFlopsPerSecond: sustained });
  });

  it('orders the range by time: low uses the high MFU (Llama 3.1 405B at 35–45% on 16,384 H100)', () => {
    const result = trainingCompute(
      { activeParameters: 405e9, tokens: 15.6e12 },
      { denseRatePerDevice: H100_BF16, precision: 'BF16', mfu: { low: 0.35, expected: 0.4, high: 0.45, source: 'scenario row' }, devices: 16_384 },
    );
    expect(result.range.low.mfu).toBe('0.45');
    expect(result.range.high.mfu).toBe('0.35');
    expect(Number(result.range.low.deviceHours)).toBeCloseTo(23.65e6, -4);
    expect(Number(result.range.expected.deviceHours)).toBeCloseTo(26.61e6, -4);
    expect(Number(result.range.high.deviceHours)).toBeCloseTo(30.41e6, -4);
    expect(Number(result.range.expected.wallClockHours) / 24).toBeCloseTo(67.7, 1);
    expect(result.assumptions).toContainEqual({ name: 'MFU', value: 'low 0.35 / expected 0.4 / high 0.45 of BF16 peak', source: 'scenario row' });
    expect(result.breakdown.map((line) => line.name)).toEqual(['total FLOPs', 'peak cluster rate', 'sustained throughput', 'device-hours', 'wall-clock hours']);
    expect(result.breakdown[0]?.formula).toBe('6 × N × D = 6 × 4.05e+11 × 1.56e+13');
  });

  const invalid: { name: string; mfu: number | { low: number; expected: number; high: number }; devices: number; rate: number }[] = [
    { name: 'MFU above 1', mfu: 1.2, devices: 1, rate: 1 },
    { name: 'MFU of 0', mfu: 0, devices: 1, rate: 1 },
    { name: 'MFU low above expected', mfu: { low: 0.5, expected: 0.4, high: 0.6 }, devices: 1, rate: 1 },
    { name: 'no devices', mfu: 0.4, devices: 0, rate: 1 },
    { name: 'fractional devices', mfu: 0.4, devices: 1.5, rate: 1 },
    { name: 'a zero rate', mfu: 0.4, devices: 1, rate: 0 },
  ];
  it.each(invalid)('rejects $name', ({ mfu, devices, rate }) => {
    costModelError(() => trainingCompute({ flops: 1e20 }, { denseRatePerDevice: rate, precision: 'BF16', mfu, devices }), 'INVALID_INPUT');
  });
});
