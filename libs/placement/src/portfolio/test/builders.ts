import type { PortfolioInput, PortfolioPool, PortfolioWorkload } from '../portfolio.types.js';

export const JAN = '2027-01-01T00:00:00.000Z';
export const FEB = '2027-02-01T00:00:00.000Z';
export const MAR = '2027-03-01T00:00:00.000Z';
export const APR = '2027-04-01T00:00:00.000Z';

export function aPool(over: Partial<PortfolioPool> & { id: string; devices?: number }): PortfolioPool {
  const { devices = 10, ...rest } = over;
  return { countryCode: 'SG', domestic: false, capacity: [{ from: JAN, to: null, devices }], ...rest };
}

export function aWorkload(over: Partial<PortfolioWorkload> & { id: string; costs: Record<string, string | [string, number, number]> }): PortfolioWorkload {
  const { costs, ...rest } = over;
  const options = Object.entries(costs).map(([poolId, c]) => (Array.isArray(c) ? { poolId, cost: c[0], timeDays: c[1], risk: c[2] } : { poolId, cost: c, timeDays: 1, risk: 0 }));
  return { kind: 'TRAINING', devices: 4, window: { from: JAN, to: FEB }, options, ...rest };
}

export function anInput(over: Partial<PortfolioInput>): PortfolioInput {
  return { workloads: [], pools: [], policy: {}, weights: { cost: 1, time: 0, risk: 0 }, timeLimitSeconds: 10, ...over };
}

/** mulberry32: a seeded PRNG, so random instances are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = Array.from({ length: 13 }, (_, m) => new Date(Date.UTC(2027, m, 1)).toISOString());

/**
 * Random portfolio: windows on a monthly grid over a year, each workload with `optionsPerWorkload`
 * random pools, pool capacity per month set so the average month runs at `utilisation`.
 */
export function randomInstance(seed: number, workloads: number, pools: number, optionsPerWorkload: [number, number], utilisation: number): PortfolioInput {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const countries = ['SG', 'MY', 'CN', 'JP', 'AE', 'US'];
  const poolList = Array.from({ length: pools }, (_, i) => ({ id: `p${i}`, countryCode: pick(countries), share: 0.5 + rand(), price: 0.7 + 0.6 * rand() }));
  const ws = Array.from({ length: workloads }, (_, i) => {
    const duration = 1 + Math.floor(rand() * 4);
    const start = Math.floor(rand() * (13 - duration));
    const devices = pick([1, 2, 2, 4, 4, 8, 8, 16]);
    const count = optionsPerWorkload[0] + Math.floor(rand() * (optionsPerWorkload[1] - optionsPerWorkload[0] + 1));
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, pools)) chosen.add(Math.floor(rand() * pools));
    const base = 100 + rand() * 900;
    return {
      id: `w${i}`,
      kind: pick(['TRAINING', 'FINE_TUNING', 'INFERENCE', 'BATCH_INFERENCE'] as const),
      devices,
      window: { from: MONTHS[start], to: MONTHS[start + duration] },
      options: [...chosen].map((p) => ({ poolId: `p${p}`, cost: (base * devices * duration * poolList[p].price * (0.9 + 0.2 * rand())).toFixed(2), timeDays: Math.round(10 + rand() * 20), risk: Number((rand() * 0.3).toFixed(3)) })),
      start,
      duration,
    };
  });
  const demand = new Array<number>(12).fill(0);
  for (const w of ws) for (let m = w.start; m < w.start + w.duration; m++) demand[m] += w.devices;
  const shareSum = poolList.reduce((s, p) => s + p.share, 0);
  return {
    workloads: ws.map(({ start: _s, duration: _d, ...w }) => w),
    pools: poolList.map((p) => ({
      id: p.id,
      countryCode: p.countryCode,
      domestic: p.countryCode === 'CN',
      capacity: demand.map((d, m) => ({ from: MONTHS[m], to: MONTHS[m + 1], devices: Math.max(16, Math.round((d * p.share) / shareSum / utilisation)) })),
    })),
    policy: {},
    weights: { cost: 1, time: 0, risk: 0 },
    timeLimitSeconds: 10,
  };
}
