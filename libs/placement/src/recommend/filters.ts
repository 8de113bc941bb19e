import { D, type Dec, formatDays, formatMoney, formatNumber, MS_PER_DAY, plain, round } from './numbers.js';
import type { VerdictOutcome } from '@cp/contracts';
import type { DeadlinePart, LatLon, RecommendCandidate, RejectionDetail, RuleRef } from './recommend.types.js';

/** What the filters need of the request, parsed once. */
export interface FilterContext {
  kind: 'TRAINING' | 'FINE_TUNING' | 'INFERENCE' | 'BATCH_INFERENCE';
  nowMs: number;
  now: string;
  deadlineMs: number | null;
  deadline: string | null;
  budget: { amount: Dec; currency: string } | null;
  acceptLicensed: boolean;
  users: (LatLon & { label: string }) | null;
  latencyTargetMs: number | null;
  excludeCountries: ReadonlySet<string>;
}

/** The decimals of an estimate, parsed (and checked) once. */
export interface ParsedEstimate {
  low: Dec;
  expected: Dec;
  high: Dec;
  timeToResult: Dec;
  timeToResultHigh: Dec;
  leadTime: Dec;
  transfer: Dec;
}

/** A candidate with what the filters and scoring compute once. */
export interface Evaluated {
  candidate: RecommendCandidate;
  /** Null when the candidate has no estimate. */
  parsed: ParsedEstimate | null;
  /** Null without users. */
  latencyMs: number | null;
  distanceKm: number | null;
}

export interface FilterFailure {
  reason: string;
  detail: RejectionDetail;
}

type Filter = (e: Evaluated, ctx: FilterContext) => FilterFailure | null;

/** "Site name (MY), pool pool-x, NVIDIA H100 SXM": how every sentence names a candidate. */
export function labelOf(c: RecommendCandidate): string {
  return `${c.site.name} (${c.site.countryCode}), pool ${c.pool.id}, ${c.accelerator.name}`;
}

/** Rules at the verdict's own severity: the ones that decided it (all reasons if none match). */
export function decidingRules(c: RecommendCandidate, outcome: VerdictOutcome): RuleRef[] {
  const deciding = c.verdict.reasons.filter((r) => r.outcome === outcome);
  return (deciding.length > 0 ? deciding : c.verdict.reasons).map((r) => ({
    ruleId: r.ruleId,
    title: r.title,
    family: r.family,
    status: r.status,
    outcome: r.outcome,
    citations: r.citations.map((citation) => ({ ...citation })),
  }));
}

function describeRules(rules: RuleRef[]): string {
  if (rules.length === 0) return 'no rule named in the verdict';
  const list = rules.map((r) => `${r.ruleId} "${r.title}" (${r.status}, ${r.citations.length} citation${r.citations.length === 1 ? '' : 's'})`).join('; ');
  return `${rules.length} rule${rules.length === 1 ? '' : 's'}: ${list}`;
}

const prohibited: Filter = ({ candidate: c }) => {
  if (c.verdict.outcome !== 'PROHIBITED') return null;
  const rules = decidingRules(c, 'PROHIBITED');
  return { reason: `${labelOf(c)} is prohibited by ${describeRules(rules)}.`, detail: { filter: 'PROHIBITED', rules } };
};

const licenseNotAccepted: Filter = ({ candidate: c }, ctx) => {
  if (c.verdict.outcome !== 'LICENSE_REQUIRED' || ctx.acceptLicensed) return null;
  const rules = decidingRules(c, 'LICENSE_REQUIRED');
  const leadTimeDays = c.verdict.leadTimeDays;
  return {
    reason: `${labelOf(c)} needs a licence (${describeRules(rules)}), with a lead time of ${leadTimeDays} days; licensed candidates were not accepted (acceptLicensed is false).`,
    detail: { filter: 'LICENSE_NOT_ACCEPTED', rules, leadTimeDays },
  };
};

const excludedCountry: Filter = ({ candidate: c }, ctx) => {
  const country = c.site.countryCode.toUpperCase();
  if (!ctx.excludeCountries.has(country)) return null;
  const excludeCountries = [...ctx.excludeCountries];
  return {
    reason: `${labelOf(c)} is in ${country}, one of the ${excludeCountries.length} excluded countr${excludeCountries.length === 1 ? 'y' : 'ies'} (${excludeCountries.join(', ')}).`,
    detail: { filter: 'EXCLUDED_COUNTRY', countryCode: country, excludeCountries },
  };
};

const notPriced: Filter = ({ candidate: c }) => {
  if (c.estimate !== null) return null;
  const error = c.costError ?? { code: 'NOT_PRICED', message: 'no estimate and no cost error were given', missing: null };
  return {
    reason: `${labelOf(c)} could not be priced: ${error.code}, ${error.message}${error.missing === null ? '' : ` (missing: ${error.missing})`}.`,
    detail: { filter: 'NOT_PRICED', code: error.code, message: error.message, missing: error.missing },
  };
};

/** Inference sizes its fleet from the load, so a pool inventory matched on one device may still be too small. */
const insufficientCapacity: Filter = ({ candidate: c }) => {
  const needed = Number(c.estimate!.devices.expected);
  if (!(needed > c.pool.freeDevices)) return null;
  return {
    reason: `${labelOf(c)} has ${c.pool.freeDevices} free devices in the window but the workload needs ${needed} (expected case; ${c.estimate!.devices.low}–${c.estimate!.devices.high} across the range).`,
    detail: { filter: 'INSUFFICIENT_CAPACITY', neededDevices: needed, freeDevices: c.pool.freeDevices },
  };
};

const PART_NAMES: Record<DeadlinePart, string> = { LEAD_TIME: 'licence/approval lead time', TRANSFER: 'data transfer', RUN: 'the run' };

/** Lead time, transfer and what is left (the run), of the expected time to result. */
export function timeParts(p: ParsedEstimate): { total: Dec; leadTime: Dec; transfer: Dec; run: Dec } {
  const { timeToResult: total, leadTime, transfer } = p;
  // The estimate defines time to result as lead + slowest transfer + run; the run is the rest.
  const run = D.max(0, total.minus(leadTime).minus(transfer));
  return { total, leadTime, transfer, run };
}

function dominantPart(parts: { leadTime: Dec; transfer: Dec; run: Dec }): DeadlinePart {
  const ordered: [DeadlinePart, Dec][] = [
    ['LEAD_TIME', parts.leadTime],
    ['TRANSFER', parts.transfer],
    ['RUN', parts.run],
  ];
  // Ties go to the earlier part: a licence is the part a planner can least speed up.
  return ordered.reduce((best, next) => (next[1].gt(best[1]) ? next : best))[0];
}

const missesDeadline: Filter = ({ candidate: c, parsed }, ctx) => {
  if (ctx.deadlineMs === null || ctx.deadline === null) return null;
  const parts = timeParts(parsed!);
  const readyAtMs = parts.total.times(MS_PER_DAY).plus(ctx.nowMs);
  if (!readyAtMs.gt(ctx.deadlineMs)) return null;
  const availableDays = (ctx.deadlineMs - ctx.nowMs) / MS_PER_DAY;
  const lateBy = readyAtMs.minus(ctx.deadlineMs).div(MS_PER_DAY);
  const dominant = dominantPart(parts);
  const readyAt = new Date(readyAtMs.round().toNumber()).toISOString();
  return {
    reason:
      `${labelOf(c)} misses the deadline by ${formatDays(lateBy)} days: expected time to result ${formatDays(parts.total)} days ` +
      `(${formatDays(parts.leadTime)} lead time + ${formatDays(parts.transfer)} transfer + ${formatDays(parts.run)} run), ready ${readyAt}, ` +
      `but the deadline ${ctx.deadline} is ${formatDays(availableDays)} days from now; ${PART_NAMES[dominant]} dominates.`,
    detail: {
      filter: 'MISSES_DEADLINE',
      now: ctx.now,
      deadline: ctx.deadline,
      availableDays: round(availableDays, 4),
      timeToResultDays: parts.total.toNumber(),
      readyAt,
      lateByDays: round(lateBy.toNumber(), 4),
      leadTimeDays: parts.leadTime.toNumber(),
      transferDays: parts.transfer.toNumber(),
      runDays: round(parts.run.toNumber(), 4),
      dominant,
    },
  };
};

const overBudget: Filter = ({ candidate: c, parsed }, ctx) => {
  if (ctx.budget === null) return null;
  const total = c.estimate!.total;
  const { expected, low, high } = parsed!;
  if (!expected.gt(ctx.budget.amount)) return null;
  const overBy = expected.minus(ctx.budget.amount);
  const currency = total.currency;
  const percent = ctx.budget.amount.isZero() ? null : overBy.div(ctx.budget.amount).times(100).toNumber();
  return {
    reason:
      `${labelOf(c)} is over budget by ${formatMoney(overBy, currency)}${percent === null ? '' : ` (${formatNumber(percent, 1)}%)`}: ` +
      `expected total ${formatMoney(expected, currency)} vs budget ${formatMoney(ctx.budget.amount, currency)} ` +
      `(range ${formatMoney(low, currency)} to ${formatMoney(high, currency)}).`,
    detail: {
      filter: 'OVER_BUDGET',
      budget: { amount: plain(ctx.budget.amount), currency: ctx.budget.currency },
      expected: { amount: total.expected, currency },
      low: { amount: total.low, currency },
      high: { amount: total.high, currency },
      overBy: { amount: plain(overBy), currency },
      overByPercent: percent === null ? 0 : round(percent, 2),
    },
  };
};

const tooFar: Filter = ({ candidate: c, latencyMs, distanceKm }, ctx) => {
  if (ctx.kind !== 'INFERENCE' && ctx.kind !== 'BATCH_INFERENCE') return null;
  if (ctx.users === null || ctx.latencyTargetMs === null || latencyMs === null || distanceKm === null) return null;
  if (latencyMs <= ctx.latencyTargetMs) return null;
  const overByMs = round(latencyMs - ctx.latencyTargetMs, 1);
  return {
    reason:
      `${labelOf(c)} is too far from the users (${ctx.users.label}): estimated round trip ${formatNumber(latencyMs, 1)} ms ` +
      `over ${formatNumber(distanceKm, 0)} km great circle vs a target of ${formatNumber(ctx.latencyTargetMs, 1)} ms (${formatNumber(overByMs, 1)} ms over).`,
    detail: { filter: 'LATENCY', latencyMs, targetMs: ctx.latencyTargetMs, overByMs, distanceKm: round(distanceKm, 1), users: { ...ctx.users } },
  };
};

/** The filters in the order they run (the order of REJECTION_FILTERS). */
export const FILTERS: readonly Filter[] = [prohibited, licenseNotAccepted, excludedCountry, notPriced, insufficientCapacity, missesDeadline, overBudget, tooFar];

/** The first filter the candidate fails, or null when it passes them all. */
export function firstFailure(e: Evaluated, ctx: FilterContext): FilterFailure | null {
  for (const filter of FILTERS) {
    const failure = filter(e, ctx);
    if (failure !== null) return failure;
  }
  return null;
}
