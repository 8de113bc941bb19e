import { IsoDate, Money as MoneySchema, Slug } from '@cp/contracts';
import { PRECISIONS } from '@cp/hardware';
import { z } from 'zod';
import { CostModelError } from './cost-model.error.js';
import type { ShippingTerms } from './data-movement.js';
import { DatasetVersion, ScenarioEvidence, Text, parseDataset, unique } from './dataset.js';
import type { SourcedRange } from './estimate.js';
import type { SourcedMoney } from './money.js';
import { PerformanceModelData, ServingSetup } from './performance/performance-data.js';

export { ScenarioEvidence } from './dataset.js';
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
    /** How the figure was produced, for the performance model's calibration; null: not reproducible (say why in note). */
    serving: ServingSetup.nullable().default(null),
    /** A later measurement of the same system replaces this one: kept for the record, neither fitted nor used to price. */
    supersededBy: z.strictObject({ rows: z.array(Slug).min(1), reason: Text }).nullable().default(null),
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

export const CostScenarios = z
  .strictObject({
    dataset: z.literal('cost-scenarios'),
    version: DatasetVersion,
    effectiveFrom: IsoDate,
    source: Text,
    calendar: z.strictObject({ hoursPerMonth: z.number().positive(), ...provenance }),
    hardwareLife: z.strictObject({ months: z.number().int().positive(), ...provenance }),
    mfu: z.array(MfuScenario).min(1),
    inferenceThroughput: z.array(ThroughputScenario).min(1),
    pue: z.array(PueScenario).min(1),
    performanceModel: PerformanceModelData,
    network: z.strictObject({ links: z.array(LinkScenario), egressPrices: z.array(EgressScenario) }),
    shipping: z.strictObject({
      costPerShipment: MoneySchema,
      daysPerShipment: z.number().positive(),
      tbPerShipment: z.number().positive(),
      concurrentShipments: z.number().int().positive(),
      ...provenance,
    }),
  })
  .superRefine((file, ctx) => {
    unique(ctx, 'mfu id', file.mfu.map((r) => r.id), (i) => ['mfu', i, 'id']);
    unique(ctx, 'throughput id', file.inferenceThroughput.map((r) => r.id), (i) => ['inferenceThroughput', i, 'id']);
    const architectures = new Set(file.performanceModel.architectures.map((a) => a.id));
    const chips = new Set(file.performanceModel.calibrationChips.map((c) => c.id));
    const rowIds = new Set(file.inferenceThroughput.map((r) => r.id));
    file.inferenceThroughput.forEach((row, i) => {
      for (const id of row.supersededBy?.rows ?? []) {
        if (!rowIds.has(id)) ctx.addIssue({ code: 'custom', path: ['inferenceThroughput', i, 'supersededBy', 'rows'], message: `unknown row ${id}` });
      }
      if (row.serving === null) return;
      if (!architectures.has(row.serving.architectureId)) ctx.addIssue({ code: 'custom', path: ['inferenceThroughput', i, 'serving', 'architectureId'], message: `unknown architecture ${row.serving.architectureId}` });
      if (!chips.has(row.acceleratorId)) ctx.addIssue({ code: 'custom', path: ['inferenceThroughput', i, 'acceleratorId'], message: `${row.acceleratorId} is not in performanceModel.calibrationChips` });
    });
    unique(ctx, 'pue id', file.pue.map((r) => r.id), (i) => ['pue', i, 'id']);
    unique(ctx, 'link id', file.network.links.map((r) => r.id), (i) => ['network', 'links', i, 'id']);
    unique(ctx, 'egress id', file.network.egressPrices.map((r) => r.id), (i) => ['network', 'egressPrices', i, 'id']);
  });
export type CostScenarios = z.output<typeof CostScenarios>;

/** Validates a parsed cost-scenarios file; throws CostModelError INVALID_COST_SCENARIOS naming every issue. */
export function parseCostScenarios(json: unknown): CostScenarios {
  return parseDataset(CostScenarios, json, 'INVALID_COST_SCENARIOS', 'cost scenarios');
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
