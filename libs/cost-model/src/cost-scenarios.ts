import { CurrencyCode, DecimalString, IsoDate, Money as MoneySchema, Slug } from '@cp/contracts';
import { PRECISIONS } from '@cp/hardware';
import { z } from 'zod';
import { CostModelError } from './cost-model.error.js';
import type { ShippingTerms } from './data-movement.js';
import type { SourcedRange } from './estimate.js';
import type { FxRate } from './fx.js';
import type { SourcedMoney } from './money.js';

/** Fact-sheet evidence tags: P primary, S secondary, E derived here (or a stated assumption), UNVERIFIED no confirmed source. */
export const ScenarioEvidence = z.enum(['P', 'S', 'E', 'UNVERIFIED']);
export type ScenarioEvidence = z.output<typeof ScenarioEvidence>;

const Text = z.string().trim().min(1);
const provenance = { evidence: ScenarioEvidence, source: Text, asOf: IsoDate, note: Text.nullable().default(null) };

function ordered(range: { low: number; expected: number; high: number }): boolean {
  return range.low <= range.expected && range.expected <= range.high;
}
const ORDERED = { message: 'must satisfy low ≤ expected ≤ high' };

const FractionRange = z
  .strictObject({ low: z.number().positive().max(1), expected: z.number().positive().max(1), high: z.number().positive().max(1) })
  .refine(ordered, ORDERED);
const PositiveRange = z.strictObject({ low: z.number().positive(), expected: z.number().positive(), high: z.number().positive() }).refine(ordered, ORDERED);

export const MfuScenario = z
  .strictObject({
    id: Slug,
    hardwareClass: Text,
    /** Catalog ids (data/accelerators) the row is meant for; may be empty for a chip not in the catalog. */
    acceleratorIds: z.array(Slug),
    modelType: z.enum(['DENSE', 'MOE']),
    /** The peak the MFU is a fraction of: pass the dense rate at this precision to trainingCompute. */
    ratePrecision: z.enum(PRECISIONS),
    mfu: FractionRange,
    /** A vendor's own claim, not replicated: always [S] and explained in note. */
    vendorClaim: z.boolean(),
    ...provenance,
  })
  .superRefine((row, ctx) => {
    if (row.vendorClaim && row.evidence !== 'S') ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'a vendor claim is [S]' });
    if ((row.vendorClaim || row.evidence === 'UNVERIFIED') && row.note === null) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required for a vendor claim or an UNVERIFIED range' });
    }
  });
export type MfuScenario = z.output<typeof MfuScenario>;

export const ThroughputScenario = z
  .strictObject({
    id: Slug,
    system: Text,
    acceleratorId: Slug,
    model: Text,
    phase: z.enum(['PREFILL', 'DECODE', 'UNSPECIFIED']),
    latencyTarget: Text.nullable(),
    /** The figure as published: per device, or per node of `devices` devices. */
    published: z.strictObject({ tokensPerSecond: z.number().positive(), per: z.enum(['DEVICE', 'NODE']), devices: z.number().int().positive() }),
    tokensPerSecondPerDevice: PositiveRange,
    ...provenance,
  })
  .superRefine((row, ctx) => {
    if (row.published.per === 'DEVICE' && row.published.devices !== 1) ctx.addIssue({ code: 'custom', path: ['published', 'devices'], message: 'must be 1 for a per-device figure' });
    const perDevice = row.published.tokensPerSecond / row.published.devices;
    if (Math.abs(row.tokensPerSecondPerDevice.expected - perDevice) > 1e-9 * perDevice) {
      ctx.addIssue({ code: 'custom', path: ['tokensPerSecondPerDevice', 'expected'], message: `must be the published figure per device (${perDevice})` });
    }
  });
export type ThroughputScenario = z.output<typeof ThroughputScenario>;

export const PueScenario = z.strictObject({ id: Slug, description: Text, pue: z.number().min(1), ...provenance });
export type PueScenario = z.output<typeof PueScenario>;

export const LinkScenario = z
  .strictObject({ id: Slug, description: Text, gbps: z.number().positive().nullable(), unknownReason: Text.nullable().default(null), ...provenance })
  .superRefine((row, ctx) => {
    if ((row.gbps === null) !== (row.unknownReason !== null)) ctx.addIssue({ code: 'custom', path: ['unknownReason'], message: 'is required exactly when gbps is null' });
    if (row.evidence === 'UNVERIFIED' && row.gbps !== null) ctx.addIssue({ code: 'custom', path: ['gbps'], message: 'must be null when evidence is UNVERIFIED' });
  });
export type LinkScenario = z.output<typeof LinkScenario>;

export const EgressScenario = z.strictObject({ id: Slug, description: Text, pricePerGb: MoneySchema, ...provenance });
export type EgressScenario = z.output<typeof EgressScenario>;

export const FxScenario = z
  .strictObject({
    base: CurrencyCode,
    quote: CurrencyCode,
    rate: DecimalString,
    date: IsoDate,
    /** An official fixed rate (AED, SAR) rather than a planning assumption. */
    peg: z.boolean(),
    evidence: ScenarioEvidence,
    source: Text,
    note: Text.nullable().default(null),
  })
  .superRefine((row, ctx) => {
    if (row.base === row.quote) ctx.addIssue({ code: 'custom', path: ['quote'], message: 'must differ from base' });
    if (!(Number(row.rate) > 0)) ctx.addIssue({ code: 'custom', path: ['rate'], message: 'must be positive' });
  });
export type FxScenario = z.output<typeof FxScenario>;

export const CostScenarios = z
  .strictObject({
    dataset: z.literal('cost-scenarios'),
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.12.1'),
    effectiveFrom: IsoDate,
    source: Text,
    calendar: z.strictObject({ hoursPerMonth: z.number().positive(), ...provenance }),
    hardwareLife: z.strictObject({ months: z.number().int().positive(), ...provenance }),
    mfu: z.array(MfuScenario).min(1),
    inferenceThroughput: z.array(ThroughputScenario).min(1),
    pue: z.array(PueScenario).min(1),
    network: z.strictObject({ links: z.array(LinkScenario), egressPrices: z.array(EgressScenario) }),
    shipping: z.strictObject({
      costPerShipment: MoneySchema,
      daysPerShipment: z.number().positive(),
      tbPerShipment: z.number().positive(),
      concurrentShipments: z.number().int().positive(),
      ...provenance,
    }),
    fxRates: z.array(FxScenario).min(1),
  })
  .superRefine((file, ctx) => {
    const unique = (section: string, keys: readonly string[], path: (index: number) => (string | number)[]): void => {
      const seen = new Set<string>();
      keys.forEach((key, index) => {
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: path(index), message: `duplicate ${section} ${key}` });
        seen.add(key);
      });
    };
    unique('mfu id', file.mfu.map((r) => r.id), (i) => ['mfu', i, 'id']);
    unique('throughput id', file.inferenceThroughput.map((r) => r.id), (i) => ['inferenceThroughput', i, 'id']);
    unique('pue id', file.pue.map((r) => r.id), (i) => ['pue', i, 'id']);
    unique('link id', file.network.links.map((r) => r.id), (i) => ['network', 'links', i, 'id']);
    unique('egress id', file.network.egressPrices.map((r) => r.id), (i) => ['network', 'egressPrices', i, 'id']);
    // One row per unordered pair and date, so convert never has to choose between two readings.
    unique('FX pair and date', file.fxRates.map((r) => `${[r.base, r.quote].sort().join('/')} ${r.date}`), (i) => ['fxRates', i, 'date']);
  });
export type CostScenarios = z.output<typeof CostScenarios>;

/** Validates a parsed cost-scenarios file; throws CostModelError INVALID_COST_SCENARIOS naming every issue. */
export function parseCostScenarios(json: unknown): CostScenarios {
  const parsed = CostScenarios.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    throw new CostModelError('INVALID_COST_SCENARIOS', `invalid cost scenarios: ${issues.join('; ')}`, { issues });
  }
  return parsed.data;
}

function find<T extends { id: string }>(scenarios: CostScenarios, section: string, rows: readonly T[], id: string): T {
  const row = rows.find((r) => r.id === id);
  if (row === undefined) {
    throw new CostModelError('UNKNOWN_SCENARIO_ENTRY', `cost-scenarios ${scenarios.version} has no ${section} entry ${id}`, { missing: `${section}/${id}` });
  }
  return row;
}

function cite(scenarios: CostScenarios, path: string, row: { evidence: ScenarioEvidence; source: string }, tag = `[${row.evidence}]`): string {
  return `cost-scenarios ${scenarios.version} ${path} ${tag}: ${row.source}`;
}

/** The MFU range of a row, with its citation, ready for trainingCompute's `mfu`. */
export function scenarioMfu(scenarios: CostScenarios, id: string): SourcedRange<number> {
  const row = find(scenarios, 'mfu', scenarios.mfu, id);
  return { ...row.mfu, source: cite(scenarios, `mfu/${id} (${row.ratePrecision} peak)`, row, row.vendorClaim ? '[S] vendor claim' : undefined) };
}

/** Tokens/s per device of a row, with its citation, ready for inferenceCapacity. */
export function scenarioThroughput(scenarios: CostScenarios, id: string): SourcedRange<number> {
  const row = find(scenarios, 'inferenceThroughput', scenarios.inferenceThroughput, id);
  return { ...row.tokensPerSecondPerDevice, source: cite(scenarios, `inferenceThroughput/${id}`, row) };
}

/** A PUE row as a (point) range with its citation. */
export function scenarioPue(scenarios: CostScenarios, id: string): SourcedRange<number> {
  const row = find(scenarios, 'pue', scenarios.pue, id);
  return { low: row.pue, expected: row.pue, high: row.pue, source: cite(scenarios, `pue/${id}`, row) };
}

/** A link speed row; an UNVERIFIED (null) speed throws MISSING_INPUT with its reason. */
export function scenarioLinkGbps(scenarios: CostScenarios, id: string): SourcedRange<number> {
  const row = find(scenarios, 'network.links', scenarios.network.links, id);
  if (row.gbps === null) throw new CostModelError('MISSING_INPUT', `link ${id} has no known speed: ${row.unknownReason}`, { missing: `network.links/${id}.gbps` });
  return { low: row.gbps, expected: row.gbps, high: row.gbps, source: cite(scenarios, `network.links/${id}`, row) };
}

export function scenarioEgressPrice(scenarios: CostScenarios, id: string): SourcedMoney {
  const row = find(scenarios, 'network.egressPrices', scenarios.network.egressPrices, id);
  return { ...row.pricePerGb, source: cite(scenarios, `network.egressPrices/${id}`, row), asOf: row.asOf };
}

export function scenarioShipping(scenarios: CostScenarios): ShippingTerms {
  const s = scenarios.shipping;
  return {
    costPerShipment: s.costPerShipment,
    daysPerShipment: s.daysPerShipment,
    tbPerShipment: s.tbPerShipment,
    concurrentShipments: s.concurrentShipments,
    source: cite(scenarios, 'shipping', s),
  };
}

/** The FX rows as convert's table, each citing its file version and source. */
export function scenarioFxRates(scenarios: CostScenarios): FxRate[] {
  return scenarios.fxRates.map((r) => ({
    base: r.base,
    quote: r.quote,
    rate: r.rate,
    date: r.date,
    source: cite(scenarios, `fxRates/${r.base}-${r.quote}`, r, r.peg ? `[${r.evidence}] peg` : undefined),
  }));
}
