import { CapacityPoolV1, CountryCode, DecimalString, IsoDate, Ownership, SiteRegion, Slug, type SiteV1 } from '@cp/contracts';
import { z } from 'zod';

// A pure, seeded generator of a sample capacity portfolio. Every figure it uses comes from
// the spec file (data/pools/portfolio-spec.v1.json) or the site and accelerator catalogs; the
// code only knows how to sample.

const Source = z.string().min(1);
const Weight = z.number().nonnegative();
const RegexSource = z.string().min(1).refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a valid regular expression' },
);
/** Amounts are kept to at most 4 decimal places, the precision pool prices are stored with. */
const Amount = DecimalString.refine((s) => !s.startsWith('-') && (s.split('.')[1]?.length ?? 0) <= 4, {
  message: 'must be a non-negative decimal with at most 4 decimal places',
});

export const AcceleratorMatch = z
  .object({
    vendor: z.string().min(1).optional(),
    originCountry: CountryCode.optional(),
    idPattern: RegexSource.optional(),
    minMemoryGb: z.number().positive().optional(),
    maxMemoryGb: z.number().positive().optional(),
  })
  .strict()
  .refine((m) => Object.keys(m).length > 0, { message: 'must match on at least one field' });
export type AcceleratorMatch = z.output<typeof AcceleratorMatch>;

const SiteMatch = z
  .object({
    regions: z.array(SiteRegion).min(1).optional(),
    /** Matches when the operator's or its ultimate parent's headquarters is in the list. */
    operatorOrParentHqIn: z.array(CountryCode).min(1).optional(),
  })
  .strict()
  .refine((m) => Object.keys(m).length > 0, { message: 'must match on at least one field' });

const OwnershipWeights = z
  .object({ OWNED: Weight, LEASED_IAAS: Weight, COLOCATION: Weight })
  .strict()
  .refine((w) => w.OWNED + w.LEASED_IAAS + w.COLOCATION > 0, { message: 'weights must not all be zero' });

const Probability = z.number().min(0).max(1);
const Basis = z.enum(['ON_DEMAND', 'COMMITTED', 'CAPEX']);

const PriceRange = z
  .object({ min: Amount, max: Amount, step: Amount, source: Source })
  .strict()
  .refine((r) => toUnits(r.step) > 0n, { message: 'step must be positive', path: ['step'] })
  .refine((r) => toUnits(r.min) <= toUnits(r.max), { message: 'min must not exceed max', path: ['max'] })
  .refine((r) => ceilDiv(toUnits(r.min), toUnits(r.step)) * toUnits(r.step) <= toUnits(r.max), {
    message: 'no multiple of step lies between min and max',
    path: ['step'],
  });

const PlacementRule = z
  .object({
    id: Slug,
    sites: SiteMatch,
    siteWeight: z.number().positive(),
    ownership: z.object({ weights: OwnershipWeights, source: Source }).strict(),
    accelerators: z
      .array(z.object({ id: Slug, match: AcceleratorMatch, weight: z.number().positive(), source: Source }).strict())
      .min(1),
    source: Source,
  })
  .strict();

export const PortfolioSpecV1 = z
  .object({
    dataset: z.literal('portfolio-spec'),
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.12.1'),
    effectiveFrom: IsoDate,
    source: Source,
    seed: z.number().int().min(0).max(0xffffffff),
    targetPoolCount: z.number().int().positive().max(100_000),
    /** Each site's weight is multiplied by a factor drawn from [1 - j, 1 + j]. */
    siteWeightJitter: z.number().min(0).max(0.9),
    constraints: z.array(
      z
        .object({
          id: Slug,
          accelerators: AcceleratorMatch,
          onlyRegions: z.array(SiteRegion).min(1).optional(),
          excludedRegions: z.array(SiteRegion).min(1).optional(),
          source: Source,
        })
        .strict()
        .refine((c) => c.onlyRegions !== undefined || c.excludedRegions !== undefined, {
          message: 'needs onlyRegions or excludedRegions',
        }),
    ),
    placement: z.array(PlacementRule).min(1),
    nodeShapes: z
      .object({
        default: z.object({ devicesPerNode: z.number().int().positive(), source: Source }).strict(),
        rules: z.array(
          z.object({ match: AcceleratorMatch, devicesPerNode: z.number().int().positive(), source: Source }).strict(),
        ),
      })
      .strict(),
    deviceCounts: z
      .object({
        buckets: z
          .array(
            z
              .object({ minDevices: z.number().int().positive(), maxDevices: z.number().int().positive(), weight: z.number().positive() })
              .strict()
              .refine((b) => b.minDevices <= b.maxDevices, { message: 'minDevices must not exceed maxDevices' }),
          )
          .min(1),
        source: Source,
      })
      .strict(),
    availability: z
      .object({
        fromEarliest: IsoDate,
        fromLatest: IsoDate,
        openEndedProbability: z.object({ OWNED: Probability, LEASED_IAAS: Probability, COLOCATION: Probability }).strict(),
        termMonths: z
          .array(z.object({ months: z.number().int().positive(), weight: z.number().positive() }).strict())
          .min(1),
        source: Source,
      })
      .strict()
      .refine((a) => a.fromEarliest <= a.fromLatest, { message: 'fromEarliest must not be after fromLatest' }),
    pricing: z
      .object({
        basisByOwnership: z
          .object({
            OWNED: z.array(z.object({ basis: Basis, weight: z.number().positive() }).strict()).min(1),
            LEASED_IAAS: z.array(z.object({ basis: Basis, weight: z.number().positive() }).strict()).min(1),
            COLOCATION: z.array(z.object({ basis: Basis, weight: z.number().positive() }).strict()).min(1),
          })
          .strict(),
        fallbackBasis: Basis,
        source: Source,
        prices: z
          .array(
            z
              .object({
                id: Slug,
                match: AcceleratorMatch,
                currency: z.string().regex(/^[A-Z]{3}$/),
                ranges: z
                  .object({ ON_DEMAND: PriceRange.optional(), COMMITTED: PriceRange.optional(), CAPEX: PriceRange.optional() })
                  .strict(),
                source: Source,
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    spec.pricing.prices.forEach((p, i) => {
      if (!p.ranges[spec.pricing.fallbackBasis]) {
        ctx.addIssue({
          code: 'custom',
          path: ['pricing', 'prices', i, 'ranges', spec.pricing.fallbackBasis],
          message: `every price row needs a ${spec.pricing.fallbackBasis} range (the fallback basis)`,
        });
      }
    });
  });
export type PortfolioSpecV1 = z.output<typeof PortfolioSpecV1>;

/** Parses the spec file's JSON; errors name the offending field. */
export function parsePortfolioSpec(json: unknown): PortfolioSpecV1 {
  const parsed = PortfolioSpecV1.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`portfolio spec: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** A capacity pool as stored: the contract's pool without the computed freeDevices and row version. */
export const PoolDefinition = CapacityPoolV1.omit({ freeDevices: true, version: true });
export type PoolDefinition = z.output<typeof PoolDefinition>;

export type PortfolioSite = Pick<SiteV1, 'id' | 'region' | 'countryCode' | 'operatorHqCountry' | 'ultimateParentHqCountry'>;

/** The few accelerator fields the generator matches on. */
export interface PortfolioAccelerator {
  readonly id: string;
  readonly vendor: string;
  readonly originCountry: string;
  readonly memoryGb: number | null;
}

const SpecValue = z.looseObject({ value: z.number().nullable() });
const CatalogRow = z.looseObject({
  id: Slug,
  vendor: z.string().min(1),
  originCountry: CountryCode,
  memory: z.looseObject({ sizeGb: SpecValue }).optional(),
  memorySizeGb: SpecValue.optional(),
});

/**
 * Reads the generator's fields from an accelerator catalog document. Lenient on purpose: the
 * catalog has its own schema and owner; this needs only id, vendor, origin and memory size
 * (as `memory.sizeGb.value` or `memorySizeGb.value`).
 */
export function portfolioAccelerators(catalogJson: unknown): PortfolioAccelerator[] {
  const parsed = z.object({ accelerators: z.array(CatalogRow).min(1) }).safeParse(catalogJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`accelerator catalog: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.accelerators.map((a) => ({
    id: a.id,
    vendor: a.vendor,
    originCountry: a.originCountry,
    memoryGb: a.memory?.sizeGb.value ?? a.memorySizeGb?.value ?? null,
  }));
}

export class PortfolioSpecError extends Error {
  readonly code = 'PORTFOLIO_SPEC_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'PortfolioSpecError';
  }
}

/**
 * Generates the sample portfolio. Same spec, sites and accelerators give the same pools, in
 * the same order: inputs are sorted by id and one seeded stream is drawn in a fixed order.
 */
export function generatePortfolio(
  spec: PortfolioSpecV1,
  sites: readonly PortfolioSite[],
  accelerators: readonly PortfolioAccelerator[],
): PoolDefinition[] {
  const random = mulberry32(spec.seed);
  const sortedSites = [...sites].sort((a, b) => compare(a.id, b.id));
  const sortedAccelerators = [...accelerators].sort((a, b) => compare(a.id, b.id));
  assertUniqueIds(sortedSites, 'site');
  assertUniqueIds(sortedAccelerators, 'accelerator');

  const plans = sortedSites.map((site) => planSite(spec, site, sortedAccelerators));
  const weights = plans.map((p) => (p ? p.rule.siteWeight * (1 + spec.siteWeightJitter * (2 * random() - 1)) : 0));
  if (weights.every((w) => w === 0)) throw new PortfolioSpecError('no site can hold any accelerator of the catalog');
  const counts = apportion(spec.targetPoolCount, weights);

  const pools: PoolDefinition[] = [];
  const serials = new Map<string, number>();
  plans.forEach((plan, i) => {
    if (!plan) return;
    for (let k = 0; k < counts[i]!; k++) {
      const pool = samplePool(spec, plan, random);
      const short = acceleratorShort(pool.acceleratorId);
      const key = `${plan.site.id}|${short}`;
      const n = (serials.get(key) ?? 0) + 1;
      serials.set(key, n);
      pools.push(PoolDefinition.parse({ id: `pool-${plan.site.id}-${short}-${n}`, ...pool }));
    }
  });
  return pools;
}

/** The document written to data/pools/pools.v1.json. */
export function poolsDocument(spec: PortfolioSpecV1, pools: readonly PoolDefinition[]) {
  return {
    dataset: 'pools',
    version: spec.version,
    effectiveFrom: spec.effectiveFrom,
    source: `generated by apps/inventory/src/catalog/write-portfolio.ts from data/pools/portfolio-spec.v1.json (seed ${spec.seed})`,
    seed: spec.seed,
    pools,
  };
}

/** Serialises the pools document exactly as committed: 2-space JSON and a trailing newline. */
export function renderPoolsFile(spec: PortfolioSpecV1, pools: readonly PoolDefinition[]): string {
  return `${JSON.stringify(poolsDocument(spec, pools), null, 2)}\n`;
}

// --- placement -------------------------------------------------------------------------

type Rule = PortfolioSpecV1['placement'][number];

interface SitePlan {
  readonly site: PortfolioSite;
  readonly rule: Rule;
  /** Classes of the rule that hold at least one allowed accelerator, with their members. */
  readonly classes: readonly { readonly weight: number; readonly members: readonly PortfolioAccelerator[] }[];
}

function planSite(spec: PortfolioSpecV1, site: PortfolioSite, accelerators: readonly PortfolioAccelerator[]): SitePlan | null {
  const rule = spec.placement.find((r) => siteMatches(r.sites, site));
  if (!rule) return null;
  const allowed = accelerators.filter((a) => spec.constraints.every((c) => !acceleratorMatches(c.accelerators, a) || regionAllowed(c, site.region)));
  const members = rule.accelerators.map(() => [] as PortfolioAccelerator[]);
  for (const a of allowed) {
    // First matching class wins, so a catch-all class can follow specific ones.
    const index = rule.accelerators.findIndex((c) => acceleratorMatches(c.match, a));
    if (index >= 0) members[index]!.push(a);
  }
  const classes = rule.accelerators
    .map((c, i) => ({ weight: c.weight, members: members[i]! }))
    .filter((c) => c.members.length > 0);
  return classes.length > 0 ? { site, rule, classes } : null;
}

function siteMatches(match: Rule['sites'], site: PortfolioSite): boolean {
  if (match.regions && !match.regions.includes(site.region)) return false;
  if (match.operatorOrParentHqIn) {
    const hq = [site.operatorHqCountry, site.ultimateParentHqCountry];
    if (!hq.some((c) => c !== null && match.operatorOrParentHqIn!.includes(c))) return false;
  }
  return true;
}

function regionAllowed(c: PortfolioSpecV1['constraints'][number], region: string): boolean {
  if (c.onlyRegions && !c.onlyRegions.some((r) => r === region)) return false;
  if (c.excludedRegions && c.excludedRegions.some((r) => r === region)) return false;
  return true;
}

export function acceleratorMatches(match: AcceleratorMatch, a: PortfolioAccelerator): boolean {
  if (match.vendor !== undefined && match.vendor.toLowerCase() !== a.vendor.toLowerCase()) return false;
  if (match.originCountry !== undefined && match.originCountry !== a.originCountry) return false;
  if (match.idPattern !== undefined && !new RegExp(match.idPattern).test(a.id)) return false;
  if (match.minMemoryGb !== undefined && (a.memoryGb === null || a.memoryGb < match.minMemoryGb)) return false;
  if (match.maxMemoryGb !== undefined && (a.memoryGb === null || a.memoryGb > match.maxMemoryGb)) return false;
  return true;
}

/** Largest-remainder apportionment: the counts sum to exactly `total`. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const counts = quotas.map(Math.floor);
  const order = quotas
    .map((q, i) => ({ i, rest: q - Math.floor(q) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = total - counts.reduce((s, c) => s + c, 0);
  for (const { i } of order) {
    if (left === 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

// --- one pool --------------------------------------------------------------------------

type Random = () => number;
type Basis = z.output<typeof Basis>;

function samplePool(spec: PortfolioSpecV1, plan: SitePlan, random: Random): Omit<PoolDefinition, 'id'> {
  const ownershipWeights = plan.rule.ownership.weights;
  const ownership = pickWeighted(
    Ownership.options.map((o) => ({ value: o, weight: ownershipWeights[o] })),
    random,
  );
  const cls = pickWeighted(plan.classes.map((c) => ({ value: c, weight: c.weight })), random);
  const accelerator = cls.members[Math.floor(random() * cls.members.length)]!;

  const devicesPerNode = (spec.nodeShapes.rules.find((r) => acceleratorMatches(r.match, accelerator)) ?? spec.nodeShapes.default)
    .devicesPerNode;
  const bucket = pickWeighted(spec.deviceCounts.buckets.map((b) => ({ value: b, weight: b.weight })), random);
  const minNodes = Math.max(1, Math.ceil(bucket.minDevices / devicesPerNode));
  const maxNodes = Math.max(minNodes, Math.floor(bucket.maxDevices / devicesPerNode));
  const nodes = Math.min(maxNodes, Math.max(minNodes, Math.round(Math.exp(lerp(Math.log(minNodes), Math.log(maxNodes), random())))));

  const { availableFrom, availableTo } = sampleWindow(spec, ownership, random);
  const price = samplePrice(spec, accelerator, ownership, random);

  return {
    siteId: plan.site.id,
    acceleratorId: accelerator.id,
    deviceCount: nodes * devicesPerNode,
    devicesPerNode,
    ownership,
    price,
    availableFrom,
    availableTo,
  };
}

const DAY_MS = 86_400_000;

function sampleWindow(spec: PortfolioSpecV1, ownership: Ownership, random: Random) {
  const { fromEarliest, fromLatest, openEndedProbability, termMonths } = spec.availability;
  const first = Date.parse(`${fromEarliest}T00:00:00Z`);
  const days = Math.round((Date.parse(`${fromLatest}T00:00:00Z`) - first) / DAY_MS);
  const from = new Date(first + Math.floor(random() * (days + 1)) * DAY_MS);
  const openEnded = random() < openEndedProbability[ownership];
  const months = pickWeighted(termMonths.map((t) => ({ value: t.months, weight: t.weight })), random);
  return { availableFrom: isoDateTime(from), availableTo: openEnded ? null : isoDateTime(addMonths(from, months)) };
}

function samplePrice(spec: PortfolioSpecV1, accelerator: PortfolioAccelerator, ownership: Ownership, random: Random) {
  const row = spec.pricing.prices.find((p) => acceleratorMatches(p.match, accelerator));
  if (!row) throw new PortfolioSpecError(`no price row matches accelerator ${accelerator.id}`);
  const wanted: Basis = pickWeighted(
    spec.pricing.basisByOwnership[ownership].map((b) => ({ value: b.basis, weight: b.weight })),
    random,
  );
  const basis: Basis = row.ranges[wanted] ? wanted : spec.pricing.fallbackBasis;
  const range = row.ranges[basis]!;
  const step = toUnits(range.step);
  const lo = ceilDiv(toUnits(range.min), step);
  const hi = toUnits(range.max) / step;
  const k = lo + BigInt(Math.floor(random() * Number(hi - lo + 1n)));
  const fallback = basis === wanted ? '' : ` ${wanted} not published for this accelerator; ${basis} used instead.`;
  return {
    basis,
    amount: fromUnits(k * step, decimalsOf(range.step)),
    currency: row.currency,
    source: `Sample price drawn from data/pools/portfolio-spec.v1.json ${spec.version} price row ${row.id} (${basis} ${range.min}-${range.max} ${row.currency}${basis === 'CAPEX' ? ' per device' : ' per device-hour'}, seed ${spec.seed}).${fallback} ${range.source}`,
  };
}

// --- small helpers ---------------------------------------------------------------------

/** mulberry32 (Tommy Ettinger): a tiny 32-bit PRNG, good enough for sampling, not for secrets. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(items: readonly { value: T; weight: number }[], random: Random): T {
  const live = items.filter((i) => i.weight > 0);
  const total = live.reduce((s, i) => s + i.weight, 0);
  let r = random() * total;
  for (const item of live) {
    r -= item.weight;
    if (r < 0) return item.value;
  }
  return live[live.length - 1]!.value;
}

/** Drops the vendor prefix: "nvidia-h100-sxm" becomes "h100-sxm". */
export function acceleratorShort(acceleratorId: string): string {
  const dash = acceleratorId.indexOf('-');
  return dash > 0 ? acceleratorId.slice(dash + 1) : acceleratorId;
}

function assertUniqueIds(items: readonly { id: string }[], what: string): void {
  for (let i = 1; i < items.length; i++) {
    if (items[i]!.id === items[i - 1]!.id) throw new PortfolioSpecError(`duplicate ${what} id ${items[i]!.id}`);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)));
}

function isoDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 10)}T00:00:00Z`;
}

// Money in integer units of 10^-4, so sampling never goes through binary fractions.
const SCALE = 4;

function toUnits(decimal: string): bigint {
  const [whole, frac = ''] = decimal.split('.');
  return BigInt(whole!) * 10n ** BigInt(SCALE) + BigInt(frac.padEnd(SCALE, '0').slice(0, SCALE));
}

function fromUnits(units: bigint, decimals: number): string {
  const unit = 10n ** BigInt(SCALE);
  const whole = units / unit;
  const frac = (units % unit).toString().padStart(SCALE, '0').slice(0, decimals);
  return decimals > 0 ? `${whole}.${frac}` : whole.toString();
}

function decimalsOf(decimal: string): number {
  return decimal.split('.')[1]?.length ?? 0;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
