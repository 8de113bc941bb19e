// Test-only import: the type:domain external allow-list (zod, decimal.js) is meant for production code.
import { describe, expect, it } from '@jest/globals';
import { parseAcceleratorCatalog } from './accelerator-spec.js';
import { InvalidAcceleratorCatalogError } from './hardware.error.js';

const figure = (value: number | string | null, extra: Record<string, unknown> = {}) => ({
  value,
  evidence: 'S',
  source: 'fact sheet §4.1',
  asOf: '2026-06-01',
  ...extra,
});

function entry(overrides: Record<string, unknown> = {}) {
  return {
    id: 'nvidia-h100-sxm',
    name: 'NVIDIA H100 SXM 80GB',
    vendor: 'NVIDIA',
    originCountry: 'US',
    formFactor: 'SXM',
    designedForDataCenter: true,
    integratedCircuitsPerDevice: 1,
    nonPlanarLogic: true,
    denseRates: { BF16: figure(989.4), FP8: figure(1978.9) },
    memory: { sizeGb: figure(80), type: figure('HBM3') },
    memoryBandwidthTBps: figure(3.35),
    scaleUpInterconnect: { name: 'NVLink4', bandwidthGBps: figure(900) },
    tdpW: figure(700),
    logicDieAreaMm2: figure(814),
    notes: 'worked example',
    ...overrides,
  };
}

function catalog(accelerators: unknown[], overrides: Record<string, unknown> = {}) {
  return { dataset: 'accelerators', version: '2026.12.1', effectiveFrom: '2026-12-01', source: 'test', accelerators, ...overrides };
}

function issuesOf(json: unknown): readonly string[] {
  try {
    parseAcceleratorCatalog(json);
  } catch (error) {
    if (error instanceof InvalidAcceleratorCatalogError) return error.issues;
    throw error;
  }
  throw new Error('expected the catalog to be rejected');
}

describe('parseAcceleratorCatalog', () => {
  it('accepts a valid file and fills absent optional fields with null', () => {
    const parsed = parseAcceleratorCatalog(catalog([entry()]));
    expect(parsed.accelerators[0]?.denseRates.BF16).toEqual({ ...figure(989.4), unknownReason: null, note: null });
    expect(parsed.accelerators[0]?.denseRates.INT8).toBeUndefined();
  });

  const rejected: { name: string; json: unknown; issue: RegExp }[] = [
    { name: 'a duplicate id', json: catalog([entry(), entry()]), issue: /^accelerators\.1\.id: duplicate id nvidia-h100-sxm$/ },
    {
      name: 'a null value without a reason',
      json: catalog([entry({ tdpW: figure(null) })]),
      issue: /^accelerators\.0\.tdpW\.unknownReason: is required when value is null$/,
    },
    {
      name: 'an UNVERIFIED value that is not null',
      json: catalog([entry({ tdpW: figure(700, { evidence: 'UNVERIFIED' }) })]),
      issue: /^accelerators\.0\.tdpW\.value: must be null when evidence is UNVERIFIED$/,
    },
    {
      name: 'a derived (E) value without its working',
      json: catalog([entry({ tdpW: figure(800, { evidence: 'E' }) })]),
      issue: /^accelerators\.0\.tdpW\.note: is required when evidence is E/,
    },
    {
      name: 'a reason on a known value',
      json: catalog([entry({ tdpW: figure(700, { unknownReason: 'reports vary' }) })]),
      issue: /tdpW\.unknownReason: only applies to a null value/,
    },
    { name: 'a typed-in TPP', json: catalog([entry({ tpp: 15_831 })]), issue: /^accelerators\.0: Unrecognized key: "tpp"$/ },
    {
      name: 'an unsupported precision',
      json: catalog([entry({ denseRates: { FP32: figure(67) } })]),
      issue: /^accelerators\.0\.denseRates: Unrecognized key: "FP32"$/,
    },
    { name: 'a zero dense rate', json: catalog([entry({ denseRates: { BF16: figure(0) } })]), issue: /denseRates\.BF16\.value/ },
    { name: 'a fractional IC count', json: catalog([entry({ integratedCircuitsPerDevice: 1.5 })]), issue: /integratedCircuitsPerDevice/ },
    { name: 'a bad date', json: catalog([entry({ tdpW: figure(700, { asOf: '2026-6-1' }) })]), issue: /tdpW\.asOf/ },
    { name: 'a lower-case country', json: catalog([entry({ originCountry: 'us' })]), issue: /originCountry/ },
    { name: 'the wrong dataset', json: catalog([entry()], { dataset: 'sites' }), issue: /^dataset: / },
    { name: 'no accelerators', json: catalog([]), issue: /^accelerators: / },
    { name: 'not an object', json: 'accelerators', issue: /^\(root\): / },
  ];
  it.each(rejected)('rejects $name', ({ json, issue }) => {
    expect(issuesOf(json)).toEqual(expect.arrayContaining([expect.stringMatching(issue)]));
  });

  it('accepts a derived (E) value that gives its arithmetic', () => {
    const tdpW = figure(800, { evidence: 'E', note: '2 × 400 W, two dies' });
    expect(parseAcceleratorCatalog(catalog([entry({ tdpW })])).accelerators[0]?.tdpW).toEqual({ ...tdpW, unknownReason: null });
  });

  it('names every issue at once', () => {
    const issues = issuesOf(catalog([entry({ tdpW: figure(null), originCountry: 'usa' })]));
    expect(issues).toHaveLength(2);
    expect(() => parseAcceleratorCatalog(catalog([entry({ tdpW: figure(null) })]))).toThrow(
      expect.objectContaining({ code: 'INVALID_ACCELERATOR_CATALOG' }),
    );
  });
});
