import { describe, expect, it } from '@jest/globals';
import { acceptablePrecisions, nearestPrecision } from './nearest-precision.js';
import { PRECISION_BITS, PRECISIONS, type Precision } from './precision.js';

describe('nearestPrecision', () => {
  // [chip, what it has rates for, requested, runs at (null: held back)]
  it.each<[string, Precision[], Precision, Precision | null]>([
    ['H100 SXM', ['FP8', 'BF16', 'INT8'], 'BF16', 'BF16'],
    ['H100 SXM', ['FP8', 'BF16', 'INT8'], 'FP8', 'FP8'],
    ['H100 SXM', ['FP8', 'BF16', 'INT8'], 'FP16', 'BF16'],
    ['Ascend 910B', ['FP16', 'INT8'], 'BF16', 'FP16'],
    ['Ascend 910B', ['FP16', 'INT8'], 'FP8', 'INT8'],
    ['Ascend 910C', ['FP16'], 'FP8', 'FP16'],
    ['Ascend 910C', ['FP16'], 'INT8', 'FP16'],
    ['A100 SXM', ['BF16', 'INT8'], 'FP8', 'INT8'],
    ['A100 SXM', ['BF16', 'INT8'], 'INT8', 'INT8'],
    ['a BF16-only chip', ['BF16'], 'INT8', 'BF16'],
    ['a chip with both 16-bit formats', ['FP16', 'BF16'], 'FP8', 'BF16'],
    ['MLU370-X8', ['FP16', 'BF16', 'INT8', 'INT4'], 'FP4', 'INT4'],
    ['Ascend 950PR', ['FP8', 'FP16', 'INT8'], 'FP4', 'FP8'],
    ['B200', ['FP4', 'FP8', 'BF16', 'INT8'], 'INT4', 'FP4'],
    ['L40S', ['FP8', 'BF16', 'INT8', 'TF32'], 'TF32', 'TF32'],
    ['H100 SXM', ['FP8', 'BF16', 'INT8'], 'TF32', null],
    ['an 8-bit-only chip', ['INT8'], 'BF16', null],
    ['an 8-bit-only chip', ['INT8'], 'FP16', null],
    ['a chip with no known rate', [], 'BF16', null],
    ['a chip with no known rate', [], 'INT8', null],
  ])('%s with %j, asked for %s, runs at %s', (_chip, available, requested, runsAt) => {
    expect(nearestPrecision(available, requested)?.precision ?? null).toBe(runsAt);
  });

  it('states no assumption when the requested precision is available', () => {
    expect(nearestPrecision(['FP16', 'BF16'], 'BF16')).toEqual({ precision: 'BF16', assumption: null });
  });

  it.each<[Precision[], Precision, RegExp]>([
    [['FP16', 'INT8'], 'BF16', /^No BF16 rate: runs at FP16, the same width \(2 bytes per value, so the same memory\); assumes FP16's narrower exponent range/],
    [['BF16'], 'FP16', /^No FP16 rate: runs at BF16, the same width .* 3 fewer mantissa bits/],
    [['BF16', 'INT8'], 'FP8', /^No FP8 rate: runs at INT8, the same width \(1 byte per value, .*quantised to INT8 instead of FP8/],
    [['FP16'], 'FP8', /^No 8-bit rate for FP8: runs at FP16 instead, 2 bytes per value instead of 1 byte \(×2 the weight memory\)/],
    [['FP8'], 'FP4', /^No 4-bit rate for FP4: runs at FP8 instead, 1 byte per value instead of 0\.5 bytes \(×2 the weight memory\)/],
  ])('with %j, asked for %s, says what it assumes', (available, requested, sentence) => {
    expect(nearestPrecision(available, requested)?.assumption).toMatch(sentence);
  });

  it('never runs narrower than asked, and always tries the requested precision first', () => {
    for (const requested of PRECISIONS) {
      const chain = acceptablePrecisions(requested);
      expect(chain[0]).toBe(requested);
      for (const p of chain) expect(PRECISION_BITS[p]).toBeGreaterThanOrEqual(PRECISION_BITS[requested]);
    }
  });

  it('picks the same precision whatever the order of the available list', () => {
    expect(nearestPrecision(['INT8', 'FP16', 'BF16'], 'FP8')).toEqual(nearestPrecision(['BF16', 'FP16', 'INT8'], 'FP8'));
  });
});
