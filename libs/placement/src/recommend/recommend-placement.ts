import { type Evaluated, type FilterContext, firstFailure, labelOf, type ParsedEstimate } from './filters.js';
import { heldBackRejections } from './held-back.js';
import { greatCircleKm, LATENCY_MODEL, rttOfDistance } from './latency.js';
import { D, type Dec, decimal, formatDays, formatMoney, formatNumber, MS_PER_DAY, round } from './numbers.js';
import { dominates, paretoFront } from './pareto.js';
import { RecommendError } from './recommend.error.js';
import {
  type RecommendCandidateLabel,
  type RecommendNormalisedObjectives,
  type RecommendScales,
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
import { countedDays, latencyFullScaleMs, latencyPenalty, ratioPenalty, SCORING_MODEL } from './scoring.js';

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

  // Pools inventory held back are rejections too, counted (and listed as far as inventory listed them).
  const held = heldBackRejections(input.heldBack, input.candidates);
  const rejected: Rejection[] = [...held.rejected];
  const passed: Evaluated[] = [];
  for (const [i, candidate] of input.candidates.entries()) {
    const e = evaluate(candidate, parsed[i], ctx);
    const failure = firstFailure(e, ctx);
    if (failure === null) passed.push(e);
    else rejected.push({ ...labelFields(candidate), filter: failure.detail.filter, reason: failure.reason, detail: failure.detail });
  }

  const { survivors, scales } = scoreAll(passed, weights, ctx);
  markParetoFront(survivors);

  // Entries only for what is listed: the rest are counted, and their ids are in the front if on it.
  const ranked = survivors.slice(0, MAX_ALTERNATIVES + 1).map((s, i) => toRanked(s, i + 1, ctx));
  if (ranked.length > 0) ranked[0].why = whyChosen(survivors, weights, rejected.length + held.omitted, scales!, ctx);
  for (let i = 1; i < ranked.length; i++) ranked[i].why = whyNotChosen(survivors[i], survivors, i + 1);

  const rejectedByFilter = Object.fromEntries(REJECTION_FILTERS.map((f) => [f, held.unlisted[f] ?? 0])) as Record<RejectionFilter, number>;
  for (const r of rejected) rejectedByFilter[r.filter] += 1;

  return {
    chosen: ranked[0] ?? null,
    alternatives: ranked.slice(1, MAX_ALTERNATIVES + 1),
    alternativesOmitted: Math.max(0, survivors.length - 1 - MAX_ALTERNATIVES),
    paretoFront: survivors.filter((s) => s.onFront).map((s) => s.e.candidate.candidateId),
    rejected,
    rejectedOmitted: held.omitted,
    counts: { candidates: input.candidates.length + held.total, survived: survivors.length, rejectedByFilter },
    weights,
    scales,
    model: { latency: LATENCY_MODEL, risk: RISK_MODEL, scoring: SCORING_MODEL },
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
    // Cost and time are scored by their ratio to the lowest, which means nothing below 0.
    if (low.isNegative()) throw invalid(`${at}.total.low`, `must not be negative, got ${total.low}`);
    if (!Number.isInteger(leadTimeDays) || leadTimeDays < 0) throw invalid(`${at}.leadTimeDays`, `must be a whole number of days ≥ 0, got ${leadTimeDays}`);
    if (currency === null) currency = { code: total.currency, field: `${at}.total.currency` };
    else if (currency.code !== total.currency) {
      throw new RecommendError('CURRENCY_MISMATCH', `${at}.total.currency is ${total.currency} but ${currency.field} is ${currency.code}: costs are compared in one currency`, `${at}.total.currency`);
    }
    const timeToResult = decimal(`${at}.timeToResultDays.expected`, timeToResultDays.expected);
    if (timeToResult.isNegative()) throw invalid(`${at}.timeToResultDays.expected`, `must not be negative, got ${timeToResultDays.expected}`);
    return {
      low,
      expected,
      high,
      timeToResult,
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

/**
 * Scores and ranks the survivors: score, then expected cost, time, risk and latency, then
 * candidateId. Each objective is normalised on its own fixed scale (`SCORING_MODEL`); only the
 * cheapest cost and the fastest time come from the survivors, and a dominated candidate is never
 * strictly either, so it moves no other score. The later tie-breaks put a candidate before any it
 * dominates, so the chosen one is always on the Pareto front.
 */
function scoreAll(passed: Evaluated[], w: RecommendWeights, ctx: FilterContext): { survivors: Survivor[]; scales: RecommendScales | null } {
  // Decimals order and break ties exactly; floats are plenty for a ratio or a normalised value in [0, 1].
  const base = passed.map((e) => ({
    e,
    cost: e.parsed!.expected,
    costValue: Number(e.candidate.estimate!.total.expected),
    timeDays: Number(e.candidate.estimate!.timeToResultDays.expected),
    risk: riskOf(e.candidate),
  }));
  if (base.length === 0) return { survivors: [], scales: null };

  const cheapest = base.reduce((a, b) => (b.cost.lt(a.cost) ? b : a));
  const fastestDays = countedDays(Math.min(...base.map((b) => b.timeDays)));
  const latencyFullMs = ctx.users === null ? null : latencyFullScaleMs(ctx.latencyTargetMs);
  const scales: RecommendScales = {
    cheapestCost: { amount: cheapest.e.candidate.estimate!.total.expected, currency: cheapest.e.candidate.estimate!.total.currency },
    fastestDays,
    latencyFullScaleMs: latencyFullMs,
  };

  // Exact order of the costs as small integers, so the Pareto test never compares floats of decimals.
  const byCost = [...base].sort((a, b) => a.cost.cmp(b.cost));
  const costRank = new Map<(typeof base)[number], number>();
  byCost.forEach((b, i) => costRank.set(b, i > 0 && b.cost.eq(byCost[i - 1].cost) ? costRank.get(byCost[i - 1])! : i));

  const survivors: Survivor[] = base.map((b) => {
    const normalised: RecommendNormalisedObjectives = {
      cost: ratioPenalty(b.costValue, cheapest.costValue),
      time: ratioPenalty(countedDays(b.timeDays), fastestDays),
      risk: b.risk.score,
      latency: latencyFullMs === null ? 0 : latencyPenalty(b.e.latencyMs, latencyFullMs),
    };
    const score = round(w.cost * normalised.cost + w.time * normalised.time + w.risk * normalised.risk + w.latency * normalised.latency);
    const point = [costRank.get(b)!, b.timeDays, b.risk.score];
    if (ctx.users !== null) point.push(b.e.latencyMs ?? 0);
    return { ...b, normalised, score, point, onFront: false };
  });
  const id = (s: Survivor): string => s.e.candidate.candidateId;
  const byObjectives = (a: Survivor, b: Survivor): number => a.point.reduce((order, v, k) => order || v - b.point[k], 0);
  survivors.sort((a, b) => a.score - b.score || byObjectives(a, b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  return { survivors, scales };
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

/** How each objective was normalised in this run, with its reference values: the arithmetic behind every `normalised`. */
function methodPhrase(scales: RecommendScales, ctx: FilterContext): string {
  const span = SCORING_MODEL.fullPenaltyRatio.value;
  const floor = SCORING_MODEL.timeFloorDays.value;
  const cheapest = formatMoney(new D(scales.cheapestCost.amount), scales.cheapestCost.currency);
  const latency =
    scales.latencyFullScaleMs === null
      ? 'latency not scored (no users given)'
      : `latency = ms ÷ ${formatNumber(scales.latencyFullScaleMs, 1)} ms (${ctx.latencyTargetMs === null ? 'the longest round trip of the latency model; no target given' : 'the latency target'}), at most 1`;
  return (
    `Each objective is normalised on its own scale, 0 best to 1, not stretched by the other candidates: ` +
    `cost = log(cost ÷ the cheapest, ${cheapest}) ÷ log ${span}, at most 1 (2× the cheapest is ${formatNumber(ratioPenalty(2, 1), 3)}, ${span}× is 1); ` +
    `time to result the same against the fastest, ${formatDays(scales.fastestDays)} days (under ${formatDays(floor)} day counted as ${formatDays(floor)}); ` +
    `risk = the risk score; ${latency}. Score = Σ weight × normalised.`
  );
}

function whyChosen(survivors: Survivor[], w: RecommendWeights, rejectedCount: number, scales: RecommendScales, ctx: FilterContext): string[] {
  const chosen = survivors[0];
  const weights = OBJECTIVES.map((k) => `${k} ${formatNumber(w[k], 3)}`).join(', ');
  const why = [
    `${nameOf(chosen)} has the lowest weighted score, ${chosen.score}, of ${survivors.length} candidate${survivors.length === 1 ? '' : 's'} that passed the filters ` +
      `(${rejectedCount} rejected; weights ${weights}).`,
    methodPhrase(scales, ctx),
  ];
  const runnerUp = survivors[1];
  if (runnerUp === undefined) {
    why.push('It is the only candidate that passed the filters.');
  } else {
    const gap = round(runnerUp.score - chosen.score);
    why.push(
      gap > 0
        ? `It beat the runner-up ${nameOf(runnerUp)} (score ${runnerUp.score}) by ${gap}:`
        : `It tied with the runner-up ${nameOf(runnerUp)} on score ${runnerUp.score} and ${tieBreakPhrase(chosen, runnerUp)}:`,
    );
    for (const k of objectivesIn(chosen)) {
      const [mine, theirs] = [chosen.normalised[k], runnerUp.normalised[k]];
      const difference = round(theirs - mine);
      const weighted = round(w[k] * difference);
      const effect =
        w[k] === 0
          ? ', weight 0: not counted'
          : weighted === 0
            ? ', no effect on the score'
            : `: weight ${formatNumber(w[k], 6)} × ${Math.abs(difference)} = ${Math.abs(weighted)} of score ${weighted > 0 ? 'in its favour' : 'against it'}`;
      why.push(`${OBJECTIVE_NAMES[k]}: ${describeObjective(k, chosen)} vs ${describeObjective(k, runnerUp)}, ${gapPhrase(k, chosen, runnerUp)}; normalised ${mine} vs ${theirs}${effect}.`);
    }
  }
  why.push(paretoPhrase(chosen, survivors));
  return why;
}

/** Why `a` ranks before `b` on an equal score: the first tie-break of scoreAll that tells them apart. */
function tieBreakPhrase(a: Survivor, b: Survivor): string {
  if (a.cost.lt(b.cost)) return 'is cheaper (expected total)';
  if (a.timeDays < b.timeDays) return 'is as cheap and sooner';
  if (a.risk.score < b.risk.score) return 'is as cheap, as soon and less risky';
  if ((a.e.latencyMs ?? 0) < (b.e.latencyMs ?? 0)) return 'is as cheap, as soon, as risky and nearer';
  return 'comes first by candidateId';
}

function whyNotChosen(s: Survivor, survivors: Survivor[], rank: number): string[] {
  const chosen = survivors[0];
  const differences = objectivesIn(s).map((k) => `${OBJECTIVE_NAMES[k]} ${describeObjective(k, s)} (normalised ${s.normalised[k]}), ${gapPhrase(k, s, chosen)}`);
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
