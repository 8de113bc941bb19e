import { describe, expect, it } from '@jest/globals';
import { inferenceCapacity, type InferenceCapacityInput } from './inference-capacity.js';
import { costModelError } from './test/expect-error.js';

const base: InferenceCapacityInput = {
  tokensPerSecondPerDevice: 1850,
  averageTokensPerSecond: 60_000,
  peakTokensPerSecond: 100_000,
  headroom: 0.2,
  hoursPerMonth: 730,
};

describe('inferenceCapacity', () => {
  const cases: { name: string; input: Partial<InferenceCapacityInput>; devices: number; deviceHoursPerMonth: string; utilisation: string }[] = [
    // ceil(120,000 / 1,850) = ceil(64.86)
    { name: 'DeepSeek H800 decode 1,850 tok/s per GPU (fact sheet §5.6)', input: {}, devices: 65, deviceHoursPerMonth: '47450', utilisation: '0.498960499' },
    // ceil(120,000 / 1,943) = ceil(61.76)
    { name: 'CloudMatrix 910C decode 1,943 tok/s per NPU at < 50 ms TPOT', input: { tokensPerSecondPerDevice: 1943 }, devices: 62, deviceHoursPerMonth: '45260', utilisation: '0.4980658443' },
    // Kunlunxin P800 × 8: 1,184 / 8 = 148 per device; ceil(120,000 / 148) = ceil(810.8)
    { name: 'Kunlunxin P800 148 tok/s per device (Qwen3-32B)', input: { tokensPerSecondPerDevice: 1184 / 8 }, devices: 811, deviceHoursPerMonth: '592030', utilisation: '0.4998833605' },
    { name: 'no headroom and an exact fit', input: { headroom: 0, peakTokensPerSecond: 3700, averageTokensPerSecond: 3700 }, devices: 2, deviceHoursPerMonth: '1460', utilisation: '1' },
    { name: 'zero average demand', input: { averageTokensPerSecond: 0 }, devices: 65, deviceHoursPerMonth: '47450', utilisation: '0' },
  ];
  it.each(cases)('$name: $devices devices', ({ input, devices, deviceHoursPerMonth, utilisation }) => {
    expect(inferenceCapacity({ ...base, ...input }).range.expected).toMatchObject({ devices, deviceHoursPerMonth, utilisation });
  });

  it("reproduces DeepSeek's average fleet: 226.75 nodes × 14.8k tok/s is 1,814 GPUs at 1,850 each", () => {
    const demand = 226.75 * 14_800;
    const e = inferenceCapacity({ ...base, averageTokensPerSecond: demand, peakTokensPerSecond: demand, headroom: 0 }).range.expected;
    expect(e.devices).toBe(1_814);
    expect(e.utilisation).toBe('1');
  });

  it('orders the range by fleet size: low uses the high throughput', () => {
    const result = inferenceCapacity({ ...base, tokensPerSecondPerDevice: { low: 1480, expected: 1850, high: 1850, source: 'scenario row' } });
    expect(result.range.low.devices).toBe(65);
    expect(result.range.expected.devices).toBe(65);
    expect(result.range.high.devices).toBe(82);
    expect(result.assumptions).toContainEqual({ name: 'throughput per device', value: 'low 1480 / expected 1850 / high 1850 token/s', source: 'scenario row' });
  });

  const invalid: { name: string; input: Partial<InferenceCapacityInput> }[] = [
    { name: 'peak below average', input: { peakTokensPerSecond: 50_000 } },
    { name: 'negative headroom', input: { headroom: -0.1 } },
    { name: 'zero throughput', input: { tokensPerSecondPerDevice: 0 } },
    { name: 'zero hours per month', input: { hoursPerMonth: 0 } },
  ];
  it.each(invalid)('rejects $name', ({ input }) => {
    costModelError(() => inferenceCapacity({ ...base, ...input }), 'INVALID_INPUT');
  });
});
