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
  { id: 'huawei-ascend-910b', tpp: '~5,120', pd: '~7.7' },
  { id: 'huawei-ascend-910c', tpp: '~12,800', pd: '~9.6' },
  { id: 'huawei-ascend-950pr', tpp: '6,800', pd: null },
  { id: 'cambricon-mlu370-x8', tpp: '2,048', tppPerIc: '~1,024', pd: null },
  // The sheet prints "~4,096 UNVERIFIED", built from the community estimates the data file now records as S.
  { id: 'cambricon-mlu590', tpp: '~4,096', pd: null },
  { id: 'moore-threads-mtt-s4000', tpp: '1,600', pd: null },
  { id: 'biren-br100', tpp: '16,384', pd: '15.3' },
  { id: 'biren-br104', tpp: '8,192', pd: '~15.3' },
];

/**
 * Chips the sheet gives no TPP for (UNVERIFIED): the data file records sourced estimates (S, or E
 * with the arithmetic in the note), and these are the TPPs they give. Each is as uncertain as the
 * rate notes say; the figures pin the file, not the chips.
 */
const estimated: { id: string; tpp: string; pd: null }[] = [
  { id: 'nvidia-rtx-pro-6000d', tpp: '2,160', pd: null },
  { id: 'hygon-k100', tpp: '3,072', pd: null },
  { id: 'kunlunxin-p800', tpp: '5,520', pd: null },
  { id: 'metax-c500', tpp: '4,480', pd: null },
  { id: 'enflame-s60', tpp: '3,072', pd: null },
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
    expect([...byId.keys()].sort()).toEqual([...factSheet, ...estimated, ...beyondFactSheet].map((c) => c.id).sort());
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

  it.each(estimated)('$id (no TPP in the fact sheet): TPP $tpp from the estimated rates, each graded S or E with a note', ({ id, tpp, pd }) => {
    const spec = get(id);
    expectMatches(totalProcessingPerformance(spec).value, tpp);
    expectMatches(performanceDensity(spec).value, pd);
    for (const [precision, rate] of Object.entries(spec.denseRates)) {
      expect([precision, rate?.evidence]).toEqual([precision, expect.stringMatching(/^[SE]$/)]);
      expect([precision, rate?.note]).toEqual([precision, expect.any(String)]);
    }
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

/** The figures the performance model reads, by path; empty when the row is complete. */
function missingModelFigures(spec: AcceleratorSpec): string[] {
  const missing: string[] = [];
  const rates = Object.entries(spec.denseRates);
  if (!rates.some(([precision, rate]) => (precision === 'BF16' || precision === 'FP16') && rate?.value != null)) missing.push('denseRates.BF16|FP16');
  for (const [precision, rate] of rates) if (rate?.value == null) missing.push(`denseRates.${precision}`);
  if (spec.memory.sizeGb.value === null) missing.push('memory.sizeGb');
  if (spec.memoryBandwidthTBps.value === null) missing.push('memoryBandwidthTBps');
  if (spec.tdpW.value === null) missing.push('tdpW');
  // A PCIe-only card states it with its host link ("PCIe 4.0 x16" and that link's rate): a value, not a null.
  if (spec.scaleUpInterconnect.name === null) missing.push('scaleUpInterconnect.name');
  if (spec.scaleUpInterconnect.bandwidthGBps.value === null) missing.push('scaleUpInterconnect.bandwidthGBps');
  const tpp = totalProcessingPerformance(spec);
  if (tpp.value === null) missing.push('TPP');
  // A listed precision without a rate would make TPP a lower bound.
  else if (tpp.unknownPrecisions.length > 0) missing.push(`TPP (lower bound: ${tpp.unknownPrecisions.join(', ')} unknown)`);
  return missing;
}

describe('a complete catalog: every accelerator carries what the performance model needs', () => {
  it.each(catalog.accelerators.map((spec) => [spec.id, spec] as const))('%s', (_id, spec) => {
    expect(missingModelFigures(spec)).toEqual([]);
  });

  it('names what is missing from an incomplete row', () => {
    const h20 = get('nvidia-h20');
    const unknown = { ...h20.tdpW, value: null, evidence: 'UNVERIFIED' as const, unknownReason: 'test', note: null };
    const gutted: AcceleratorSpec = {
      ...h20,
      denseRates: { FP8: { ...unknown } },
      tdpW: unknown,
      scaleUpInterconnect: { name: null, bandwidthGBps: unknown },
    };
    expect(missingModelFigures(gutted)).toEqual([
      'denseRates.BF16|FP16',
      'denseRates.FP8',
      'tdpW',
      'scaleUpInterconnect.name',
      'scaleUpInterconnect.bandwidthGBps',
      'TPP',
    ]);
  });

  it('shows the working of every derived (E) figure in its note', () => {
    for (const spec of catalog.accelerators) {
      const figures = [
        ...Object.entries(spec.denseRates).map(([p, r]) => [`denseRates.${p}`, r] as const),
        ['memory.sizeGb', spec.memory.sizeGb],
        ['memoryBandwidthTBps', spec.memoryBandwidthTBps],
        ['scaleUpInterconnect.bandwidthGBps', spec.scaleUpInterconnect.bandwidthGBps],
        ['tdpW', spec.tdpW],
      ] as const;
      for (const [path, figure] of figures) {
        if (figure?.evidence === 'E') expect([spec.id, path, figure.note]).toEqual([spec.id, path, expect.stringMatching(/\d/)]);
      }
    }
  });
});
