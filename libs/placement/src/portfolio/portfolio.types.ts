/** Kinds as the cost model groups them: TRAINING and FINE_TUNING are training spend, the two inference kinds are inference devices. */
export type PortfolioWorkloadKind = 'TRAINING' | 'FINE_TUNING' | 'INFERENCE' | 'BATCH_INFERENCE';

export interface PortfolioOption {
  readonly poolId: string;
  /** Expected cost in the report currency, as a decimal string. */
  readonly cost: string;
  readonly timeDays: number;
  /** 0..1 */
  readonly risk: number;
}

export interface PortfolioWorkload {
  readonly id: string;
  readonly kind: PortfolioWorkloadKind;
  /** Devices it holds on the pool it gets, for its whole window. */
  readonly devices: number;
  /** ISO date-times; the window is half-open, so a window ending when another starts does not overlap it. */
  readonly window: { readonly from: string; readonly to: string };
  /** Feasible pools only: compliance and fit are already applied. */
  readonly options: readonly PortfolioOption[];
  /** Workloads with the same group must land in the same country. */
  readonly group?: string;
}

export interface PortfolioCapacityInterval {
  readonly from: string;
  /** null: open-ended. */
  readonly to: string | null;
  readonly devices: number;
}

export interface PortfolioPool {
  readonly id: string;
  readonly countryCode: string;
  /** A chip of the home country in the home country (a CN chip in CN). */
  readonly domestic: boolean;
  /** Free devices per interval; intervals must not overlap; 0 outside them. */
  readonly capacity: readonly PortfolioCapacityInterval[];
}

export interface PortfolioPolicy {
  /** Total expected cost ≤ budget (decimal string, report currency). */
  readonly budget?: string;
  /** Share (0..1) of assigned inference devices that must sit on domestic pools. */
  readonly minDomesticInferenceShare?: number;
  /** Share (0..1) of training spend allowed in any single country. */
  readonly maxTrainingSpendShareInOneCountry?: number;
  /** Default true when groups are given. */
  readonly keepGroupsTogether?: boolean;
}

export interface PortfolioWeights {
  readonly cost: number;
  readonly time: number;
  readonly risk: number;
}

export interface PortfolioInput {
  readonly workloads: readonly PortfolioWorkload[];
  readonly pools: readonly PortfolioPool[];
  readonly policy: PortfolioPolicy;
  /** Objective = cost·Σcost/Σcheapest-cost + time·Σtime/Σshortest-time + risk·mean risk (see README). */
  readonly weights: PortfolioWeights;
  /** Wall-clock limit of the main solve, counted from the call (model building included); must be > 0. */
  readonly timeLimitSeconds: number;
  /** Default 0.01: the solve stops once (objective − bound) / objective ≤ this. */
  readonly mipRelGap?: number;
  /** Default false: every workload must be placed. */
  readonly allowUnassigned?: boolean;
  /**
   * Objective penalty per unassigned workload when allowUnassigned. Default: the sum of the
   * three weights, i.e. the whole objective of a plan that placed everything at its cheapest,
   * fastest and risk-free option, so leaving one workload out never pays for a better rest.
   */
  readonly unassignedPenalty?: number;
  /**
   * Wall-clock budget shared by the follow-up re-solves (binding-constraint relaxations, or the
   * conflict search when infeasible). Default: half of timeLimitSeconds, at most 10 s.
   */
  readonly analysisTimeLimitSeconds?: number;
  /** How many binding constraints get a relaxation re-solve (default 5, at most 5). */
  readonly maxRelaxations?: number;
}

export type PortfolioStatus = 'OPTIMAL' | 'FEASIBLE_TIME_LIMIT' | 'INFEASIBLE' | 'NO_SOLUTION_TIME_LIMIT';

export interface PortfolioAssignment {
  readonly workloadId: string;
  readonly poolId: string;
  readonly cost: string;
  readonly timeDays: number;
  readonly risk: number;
}

export interface PortfolioRelaxationSaving {
  /** What was relaxed, e.g. "budget 1000 → 1100 (+10 %)". */
  readonly relaxedBy: string;
  readonly objectiveBefore: number;
  readonly objectiveAfter: number;
  /** Exact decimal: plan cost minus the relaxed re-solve's cost (negative if the relaxed plan buys time or risk with money). */
  readonly costSaving: string;
}

export interface PortfolioBinding {
  /** e.g. "capacity pool-x 2027-01-01..2027-02-01", "budget", "domestic inference share ≥ 40%". */
  readonly constraint: string;
  /** In the constraint's unit: devices for capacity and domestic share, report currency for budget and country share. */
  readonly slack: number;
  readonly relaxationSaving: PortfolioRelaxationSaving | null;
}

export interface PortfolioPlan {
  readonly status: PortfolioStatus;
  readonly assignment: readonly PortfolioAssignment[];
  readonly unassigned: readonly string[];
  readonly totals: {
    /** Exact decimal sum of the chosen options' costs. */
    readonly cost: string;
    /** Device-weighted mean of the chosen options' timeDays (0 when nothing is placed). */
    readonly timeDaysWeightedMean: number;
    /** Mean risk of the chosen options (0 when nothing is placed). */
    readonly riskMean: number;
  };
  /** Objective of the returned plan, recomputed from the chosen options; null without a plan. */
  readonly objective: number | null;
  /** HiGHS' MIP dual bound (no plan can score below it); null when none was established. */
  readonly bound: number | null;
  /** HiGHS' relative gap (objective − bound) / |objective|; null without a plan. */
  readonly gap: number | null;
  /** Wall-clock seconds of the main solve (model building and greedy included, analysis excluded). */
  readonly solveSeconds: number;
  readonly timeLimitSeconds: number;
  readonly model: { readonly variables: number; readonly constraints: number; readonly binaries: number; readonly periods: number };
  readonly binding: readonly PortfolioBinding[];
  /** For INFEASIBLE: constraint families whose removal makes the model feasible; null otherwise. */
  readonly conflicts: readonly string[] | null;
  /** Each workload in input order takes its cheapest option that still fits capacity, ignoring policy. */
  readonly greedy: {
    readonly cost: string;
    readonly objective: number;
    /** True when the greedy plan satisfies every constraint of this model (placement and policy). */
    readonly feasible: boolean;
  };
  readonly verified: true;
}
