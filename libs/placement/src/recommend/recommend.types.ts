import { HELD_BACK_FILTERS, type CostEstimateV1, type HeldBackFilter, type VerdictV1 } from '@cp/contracts';

export type RecommendWorkloadKind = 'TRAINING' | 'FINE_TUNING' | 'INFERENCE' | 'BATCH_INFERENCE';
export type RecommendOwnership = 'OWNED' | 'LEASED_IAAS' | 'COLOCATION';
type VerdictOutcome = VerdictV1['outcome'];
type VerdictReason = VerdictV1['reasons'][number];
type Citation = VerdictReason['citations'][number];

/** A point on the globe in decimal degrees (WGS 84). */
export interface LatLon {
  latitude: number;
  longitude: number;
}

/** One pool inventory matched, with its verdict and its estimate (or why it has none). */
export interface RecommendCandidate {
  /** The pool id. */
  candidateId: string;
  pool: {
    id: string;
    siteId: string;
    acceleratorId: string;
    ownership: RecommendOwnership;
    deviceCount: number;
    freeDevices: number;
    availableFrom: string;
    availableTo: string | null;
  };
  site: { id: string; name: string; countryCode: string; region: string; latitude: number; longitude: number; stateFunded: boolean; operator: string };
  accelerator: { id: string; name: string; vendor: string; originCountry: string };
  verdict: VerdictV1;
  /** Null when the candidate could not be priced; `costError` then says why. */
  estimate: CostEstimateV1 | null;
  costError: { code: string; message: string; missing: string | null } | null;
}

/** Relative importance of each objective; ≥ 0, not all 0. Normalised to sum 1. */
export interface RecommendWeights {
  cost: number;
  time: number;
  risk: number;
  latency: number;
}

export interface RecommendInput {
  kind: RecommendWorkloadKind;
  /** ISO date-time the recommendation is made; the only clock this library reads. */
  now: string;
  /** ISO date-time the result is needed by; the expected time to result must fit. */
  deadline: string | null;
  /** In the estimates' currency; the EXPECTED total must fit. */
  budget: { amount: string; currency: string } | null;
  /** LICENSE_REQUIRED candidates stay only when true (their lead time is already in the estimate). */
  acceptLicensed: boolean;
  /** Where the inference's users are. */
  users: (LatLon & { label: string }) | null;
  /** Round-trip target to the users, milliseconds; applies to INFERENCE and BATCH_INFERENCE only. */
  latencyTargetMs: number | null;
  weights: RecommendWeights;
  candidates: RecommendCandidate[];
  /** Also reject candidates inventory already matched but that the caller wants out, e.g. excluded countries. */
  excludeCountries?: string[];
  /** Pools inventory held back before they became candidates: counted and listed as rejections. */
  heldBack?: RecommendHeldBack;
}

/** A pool inventory held back (no verdict, no estimate), named as a planner would see it. */
export interface HeldBackPool {
  poolId: string;
  siteId: string;
  siteName: string;
  countryCode: string;
  acceleratorId: string;
  acceleratorName: string;
  vendor: string;
  ownership: RecommendOwnership;
  filter: HeldBackFilter;
  /** Inventory's one line with the numbers, e.g. "needs 100000 devices, pool has 4096". */
  reason: string;
}

export interface RecommendHeldBack {
  /** Pools held back per filter, listed in `pools` or not. */
  byFilter: Partial<Record<HeldBackFilter, number>>;
  /** Those inventory listed, at most its cap; the rest are only counted. */
  pools: HeldBackPool[];
}

/**
 * The filters, in the order they run; a candidate is rejected by the first that fails. Inventory's
 * (HELD_BACK_FILTERS of @cp/contracts, VENDOR to CAPACITY) run before a pool becomes a candidate.
 */
export const REJECTION_FILTERS = [...HELD_BACK_FILTERS, 'PROHIBITED', 'LICENSE_NOT_ACCEPTED', 'EXCLUDED_COUNTRY', 'NOT_PRICED', 'INSUFFICIENT_CAPACITY', 'MISSES_DEADLINE', 'OVER_BUDGET', 'LATENCY'] as const;
export type RejectionFilter = (typeof REJECTION_FILTERS)[number];

export interface RecommendMoney {
  amount: string;
  currency: string;
}

/** A rule of the verdict that decided a rejection, with what to read about it. */
export interface RuleRef {
  ruleId: string;
  title: string;
  family: VerdictReason['family'];
  status: VerdictReason['status'];
  outcome: VerdictOutcome;
  citations: Citation[];
}

/** The part of the time to result that is the largest. */
export type DeadlinePart = 'LEAD_TIME' | 'TRANSFER' | 'RUN';

export type RejectionDetail =
  | { filter: HeldBackFilter; heldBackBy: 'INVENTORY'; inventoryReason: string }
  | { filter: 'PROHIBITED'; rules: RuleRef[] }
  | { filter: 'LICENSE_NOT_ACCEPTED'; rules: RuleRef[]; leadTimeDays: number }
  | { filter: 'EXCLUDED_COUNTRY'; countryCode: string; excludeCountries: string[] }
  | { filter: 'NOT_PRICED'; code: string; message: string; missing: string | null }
  | { filter: 'INSUFFICIENT_CAPACITY'; neededDevices: number; freeDevices: number }
  | {
      filter: 'MISSES_DEADLINE';
      now: string;
      deadline: string;
      /** Days from now to the deadline (negative when it has passed). */
      availableDays: number;
      /** Expected time to result, days. */
      timeToResultDays: number;
      /** now + expected time to result. */
      readyAt: string;
      lateByDays: number;
      leadTimeDays: number;
      transferDays: number;
      /** What is left of the time to result after lead time and transfer: the run (training) or 0. */
      runDays: number;
      dominant: DeadlinePart;
    }
  | { filter: 'OVER_BUDGET'; budget: RecommendMoney; expected: RecommendMoney; low: RecommendMoney; high: RecommendMoney; overBy: RecommendMoney; overByPercent: number }
  | { filter: 'LATENCY'; latencyMs: number; targetMs: number; overByMs: number; distanceKm: number; users: LatLon & { label: string } };

/** Identifies a candidate in the output, with enough to name it to a planner. */
export interface RecommendCandidateLabel {
  candidateId: string;
  poolId: string;
  siteId: string;
  siteName: string;
  countryCode: string;
  acceleratorId: string;
  acceleratorName: string;
  vendor: string;
  ownership: RecommendOwnership;
  verdictOutcome: VerdictOutcome;
}

export interface Rejection extends Omit<RecommendCandidateLabel, 'verdictOutcome'> {
  /** Null for a pool inventory held back: compliance never evaluated it. */
  verdictOutcome: VerdictOutcome | null;
  /** The first filter the candidate failed. */
  filter: RejectionFilter;
  /** A sentence naming the site, country, pool and numbers. */
  reason: string;
  detail: RejectionDetail;
}

/** One named part of a risk score; the parts sum to the score (before the cap at 1). */
export interface RiskFactor {
  name: RiskFactorName;
  contribution: number;
  detail: string;
}
export type RiskFactorName = 'OUTCOME' | 'CONDITIONS' | 'ADVISORIES' | 'REPORTED_ONLY' | 'COST_UNCERTAINTY' | 'STATE_FUNDED_FOREIGN_ACCELERATOR';

export interface RiskAssessment {
  /** In [0, 1]. */
  score: number;
  factors: RiskFactor[];
}

export interface RecommendObjectives {
  /** amount is the EXPECTED total (exact decimal), value the same as a number for charts and normalising. */
  totalCost: { amount: string; currency: string; low: string; high: string; value: number };
  /** Expected time to result, days (lead time + transfer + run). */
  timeToResultDays: number;
  leadTimeDays: number;
  riskScore: number;
  /** Estimated round trip to the users; null without users. */
  latencyMs: number | null;
}

/**
 * Each objective on its own fixed scale in [0, 1], 0 the best (`SCORING_MODEL`, `RecommendScales`):
 * cost and time log(ratio to the cheapest / fastest survivor) ÷ log(10), at most 1; risk its score;
 * latency ms ÷ the target (or the model's longest round trip), at most 1, and 0 without users.
 */
export interface RecommendNormalisedObjectives {
  cost: number;
  time: number;
  risk: number;
  latency: number;
}

/** The reference values of this run's normalisation: with `model.scoring`, every normalised value can be recomputed. */
export interface RecommendScales {
  /** Expected total of the cheapest survivor: normalised cost 0. */
  cheapestCost: RecommendMoney;
  /** Shortest expected time to result of the survivors, in days, at least `timeFloorDays`: normalised time 0. */
  fastestDays: number;
  /** The latency that normalises to 1: `latencyTargetMs` when given, else `latencyReferenceMs`; null without users. */
  latencyFullScaleMs: number | null;
}

export interface RankedCandidate extends RecommendCandidateLabel {
  /** 1 is the chosen one. */
  rank: number;
  /** Σ weight × normalised objective (weights summing to 1), so in [0, 1]; lower is better. */
  score: number;
  objectives: RecommendObjectives;
  normalised: RecommendNormalisedObjectives;
  riskFactors: RiskFactor[];
  onParetoFront: boolean;
  /** Chosen: why it beat the runner-up. Alternatives: how it compares with the chosen one. */
  why: string[];
  /** What could still go wrong although it passed: the high estimate over budget or past the deadline. */
  warnings: string[];
}

export interface RecommendationResult {
  chosen: RankedCandidate | null;
  /** The other survivors, ranked, at most MAX_ALTERNATIVES. */
  alternatives: RankedCandidate[];
  /** Survivors ranked but not listed in `alternatives`. */
  alternativesOmitted: number;
  /** candidateIds of the non-dominated survivors, in rank order (may include omitted ones). */
  paretoFront: string[];
  /** Every rejected candidate: the listed held-back pools in inventory's order, then the candidates in input order. */
  rejected: Rejection[];
  /** Rejections counted in `counts` but not listed in `rejected` (held-back pools inventory did not list). */
  rejectedOmitted: number;
  /** `candidates` is every pool considered, held back by inventory or not: survived + Σ rejectedByFilter = candidates. */
  counts: { candidates: number; survived: number; rejectedByFilter: Record<RejectionFilter, number> };
  /** The weights used, normalised to sum 1. */
  weights: RecommendWeights;
  /** What normalised cost, time and latency were measured against; null when nothing survived. */
  scales: RecommendScales | null;
  model: { latency: LatencyModel; risk: RiskModel; scoring: ScoringModel };
}

/** A documented constant of a model: its value and a one-line why. */
export interface ModelParameter {
  readonly value: number;
  readonly why: string;
}

export interface LatencyModel {
  readonly earthRadiusKm: ModelParameter;
  readonly fibreKmPerSecond: ModelParameter;
  readonly routeInflation: ModelParameter;
  readonly excludes: string;
}

export interface RiskModel {
  readonly outcomeBase: { readonly [K in VerdictOutcome]: ModelParameter };
  readonly perCondition: ModelParameter & { readonly max: number };
  readonly perAdvisory: ModelParameter & { readonly max: number };
  readonly reportedOnly: ModelParameter;
  /** contribution = min(high / low − 1, 1) × value. */
  readonly costUncertainty: ModelParameter;
  readonly stateFundedForeignAccelerator: ModelParameter;
  readonly cap: number;
}

export interface ScoringModel {
  /** Cost and time: normalised = min(1, log(value ÷ lowest) ÷ log(fullPenaltyRatio)). */
  readonly fullPenaltyRatio: ModelParameter;
  /** Time: days below this count as this many before the ratio is taken. */
  readonly timeFloorDays: ModelParameter;
  /** Latency without a target: normalised = min(1, ms ÷ latencyReferenceMs). */
  readonly latencyReferenceMs: ModelParameter;
  /** Risk: normalised = the risk score. */
  readonly risk: string;
}
