// Test-only import: the type:domain external allow-list (zod, decimal.js) is meant for production code.
import { describe, expect, it } from '@jest/globals';
import { InvalidAcceleratorSpecError } from './hardware.error.js';
import type { Precision } from './precision.js';
import { totalProcessingPerformance, type TppInput } from './total-processing-performance.js';

type Rates = Partial<Record<Precision, number | null>>;

function chip(rates: Rates, integratedCircuitsPerDevice = 1): TppInput {
  const denseRates = Object.fromEntries(
    Object.entries(rates).map(([precision, value]) => [precision, value === null ? { value, unknownReason: 'UNVERIFIED' } : { value }]),
  );
  return { integratedCircuitsPerDevice, denseRates };
}

// Fact sheet §1.1 worked examples and §4.2 TPP column; TPP compared rounded to an integer.
const workedExamples: { name: string; rates: Rates; ics?: number; tpp: number; perIc: number; precision: Precision }[] = [
  { name: 'H100 SXM', rates: { BF16: 989.4, FP8: 1978.9, INT8: 1978.9 }, tpp: 15_831, perIc: 15_831, precision: 'FP8' },
  { name: 'H20', rates: { BF16: 148, FP8: 296, INT8: 296 }, tpp: 2_368, perIc: 2_368, precision: 'FP8' },
  { name: 'A100 SXM', rates: { BF16: 312, INT8: 624 }, tpp: 4_992, perIc: 4_992, precision: 'BF16' },
  { name: 'B200 SXM', rates: { FP4: 9000, FP8: 4500, BF16: 2250, INT8: 4500 }, tpp: 36_000, perIc: 36_000, precision: 'FP4' },
  { name: 'L20', rates: { BF16: 119.5, FP8: 239, INT8: 239 }, tpp: 1_912, perIc: 1_912, precision: 'FP8' },
  { name: 'Biren BR100', rates: { BF16: 1024, INT8: 2048 }, tpp: 16_384, perIc: 16_384, precision: 'BF16' },
  { name: 'MLU370-X8 (two ICs per card)', rates: { FP16: 96, INT8: 256, INT4: 512 }, ics: 2, tpp: 2_048, perIc: 1_024, precision: 'INT8' },
];

describe('totalProcessingPerformance', () => {
  it.each(workedExamples)('$name: TPP $tpp, $perIc per IC, from $precision', ({ rates, ics, tpp, perIc, precision }) => {
    const result = totalProcessingPerformance(chip(rates, ics));
    expect(Math.round(result.value ?? Number.NaN)).toBe(tpp);
    expect(Math.round(result.perIntegratedCircuit ?? Number.NaN)).toBe(perIc);
    expect(result.precision).toBe(precision);
    expect(result.unknownReason).toBeNull();
    expect(result.unknownPrecisions).toEqual([]);
  });

  it('keeps the unrounded maximum and lists every known precision in order', () => {
    const result = totalProcessingPerformance(chip({ INT8: 1978.9, BF16: 989.4, FP8: 1978.9 }));
    expect(result.value).toBeCloseTo(15_831.2, 9);
    expect(result.byPrecision.map((p) => [p.precision, p.bits, p.denseRate])).toEqual([
      ['FP8', 8, 1978.9],
      ['BF16', 16, 989.4],
      ['INT8', 8, 1978.9],
    ]);
    expect(result.byPrecision[1]?.tpp).toBeCloseTo(15_830.4, 9);
  });

  it('counts TF32 at 32 bits', () => {
    expect(totalProcessingPerformance(chip({ TF32: 183 })).value).toBe(5_856);
  });

  const unknown: { name: string; rates: Rates; reason: RegExp }[] = [
    { name: 'no precision given', rates: {}, reason: /no dense rate is given/ },
    { name: 'every offered precision unverified', rates: { BF16: null, INT8: null }, reason: /no precision has a known dense rate \(BF16: UNVERIFIED; INT8: UNVERIFIED\)/ },
  ];
  it.each(unknown)('is null with a reason when $name', ({ rates, reason }) => {
    const result = totalProcessingPerformance(chip(rates));
    expect(result).toMatchObject({ value: null, perIntegratedCircuit: null, precision: null, byPrecision: [] });
    expect(result.unknownReason).toMatch(reason);
  });

  it('flags a lower bound when some offered precisions are unknown (Ascend 910C: INT8 unverified)', () => {
    const result = totalProcessingPerformance(chip({ FP16: 800, INT8: null }));
    expect(result.value).toBe(12_800);
    expect(result.unknownPrecisions).toEqual(['INT8']);
    expect(result.unknownReason).toBeNull();
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects %p integrated circuits per device', (ics) => {
    expect(() => totalProcessingPerformance(chip({ BF16: 1 }, ics))).toThrow(InvalidAcceleratorSpecError);
  });

  it.each([0, -312, Number.POSITIVE_INFINITY])('rejects a dense rate of %p', (rate) => {
    expect(() => totalProcessingPerformance(chip({ BF16: rate }))).toThrow(/dense BF16 rate must be a positive number/);
  });
});
