import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Test-only import: the type:domain external allow-list (zod, decimal.js) is meant for production code.
import { describe, expect, it } from '@jest/globals';
import { parseAcceleratorCatalog, type AcceleratorSpec } from './accelerator-spec.js';
import { performanceDensity } from './performance-density.js';
import { totalProcessingPerformance } from './total-processing-performance.js';

const catalog = parseAcceleratorCatalog(JSON.parse(readFileSync(join('data', 'accelerators', 'accelerators.v1.json'), 'utf8')));
const byId = new Map(catalog.accelerators.map((a) => [a.id, a]));

/**
 * Fact sheet §4.2 (2026-06-01), TPP and PD columns as printed: "~" marks an approximate figure,
 * null a figure the sheet gives as UNVERIFIED. TPP is per device except `tppPerIc`.
 */
const factSheet: { id: string; tpp: string | null; tppPerIc?: string; pd: string | null }[] = [
  { id: 'nvidia-a100-sxm', tpp: '4,992', pd: '6.04' },
  { id: 'nvidia-a800-sxm', tpp: '4,992', pd: '6.04' },
  { id: 'nvidia-h100-sxm', tpp: '15,831', pd: '19.45' },
  { id: 'nvidia-h800-sxm', tpp: '15,831', pd: '19.45' },
  { id: 'nvidia-h20', tpp: '2,368', pd: '2.91' },
  { id: 'nvidia-h200-sxm', tpp: '15,831', pd: '19.45' },
  { id: 'nvidia-b200-sxm', tpp: '36,000', pd: '~22.5' },
  { id: 'nvidia-l20', tpp: '1,912', pd: '3.14' },
  { id: 'nvidia-rtx-pro-6000d', tpp: null, pd: null },
  { id: 'huawei-ascend-910b', tpp: '~5,120', pd: '~7.7' },
  { id: 'huawei-ascend-910c', tpp: '~12,800', pd: '~9.6' },
  { id: 'huawei-ascend-950pr', tpp: '6,800', pd: null },
  { id: 'cambricon-mlu370-x8', tpp: '2,048', tppPerIc: '~1,024', pd: null },
  // The sheet prints "~4,096 UNVERIFIED": built from community estimates, which the data file keeps null.
  { id: 'cambricon-mlu590', tpp: null, pd: null },
  { id: 'moore-threads-mtt-s4000', tpp: '1,600', pd: null },
  { id: 'biren-br100', tpp: '16,384', pd: '15.3' },
  { id: 'biren-br104', tpp: '8,192', pd: '~15.3' },
  { id: 'hygon-k100', tpp: null, pd: null },
  { id: 'kunlunxin-p800', tpp: null, pd: null },
  { id: 'metax-c500', tpp: null, pd: null },
  { id: 'enflame-s60', tpp: null, pd: null },
];

/** Entries beyond the fact sheet, with the values their cited sources give. */
const beyondFactSheet: { id: string; tpp: string; pd: string }[] = [
  { id: 'nvidia-h100-pcie', tpp: '12,104', pd: '14.87' },
  { id: 'nvidia-l40s', tpp: '5,864', pd: '9.63' },
];

/** Exact figures must match at the printed decimals; "~" figures within 1%. */
function expectMatches(actual: number | null, printed: string | null): void {
  if (printed === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  const approximate = printed.startsWith('~');
  const digits = printed.replace(/^~/, '').replaceAll(',', '');
  const expected = Number(digits);
  if (approximate) {
    expect(Math.abs((actual ?? Number.NaN) - expected) / expected).toBeLessThanOrEqual(0.01);
  } else {
    expect((actual ?? Number.NaN).toFixed(digits.split('.')[1]?.length ?? 0)).toBe(digits);
  }
}

function get(id: string): AcceleratorSpec {
  const spec = byId.get(id);
  if (spec === undefined) throw new Error(`${id} is missing from the data file`);
  return spec;
}

describe('data/accelerators/accelerators.v1.json', () => {
  it('parses, and holds every fact-sheet chip plus the documented extras and nothing else', () => {
    expect(catalog.dataset).toBe('accelerators');
    expect([...byId.keys()].sort()).toEqual([...factSheet, ...beyondFactSheet].map((c) => c.id).sort());
  });

  it.each(factSheet)('$id: TPP $tpp, PD $pd as in fact sheet §4.2', ({ id, tpp, tppPerIc, pd }) => {
    const spec = get(id);
    const computed = totalProcessingPerformance(spec);
    expectMatches(computed.value, tpp);
    expectMatches(computed.perIntegratedCircuit, tppPerIc ?? tpp);
    if (tpp === null) expect(computed.unknownReason).toEqual(expect.any(String));
    const density = performanceDensity(spec);
    expectMatches(density.value, pd);
    if (pd === null) expect(density.unknownReason).toEqual(expect.any(String));
  });

  it.each(beyondFactSheet)('$id (beyond the fact sheet): TPP $tpp, PD $pd', ({ id, tpp, pd }) => {
    const spec = get(id);
    expectMatches(totalProcessingPerformance(spec).value, tpp);
    expectMatches(performanceDensity(spec).value, pd);
  });

  it('assesses the dual-chip MLU370-X8 per IC and every other device as one IC', () => {
    for (const spec of catalog.accelerators) {
      expect([spec.id, spec.integratedCircuitsPerDevice]).toEqual([spec.id, spec.id === 'cambricon-mlu370-x8' ? 2 : 1]);
    }
  });

  it('tags vendors by headquarters country', () => {
    for (const spec of catalog.accelerators) {
      expect([spec.id, spec.originCountry]).toEqual([spec.id, spec.vendor === 'NVIDIA' ? 'US' : 'CN']);
    }
  });
});
