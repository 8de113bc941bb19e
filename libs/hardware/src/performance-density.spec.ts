// Test-only import: the type:domain external allow-list (zod, decimal.js) is meant for production code.
import { describe, expect, it } from '@jest/globals';
import { InvalidAcceleratorSpecError } from './hardware.error.js';
import { performanceDensity, type PerformanceDensityInput } from './performance-density.js';
import type { Precision } from './precision.js';

function chip(
  rates: Partial<Record<Precision, number | null>>,
  area: number | null,
  { ics = 1, nonPlanarLogic = true }: { ics?: number; nonPlanarLogic?: boolean } = {},
): PerformanceDensityInput {
  return {
    integratedCircuitsPerDevice: ics,
    nonPlanarLogic,
    denseRates: Object.fromEntries(Object.entries(rates).map(([p, value]) => [p, { value, unknownReason: value === null ? 'UNVERIFIED' : null }])),
    logicDieAreaMm2: { value: area, unknownReason: area === null ? 'no published die area' : null },
  };
}

// Fact sheet §1.1 and §4.2, compared at the decimals the sheet shows.
const workedExamples = [
  { name: 'H100 SXM', spec: chip({ BF16: 989.4, FP8: 1978.9, INT8: 1978.9 }, 814), pd: '19.45' },
  { name: 'H20', spec: chip({ BF16: 148, FP8: 296, INT8: 296 }, 814), pd: '2.91' },
  { name: 'A100 SXM', spec: chip({ BF16: 312, INT8: 624 }, 826), pd: '6.04' },
  { name: 'L20', spec: chip({ BF16: 119.5, FP8: 239, INT8: 239 }, 609), pd: '3.14' },
  { name: 'Biren BR100 (two chiplets summed)', spec: chip({ BF16: 1024, INT8: 2048 }, 1074), pd: '15.3' },
  { name: 'B200 (two dies summed)', spec: chip({ FP4: 9000, FP8: 4500, BF16: 2250 }, 1600), pd: '22.5' },
];

describe('performanceDensity', () => {
  it.each(workedExamples)('$name: PD $pd', ({ spec, pd }) => {
    const result = performanceDensity(spec);
    const decimals = pd.split('.')[1]?.length ?? 0;
    expect(result.value?.toFixed(decimals)).toBe(pd);
    expect(result.unknownReason).toBeNull();
  });

  it('is unrounded', () => {
    expect(performanceDensity(chip({ FP8: 1978.9 }, 814)).value).toBeCloseTo(15_831.2 / 814, 12);
  });

  it('divides TPP and area per IC on a multi-chip card', () => {
    // 2,048 per card over 2 ICs = 1,024 per IC; 1,000 mm² over 2 ICs = 500 mm² per IC.
    expect(performanceDensity(chip({ INT8: 256 }, 1000, { ics: 2 })).value).toBeCloseTo(2.048, 12);
  });

  const unknown = [
    { name: 'the logic dies are planar', spec: chip({ BF16: 312 }, 826, { nonPlanarLogic: false }), reason: /^no non-planar logic die area$/ },
    { name: 'the die area is unknown (MLU370-X8)', spec: chip({ INT8: 256 }, null, { ics: 2 }), reason: /^logic die area unknown: no published die area$/ },
    { name: 'TPP is unknown (MetaX C500)', spec: chip({ FP16: null }, 600), reason: /^TPP unknown: no precision has a known dense rate/ },
    { name: 'both are unknown', spec: chip({}, null), reason: /^TPP unknown: .*; logic die area unknown: / },
  ];
  it.each(unknown)('is null with a reason when $name', ({ spec, reason }) => {
    const result = performanceDensity(spec);
    expect(result.value).toBeNull();
    expect(result.unknownReason).toMatch(reason);
  });

  it.each([0, -814])('rejects a die area of %p', (area) => {
    expect(() => performanceDensity(chip({ BF16: 989.4 }, area))).toThrow(InvalidAcceleratorSpecError);
  });
});
