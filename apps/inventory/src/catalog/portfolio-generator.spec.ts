import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { SiteV1 } from '@cp/contracts';
import {
  acceleratorMatches,
  generatePortfolio,
  parsePortfolioSpec,
  portfolioAccelerators,
  renderPoolsFile,
  type PoolDefinition,
  type PortfolioAccelerator,
  type PortfolioSpecV1,
} from './portfolio-generator.js';

const SPEC_FILE = 'data/pools/portfolio-spec.v1.json';
const POOLS_FILE = 'data/pools/pools.v1.json';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const spec = parsePortfolioSpec(readJson(SPEC_FILE));
const sites = (readJson('data/sites/sites.v1.json') as { sites: unknown[] }).sites.map((s) => SiteV1.parse(s));
const accelerators = portfolioAccelerators(readJson('data/accelerators/accelerators.v1.json'));
const pools = generatePortfolio(spec, sites, accelerators);

const siteById = new Map(sites.map((s) => [s.id, s]));
const acceleratorById = new Map(accelerators.map((a) => [a.id, a]));

function priceRow(a: PortfolioAccelerator) {
  const row = spec.pricing.prices.find((p) => acceleratorMatches(p.match, a));
  if (!row) throw new Error(`no price row for ${a.id}`);
  return row;
}

const units = (d: string): bigint => {
  const [w, f = ''] = d.split('.');
  return BigInt(w!) * 10_000n + BigInt(f.padEnd(4, '0'));
};

describe('generatePortfolio', () => {
  it('is deterministic: the same seed gives identical pools', () => {
    const again = generatePortfolio(structuredClone(spec), [...sites].reverse(), [...accelerators].reverse());
    expect(again).toEqual(pools);
  });

  it('gives a different portfolio for a different seed', () => {
    const other = generatePortfolio({ ...spec, seed: spec.seed + 1 }, sites, accelerators);
    expect(other).not.toEqual(pools);
  });

  it('produces a pool count within 10% of the target', () => {
    expect(Math.abs(pools.length - spec.targetPoolCount)).toBeLessThanOrEqual(spec.targetPoolCount * 0.1);
  });

  it('places only accelerators and sites that exist in the data files', () => {
    for (const p of pools) {
      expect(siteById.has(p.siteId)).toBe(true);
      expect(acceleratorById.has(p.acceleratorId)).toBe(true);
    }
  });

  it('keeps domestic (origin CN) accelerators at China sites, and honours every constraint', () => {
    const domestic = pools.filter((p) => acceleratorById.get(p.acceleratorId)!.originCountry === 'CN');
    expect(domestic.length).toBeGreaterThan(0);
    for (const p of domestic) expect(siteById.get(p.siteId)!.countryCode).toBe('CN');
    for (const p of pools) {
      const region = siteById.get(p.siteId)!.region;
      for (const c of spec.constraints) {
        if (!acceleratorMatches(c.accelerators, acceleratorById.get(p.acceleratorId)!)) continue;
        if (c.onlyRegions) expect(c.onlyRegions).toContain(region);
        if (c.excludedRegions) expect(c.excludedRegions).not.toContain(region);
      }
    }
  });

  it('sizes pools as positive whole nodes within the spec buckets', () => {
    const min = Math.min(...spec.deviceCounts.buckets.map((b) => b.minDevices));
    const max = Math.max(...spec.deviceCounts.buckets.map((b) => b.maxDevices));
    for (const p of pools) {
      expect(p.deviceCount).toBeGreaterThan(0);
      expect(p.deviceCount % p.devicesPerNode).toBe(0);
      expect(p.deviceCount).toBeGreaterThanOrEqual(min);
      expect(p.deviceCount).toBeLessThanOrEqual(max);
    }
  });

  it('prices every pool as a decimal string inside its spec range', () => {
    for (const p of pools) {
      expect(p.price.amount).toMatch(/^\d+(\.\d{1,4})?$/);
      const range = priceRow(acceleratorById.get(p.acceleratorId)!).ranges[p.price.basis];
      expect(range).toBeDefined();
      expect(units(p.price.amount)).toBeGreaterThanOrEqual(units(range!.min));
      expect(units(p.price.amount)).toBeLessThanOrEqual(units(range!.max));
      expect(p.price.source.length).toBeGreaterThan(0);
    }
  });

  it('opens windows inside the spec dates and ends them after they start', () => {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    const earliest = Date.parse(`${spec.availability.fromEarliest}T00:00:00Z`);
    const latest = Date.parse(`${spec.availability.fromLatest}T00:00:00Z`);
    for (const p of pools) {
      expect(p.availableFrom).toMatch(iso);
      const from = Date.parse(p.availableFrom);
      expect(from).toBeGreaterThanOrEqual(earliest);
      expect(from).toBeLessThanOrEqual(latest);
      if (p.availableTo !== null) {
        expect(p.availableTo).toMatch(iso);
        expect(Date.parse(p.availableTo)).toBeGreaterThan(from);
      }
    }
    expect(pools.some((p) => p.availableTo === null)).toBe(true);
    expect(pools.some((p) => p.availableTo !== null)).toBe(true);
  });

  it('gives every pool a unique, valid id', () => {
    const ids = pools.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^pool-[a-z0-9-]+$/);
  });

  it('throws when a placed accelerator has no price row', () => {
    const noPrices: PortfolioSpecV1 = { ...spec, pricing: { ...spec.pricing, prices: [spec.pricing.prices[0]!] } };
    expect(() => generatePortfolio(noPrices, sites, accelerators)).toThrow(/no price row matches/);
  });
});

describe('parsePortfolioSpec', () => {
  it('rejects a price range whose min exceeds its max, naming the field', () => {
    const raw = readJson(SPEC_FILE) as { pricing: { prices: { ranges: { COMMITTED: { min: string } } }[] } };
    raw.pricing.prices[0]!.ranges.COMMITTED.min = '99.00';
    expect(() => parsePortfolioSpec(raw)).toThrow(/pricing\.prices\.0\.ranges\.COMMITTED\.max: min must not exceed max/);
  });

  it('rejects a rule without a source', () => {
    const raw = readJson(SPEC_FILE) as { constraints: { source?: string }[] };
    delete raw.constraints[0]!.source;
    expect(() => parsePortfolioSpec(raw)).toThrow(/constraints\.0\.source/);
  });
});

describe('committed data/pools/pools.v1.json', () => {
  it('equals a fresh generation from the committed spec and data files (run `npm run data:pools` after changing them)', () => {
    expect(readFileSync(POOLS_FILE, 'utf8')).toBe(renderPoolsFile(spec, pools));
    const committed = readJson(POOLS_FILE) as { pools: PoolDefinition[] };
    expect(committed.pools).toEqual(pools);
  });
});
