import { type Evaluated, type FilterContext, firstFailure, labelOf, type ParsedEstimate } from './filters.js';
import { greatCircleKm, LATENCY_MODEL, rttOfDistance } from './latency.js';
import { D, type Dec, decimal, formatDays, formatMoney, formatNumber, MS_PER_DAY, round } from './numbers.js';
import { dominates, paretoFront } from './pareto.js';
import { RecommendError } from './recommend.error.js';
import {
  type RecommendCandidateLabel,
  type RecommendNormalisedObjectives,
  type RecommendWeights,
  type RankedCandidate,
  type RecommendationResult,
  type RecommendCandidate,
  type RecommendInput,
  type Rejection,
  REJECTION_FILTERS,
  type RejectionFilter,
  type RiskAssessment,
} from './recommend.types.js';
import { RISK_MODEL, riskOf } from './risk.js';

/** At most this many alternatives are listed; the rest are counted in `alternativesOmitted`. */
export const MAX_ALTERNATIVES = 50;

const OBJECTIVES = ['cost', 'time', 'risk', 'latency'] as const;
type Objective = (typeof OBJECTIVES)[number];

interface Survivor {
  e: Evaluated;
  cost: Dec;
  costValue: number;
  timeDays: number;
  risk: RiskAssessment;
  normalised: RecommendNormalisedObjectives;
  score: number;
  /** Objective vector for the Pareto front: cost rank (exact order of the decimals), time, risk, latency when known. */
  point: number[];
  onFront: boolean;
}

/**
 * Recommends a placement for one workload: drops candidates that fail a filter (each rejection
 * says which filter and why, with the numbers), scores the rest on cost, time to result, risk and
 * latency, builds the Pareto front, and explains the choice. Pure and deterministic: no clock but
 * `input.now`, no randomness, and the ranking does not depend on the order of the candidates.
 * Throws RecommendError (INVALID_RECOMMEND_INPUT, CURRENCY_MISMATCH) on input it cannot rank.
 */
export function recommendPlacement(input: RecommendInput): RecommendationResult {
  const weights = normaliseWeights(input.weights);
  const ctx = contextOf(input);
  const parsed = checkCandidates(input);

  const rejected: Rejection[] = [];
  const passed: Evaluated[] = [];
  for (const [i, candidate] of input.candidates.entries()) {
    const e = evaluate(candidate, parsed[i], ctx);
    const failure = firstFailure(e, ctx);
    if (failure === null) passed.push(e);
    else rejected.push({ ...labelFields(candidate), filter: failure.detail.filter, reason: failure.reason, detail: failure.detail });
  }

  const survivors = scoreAll(passed, weights, ctx.users !== null);
  markParetoFront(survivors);

  // Entries only for what is listed: the rest are counted, and their ids are in the front if on it.
  const ranked = survivors.slice(0, MAX_ALTERNATIVES + 1).map((s, i) => toRanked(s, i + 1, ctx));
  if (ranked.length > 0) ranked[0].why = whyChosen(survivors, weights, rejected.length);
  for (let i = 1; i < ranked.length; i++) ranked[i].why = whyNotChosen(survivors[i], survivors, i + 1);

  const rejectedByFilter = Object.fromEntries(REJECTION_FILTERS.map((f) => [f, 0])) as Record<RejectionFilter, number>;
  for (const r of rejected) rejectedByFilter[r.filter] += 1;

  return {
    chosen: ranked[0] ?? null,
    alternatives: ranked.slice(1, MAX_ALTERNATIVES + 1),
    alternativesOmitted: Math.max(0, survivors.length - 1 - MAX_ALTERNATIVES),
    paretoFront: survivors.filter((s) => s.onFront).map((s) => s.e.candidate.candidateId),
    rejected,
    counts: { candidates: input.candidates.length, survived: survivors.length, rejectedByFilter },
    weights,
    model: { latency: LATENCY_MODEL, risk: RISK_MODEL },
  };
}

function invalid(field: string, message: string): RecommendError {
  return new RecommendError('INVALID_RECOMMEND_INPUT', `${field} ${message}`, field);
}

function normaliseWeights(w: RecommendWeights): RecommendWeights {
  for (const k of OBJECTIVES) {
    if (typeof w[k] !== 'number' || !Number.isFinite(w[k]) || w[k] < 0) throw invalid(`weights.${k}`, `must be a finite number ≥ 0, got ${String(w[k])}`);
  }
  const sum = w.cost + w.time + w.risk + w.latency;
  if (sum <= 0) throw invalid('weights', 'must not all be 0');
  return { cost: w.cost / sum, time: w.time / sum, risk: w.risk / sum, latency: w.latency / sum };
}

function instant(field: string, value: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw invalid(field, `must be an ISO 8601 date-time, got ${JSON.stringify(value)}`);
  return ms;
}

function contextOf(input: RecommendInput): FilterContext {
  const { users, latencyTargetMs, budget } = input;
  if (users !== null) {
    if (!(Math.abs(users.latitude) <= 90)) throw invalid('users.latitude', `must be in [-90, 90], got ${users.latitude}`);
    if (!(Math.abs(users.longitude) <= 180)) throw invalid('users.longitude', `must be in [-180, 180], got ${users.longitude}`);
  }
  if (latencyTargetMs !== null && !(Number.isFinite(latencyTargetMs) && latencyTargetMs > 0)) {
    throw invalid('latencyTargetMs', `must be a positive number of milliseconds, got ${latencyTargetMs}`);
  }
  const budgetAmount = budget === null ? null : decimal('budget.amount', budget.amount);
  if (budgetAmount !== null && budgetAmount.isNegative()) throw invalid('budget.amount', `must not be negative, got ${budget!.amount}`);
  return {
    kind: input.kind,
    now: input.now,
    nowMs: instant('now', input.now),
    deadline: input.deadline,
    deadlineMs: input.deadline === null ? null : instant('deadline', input.deadline),
    budget: budget === null ? null : { amount: budgetAmount!, currency: budget.currency },
    acceptLicensed: input.acceptLicensed,
    users: users === null ? null : { latitude: users.latitude, longitude: users.longitude, label: users.label },
    latencyTargetMs,
    excludeCountries: new Set((input.excludeCountries ?? []).map((c) => c.toUpperCase())),
  };
}

/**
 * Unique ids (they break ties), decimals that parse, one currency across estimates and budget.
 * Returns each candidate's parsed estimate (null without one), by input index.
 */
function checkCandidates(input: RecommendInput): (ParsedEstimate | null)[] {
  const seen = new Set<string>();
  let currency: { code: string; field: string } | null = null;
  const parsed = input.candidates.map((c, i) => {
    if (seen.has(c.candidateId)) throw invalid(`candidates[${i}].candidateId`, `${JSON.stringify(c.candidateId)} appears twice`);
    seen.add(c.candidateId);
    if (c.estimate === null) return null;
    const at = `candidates[${i}].estimate`;
    const { total, timeToResultDays, transferDays, leadTimeDays } = c.estimate;
    const [low, expected, high] = [decimal(`${at}.total.low`, total.low), decimal(`${at}.total.expected`, total.expected), decimal(`${at}.total.high`, total.high)];
    if (low.gt(expected) || expected.gt(high)) throw invalid(`${at}.total`, `must satisfy low ≤ expected ≤ high, got ${total.low} / ${total.expected} / ${total.high}`);
    if (!Number.isInteger(leadTimeDays) || leadTimeDays < 0) throw invalid(`${at}.leadTimeDays`, `must be a whole number of days ≥ 0, got ${leadTimeDays}`);
    if (currency === null) currency = { code: total.currency, field: `${at}.total.currency` };
    else if (currency.code !== total.currency) {
      throw new RecommendError('CURRENCY_MISMATCH', `${at}.total.currency is ${total.currency} but ${currency.field} is ${currency.code}: costs are compared in one currency`, `${at}.total.currency`);
    }
    return {
      low,
      expected,
      high,
      timeToResult: decimal(`${at}.timeToResultDays.expected`, timeToResultDays.expected),
      timeToResultHigh: decimal(`${at}.timeToResultDays.high`, timeToResultDays.high),
      leadTime: new D(leadTimeDays),
      transfer: decimal(`${at}.transferDays.expected`, transferDays.expected),
    };
  });
  const found = currency as { code: string; field: string } | null;
  if (input.budget !== null && found !== null && input.budget.currency !== found.code) {
    throw new RecommendError('CURRENCY_MISMATCH', `budget.currency is ${input.budget.currency} but the estimates are in ${found.code}`, 'budget.currency');
  }
  return parsed;
}

function evaluate(candidate: RecommendCandidate, parsed: ParsedEstimate | null, ctx: FilterContext): Evaluated {
  if (ctx.users === null) return { candidate, parsed, latencyMs: null, distanceKm: null };
  const distanceKm = greatCircleKm(candidate.site, ctx.users);
  return { candidate, parsed, latencyMs: rttOfDistance(distanceKm), distanceKm };
}

function labelFields(c: RecommendCandidate): RecommendCandidateLabel {
  return {
    candidateId: c.candidateId,
    poolId: c.pool.id,
    siteId: c.site.id,
    siteName: c.site.name,
    countryCode: c.site.countryCode,
    acceleratorId: c.accelerator.id,
    acceleratorName: c.accelerator.name,
    vendor: c.accelerator.vendor,
    ownership: c.pool.ownership,
    verdictOutcome: c.verdict.outcome,
  };
}

/** Min–max to [0, 1] (all equal → 0); null (no latency) is neutral: 0. */
function normaliser(values: readonly (number | null)[]): (v: number | null) => number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return () => 0;
  const span = max - min;
  return (v) => (v === null || span === 0 ? 0 : round((v - min) / span));
}

/** Scores and ranks the survivors: score, then expected cost, then candidateId. */
function scoreAll(passed: Evaluated[], w: RecommendWeights, withLatency: boolean): Survivor[] {
  // Decimals order and break ties exactly; floats are plenty for a normalised value in [0, 1].
  const base = passed.map((e) => ({
    e,
    cost: e.parsed!.expected,
    costValue: Number(e.candidate.estimate!.total.expected),
    timeDays: Number(e.candidate.estimate!.timeToResultDays.expected),
    risk: riskOf(e.candidate),
  }));
  if (base.length === 0) return [];

  const cost = normaliser(base.map((b) => b.costValue));
  const time = normaliser(base.map((b) => b.timeDays));
  const risk = normaliser(base.map((b) => b.risk.score));
  const latency = normaliser(base.map((b) => b.e.latencyMs));

  // Exact order of the costs as small integers, so the Pareto test never compares floats of decimals.
  const byCost = [...base].sort((a, b) => a.cost.cmp(b.cost));
  const costRank = new Map<(typeof base)[number], number>();
  byCost.forEach((b, i) => costRank.set(b, i > 0 && b.cost.eq(byCost[i - 1].cost) ? costRank.get(byCost[i - 1])! : i));

  const survivors: Survivor[] = base.map((b) => {
    const normalised: RecommendNormalisedObjectives = {
      cost: cost(b.costValue),
      time: time(b.timeDays),
      risk: risk(b.risk.score),
      latency: latency(b.e.latencyMs),
    };
    const score = round(w.cost * normalised.cost + w.time * normalised.time + w.risk * normalised.risk + w.latency * normalised.latency);
    const point = [costRank.get(b)!, b.timeDays, b.risk.score];
    if (withLatency) point.push(b.e.latencyMs ?? 0);
    return { ...b, normalised, score, point, onFront: false };
  });
  const id = (s: Survivor): string => s.e.candidate.candidateId;
  return survivors.sort((a, b) => a.score - b.score || a.cost.cmp(b.cost) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

function markParetoFront(survivors: Survivor[]): void {
  for (const i of paretoFront(survivors.map((s) => s.point))) survivors[i].onFront = true;
}

function toRanked(s: Survivor, rank: number, ctx: FilterContext): RankedCandidate {
  const c = s.e.candidate;
  const estimate = c.estimate!;
  return {
    ...labelFields(c),
    rank,
    score: s.score,
    objectives: {
      totalCost: { amount: estimate.total.expected, currency: estimate.total.currency, low: estimate.total.low, high: estimate.total.high, value: s.costValue },
      timeToResultDays: s.timeDays,
      leadTimeDays: estimate.leadTimeDays,
      riskScore: s.risk.score,
      latencyMs: s.e.latencyMs,
    },
    normalised: s.normalised,
    riskFactors: s.risk.factors,
    onParetoFront: s.onFront,
    why: [],
    warnings: warningsOf(s, ctx),
  };
}

/** Passed on the expected figures, but the high end of the range would not. */
function warningsOf(s: Survivor, ctx: FilterContext): string[] {
  const estimate = s.e.candidate.estimate!;
  const warnings: string[] = [];
  const currency = estimate.total.currency;
  if (ctx.budget !== null) {
    const { high } = s.e.parsed!;
    if (high.gt(ctx.budget.amount)) {
      warnings.push(
        `The high cost estimate ${formatMoney(high, currency)} exceeds the budget ${formatMoney(ctx.budget.amount, currency)} by ` +
          `${formatMoney(high.minus(ctx.budget.amount), currency)} (the expected ${formatMoney(s.cost, currency)} fits).`,
      );
    }
  }
  if (ctx.deadlineMs !== null) {
    const highDays = s.e.parsed!.timeToResultHigh;
    const late = highDays.times(MS_PER_DAY).plus(ctx.nowMs).minus(ctx.deadlineMs);
    if (late.gt(0)) {
      warnings.push(
        `At the high time-to-result estimate (${formatDays(highDays)} days) the result would be ${formatDays(late.div(MS_PER_DAY))} days past the deadline ${ctx.deadline} ` +
          `(the expected ${formatDays(s.timeDays)} days fits).`,
      );
    }
  }
  return warnings;
}

const OBJECTIVE_NAMES: Record<Objective, string> = { cost: 'cost', time: 'time to result', risk: 'risk', latency: 'latency' };

function describeObjective(k: Objective, s: Survivor): string {
  const currency = s.e.candidate.estimate!.total.currency;
  switch (k) {
    case 'cost':
      return formatMoney(s.cost, currency);
    case 'time':
      return `${formatDays(s.timeDays)} days`;
    case 'risk':
      return formatNumber(s.risk.score, 4);
    case 'latency':
      return s.e.latencyMs === null ? 'unknown' : `${formatNumber(s.e.latencyMs, 1)} ms`;
  }
}

/** How much better (positive) or worse `a` is than `b` on one objective, as a phrase. */
function gapPhrase(k: Objective, a: Survivor, b: Survivor): string {
  const currency = a.e.candidate.estimate!.total.currency;
  switch (k) {
    case 'cost': {
      const gap = b.cost.minus(a.cost);
      if (gap.isZero()) return 'the same';
      const percent = b.cost.isZero() ? null : gap.abs().div(b.cost).times(100).toNumber();
      return `${formatMoney(gap.abs(), currency)}${percent === null ? '' : ` (${formatNumber(percent, 1)}%)`} ${gap.gt(0) ? 'cheaper' : 'dearer'}`;
    }
    case 'time': {
      const gap = b.timeDays - a.timeDays;
      return gap === 0 ? 'the same' : `${formatDays(Math.abs(gap))} days ${gap > 0 ? 'sooner' : 'later'}`;
    }
    case 'risk': {
      const gap = b.risk.score - a.risk.score;
      return gap === 0 ? 'the same' : `${formatNumber(Math.abs(gap), 4)} ${gap > 0 ? 'lower' : 'higher'}`;
    }
    case 'latency': {
      const gap = (b.e.latencyMs ?? 0) - (a.e.latencyMs ?? 0);
      return gap === 0 ? 'the same' : `${formatNumber(Math.abs(gap), 1)} ms ${gap > 0 ? 'lower' : 'higher'}`;
    }
  }
}

function nameOf(s: Survivor): string {
  return labelOf(s.e.candidate);
}

function whyChosen(survivors: Survivor[], w: RecommendWeights, rejectedCount: number): string[] {
  const chosen = survivors[0];
  const weights = OBJECTIVES.map((k) => `${k} ${formatNumber(w[k], 3)}`).join(', ');
  const why = [
    `${nameOf(chosen)} has the lowest weighted score, ${chosen.score}, of ${survivors.length} candidate${survivors.length === 1 ? '' : 's'} that passed the filters ` +
      `(${rejectedCount} rejected; weights ${weights}; each objective normalised 0 best to 1 worst).`,
  ];
  const runnerUp = survivors[1];
  if (runnerUp === undefined) {
    why.push('It is the only candidate that passed the filters.');
  } else {
    const gap = round(runnerUp.score - chosen.score);
    why.push(
      gap > 0
        ? `It beat the runner-up ${nameOf(runnerUp)} (score ${runnerUp.score}) by ${gap}:`
        : `It tied with the runner-up ${nameOf(runnerUp)} on score ${runnerUp.score} and ${chosen.cost.lt(runnerUp.cost) ? 'is cheaper (expected total)' : 'comes first by candidateId'}:`,
    );
    for (const k of objectivesIn(chosen)) {
      const weighted = round(w[k] * (runnerUp.normalised[k] - chosen.normalised[k]));
      const effect = w[k] === 0 ? 'weight 0, not counted' : weighted === 0 ? 'no effect on the score' : `${Math.abs(weighted)} of score ${weighted > 0 ? 'in its favour' : 'against it'}`;
      why.push(`${OBJECTIVE_NAMES[k]}: ${describeObjective(k, chosen)} vs ${describeObjective(k, runnerUp)}, ${gapPhrase(k, chosen, runnerUp)} (${effect}).`);
    }
  }
  why.push(paretoPhrase(chosen, survivors));
  return why;
}

function whyNotChosen(s: Survivor, survivors: Survivor[], rank: number): string[] {
  const chosen = survivors[0];
  const differences = objectivesIn(s).map((k) => `${OBJECTIVE_NAMES[k]} ${describeObjective(k, s)}, ${gapPhrase(k, s, chosen)}`);
  return [`Rank ${rank}, score ${s.score}, ${round(s.score - chosen.score)} behind the chosen ${chosen.e.candidate.pool.id} (${chosen.score}).`, `Against the chosen one: ${differences.join('; ')}.`, paretoPhrase(s, survivors)];
}

function objectivesIn(s: Survivor): Objective[] {
  return s.e.latencyMs === null ? ['cost', 'time', 'risk'] : [...OBJECTIVES];
}

function paretoPhrase(s: Survivor, survivors: Survivor[]): string {
  if (s.onFront) return 'On the Pareto front: no other candidate is at least as good on every objective and better on one.';
  const by = survivors.find((o) => o.onFront && dominates(o.point, s.point))!;
  return `Not on the Pareto front: ${nameOf(by)} is at least as good on every objective and better on at least one.`;
}
