/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CapacityPoolFilter = {
  acceleratorId?: string | null | undefined;
  countryCode?: string | null | undefined;
  minFreeDevices?: number | null | undefined;
  minMemoryGbPerDevice?: number | null | undefined;
  /** Vendor country of the accelerator. */
  originCountry?: string | null | undefined;
  ownership?: Array<Ownership> | null | undefined;
  region?: SiteRegion | null | undefined;
  siteId?: string | null | undefined;
  vendor?: string | null | undefined;
  /** Compute free capacity over this window. */
  window?: TimeWindowInput | null | undefined;
};

export type ComplianceCheckInput = {
  data?: DataProfileInput | null | undefined;
  /** Evaluate as of this date (YYYY-MM-DD). */
  date: string;
  /** Where hardware moves to make the placement (buying or shipping). */
  hardwareMovement?: HardwareMovementInput | null | undefined;
  legalEntityId: string;
  /** How the entity would hold it; defaults to the pool's ownership model. */
  ownership?: Ownership | null | undefined;
  /** The candidate placement: a capacity pool (site, accelerator, operator). */
  poolId: string;
  /** A published rule-pack version (default: current). */
  rulePackVersion?: string | null | undefined;
  /** Countries whose public the inference serves. */
  servesPublicIn?: Array<string>;
  /** Keep this placement for what-if runs of draft rule packs. */
  track?: boolean;
  workloadKind: WorkloadKind;
};

export type CostComponentName =
  | 'CAPITAL'
  | 'COLOCATION_FEE'
  | 'COMPUTE_LEASE'
  | 'DATA_MOVEMENT'
  | 'DELAY'
  | 'POWER';

/** The workload to price. Training fields apply to TRAINING and FINE_TUNING, inference fields to INFERENCE and BATCH_INFERENCE. */
export type CostWorkloadInput = {
  /** Parameters active per token (all of them for a dense model): training FLOPs, and serving compute for an MoE model. */
  activeParameters?: number | null | undefined;
  /** A published model architecture of the cost scenarios (e.g. deepseek-v3, llama-3-1-70b): exact KV cache and parameter counts. */
  architectureId?: string | null | undefined;
  /** Inference: average demand, tokens/s. */
  averageTokensPerSecond?: number | null | undefined;
  /** Lease basis; default: the pool’s own. */
  basis?: LeaseBasis | null | undefined;
  /** Inference: sequences in flight per replica (default: as many as memory and the TPOT target allow). */
  concurrentSequences?: number | null | undefined;
  /** Inference: tokens each sequence holds, prompt + output (default 4,096). */
  contextLength?: number | null | undefined;
  /** What a day of licence or approval delay costs. */
  costOfDelayPerDay?: MoneyInput | null | undefined;
  dataMovements?: Array<DataMovementInput>;
  /** Training: devices to use on each pool (default: the whole pool). */
  devices?: number | null | undefined;
  /** Training: FLOPs directly, instead of activeParameters and tokens. */
  flops?: number | null | undefined;
  /** Inference: spare capacity over peak (0.2 = 20%). */
  headroom?: number | null | undefined;
  kind: WorkloadKind;
  /** Training: overrides the scenario MFU (fractions). */
  mfu?: RangeInput | null | undefined;
  mfuScenarioId?: string | null | undefined;
  /** DENSE or MOE (inference default DENSE). */
  modelType?: ModelType | null | undefined;
  /** Inference: months to price. */
  months?: number | null | undefined;
  /** Inference: peak demand, tokens/s. */
  peakTokensPerSecond?: number | null | undefined;
  /** Power draw as a fraction of TDP (default 1, conservative). */
  powerUtilisation?: number | null | undefined;
  /** Training: the precision whose dense peak MFU refers to; inference: the serving precision of the weights (default BF16). A chip without it runs at the nearest one it has, stated in the estimate. */
  precision?: Precision | null | undefined;
  throughputScenarioId?: string | null | undefined;
  /** Training: tokens; FLOPs = 6 × activeParameters × tokens. */
  tokens?: number | null | undefined;
  /** Inference: overrides the scenario throughput per device. */
  tokensPerSecondPerDevice?: RangeInput | null | undefined;
  /** All parameters (every expert of an MoE model): sizes memory for training and serving; the performance model needs it when no throughput or MFU is given. */
  totalParameters?: number | null | undefined;
  /** Inference: time per output token ceiling, ms (default 50; none for BATCH_INFERENCE). */
  tpotTargetMs?: number | null | undefined;
  /** Inference: time to first token ceiling, ms. */
  ttftTargetMs?: number | null | undefined;
};

/** INBOUND into the candidate site (counts toward time to result); OUTBOUND out of it. */
export type DataDirection =
  | 'INBOUND'
  | 'OUTBOUND';

export type DataMovementInput = {
  direction: DataDirection;
  /** Per GB; default: the site’s egress price (OUTBOUND), else egressScenarioId. */
  egressPricePerGb?: MoneyInput | null | undefined;
  /** A network.egressPrices row of the cost scenarios. */
  egressScenarioId?: string | null | undefined;
  kind: DataMovementKind;
  /** Sustained Gbit/s; default: the site’s international bandwidth, else linkScenarioId. */
  linkGbps?: number | null | undefined;
  /** A network.links row of the cost scenarios. */
  linkScenarioId?: string | null | undefined;
  mode: DataMovementMode;
  /** Decimal gigabytes. */
  volumeGb: number;
};

export type DataMovementKind =
  | 'CHECKPOINTS'
  | 'DATASET_TO_SITE'
  | 'OTHER'
  | 'WEIGHTS_TO_INFERENCE';

export type DataMovementMode =
  | 'NETWORK'
  | 'SHIP_DRIVES';

/** Personal and important data the workload moves (counts of individuals). */
export type DataProfileInput = {
  /** Already exported since 1 January this year. */
  cumulativePersonalInfoIndividualsThisYear?: number;
  cumulativeSensitivePersonalInfoIndividualsThisYear?: number;
  importantData?: boolean;
  /** Country where the data was collected. */
  originCountry?: string | null | undefined;
  personalInfoIndividuals?: number;
  /** Exported during the previous calendar year. */
  personalInfoIndividualsSincePreviousYear?: number;
  sensitivePersonalInfoIndividuals?: number;
  sensitivePersonalInfoIndividualsSincePreviousYear?: number;
};

/** P primary text, S secondary, E derived by arithmetic, UNVERIFIED no confirmed source. */
export type Evidence =
  | 'E'
  | 'P'
  | 'S'
  | 'UNVERIFIED';

export type HardwareMovementInput = {
  fromCountry: string;
  throughCountries?: Array<string>;
  toCountry: string;
};

/** The device-hour rate to price a lease at. */
export type LeaseBasis =
  | 'COMMITTED'
  | 'ON_DEMAND';

/** COMMITTED: spend of an accepted plan; ACTUAL: usage billed or metered. */
export type LedgerEntryType =
  | 'ACTUAL'
  | 'COMMITTED';

/** Ledger rows to read or report on: charge periods starting in [from, to). */
export type LedgerFilterInput = {
  acceleratorIds?: Array<string> | null | undefined;
  costCenters?: Array<string> | null | undefined;
  countryCodes?: Array<string> | null | undefined;
  entryTypes?: Array<LedgerEntryType> | null | undefined;
  from: string;
  siteIds?: Array<string> | null | undefined;
  to: string;
  vendors?: Array<string> | null | undefined;
  workloadKinds?: Array<WorkloadKind> | null | undefined;
};

/** DENSE, or mixture-of-experts (give active parameters per token). */
export type ModelType =
  | 'DENSE'
  | 'MOE';

export type MoneyInput = {
  /** Decimal string. */
  amount: string;
  currency: string;
};

/** How much each objective counts; normalised to sum 1. Lower cost, time, risk and latency are better. */
export type ObjectiveWeightsInput = {
  cost?: number;
  latency?: number;
  risk?: number;
  time?: number;
};

/** Buying the hardware, leasing remote capacity, or placing owned hardware in a third-party facility. */
export type Ownership =
  | 'COLOCATION'
  | 'LEASED_IAAS'
  | 'OWNED';

/** Many workloads placed at once by a MIP (HiGHS). */
export type PlanPortfolioInput = {
  /** Stop at this relative gap (default 0.01). */
  mipRelGap?: number | null | undefined;
  policy?: PortfolioPolicyInput | null | undefined;
  /** Solver time limit, seconds (always set). */
  timeLimitSeconds?: number;
  weights?: PortfolioWeightsInput | null | undefined;
  workloads: Array<PortfolioWorkloadInput>;
};

export type PortfolioPolicyInput = {
  /** Total expected cost ≤ budget (report currency). */
  budget?: string | null | undefined;
  /** Default true when groups are given. */
  keepGroupsTogether?: boolean | null | undefined;
  /** Share (0..1) of training spend allowed in any one country. */
  maxTrainingSpendShareInOneCountry?: number | null | undefined;
  /** Share (0..1) of inference devices on domestic chips at home. */
  minDomesticInferenceShare?: number | null | undefined;
};

export type PortfolioWeightsInput = {
  cost?: number;
  risk?: number;
  time?: number;
};

export type PortfolioWorkloadInput = {
  /** Workloads of one group must land in the same country. */
  group?: string | null | undefined;
  /** Unique within the portfolio. */
  id: string;
  workload: WorkloadInput;
};

export type Precision =
  | 'BF16'
  | 'FP4'
  | 'FP8'
  | 'FP16'
  | 'INT4'
  | 'INT8'
  | 'TF32';

/** ON_DEMAND and COMMITTED: per device-hour. CAPEX: purchase price per device. */
export type PriceBasis =
  | 'CAPEX'
  | 'COMMITTED'
  | 'ON_DEMAND';

/** An uncertain input: low ≤ expected ≤ high. */
export type RangeInput = {
  expected: number;
  high: number;
  low: number;
};

export type ReportDimension =
  | 'ACCELERATOR'
  | 'COST_CENTER'
  | 'COUNTRY'
  | 'MONTH'
  | 'SITE'
  | 'VENDOR'
  | 'WORKLOAD_KIND';

/** How the authority decides: a US licence review policy, a published processing or notification period, or nothing published (the lead time is then assumed). */
export type ReviewPolicy =
  | 'CASE_BY_CASE'
  | 'NOT_PUBLISHED'
  | 'PRESUMPTION_OF_APPROVAL'
  | 'PRESUMPTION_OF_DENIAL'
  | 'PUBLISHED_PROCESSING_TIME';

export type RuleFamily =
  | 'DATA_TRANSFER'
  | 'DOMESTIC_POLICY'
  | 'EXPORT_CONTROL'
  | 'HOST_COUNTRY'
  | 'RISK';

export type RuleStatus =
  | 'IN_FORCE'
  | 'NOT_ENFORCED'
  | 'PROPOSED'
  | 'REPORTED_ONLY';

export type SiteRegion =
  | 'CHINA'
  | 'GULF'
  | 'JAPAN'
  | 'SOUTHEAST_ASIA'
  | 'UNITED_STATES';

/** Half-open [from, to) in UTC. */
export type TimeWindowInput = {
  from: string;
  to: string;
};

/** Where the inference’s users are, for the latency estimate. */
export type UsersLocationInput = {
  /** A name for the explanation, e.g. "Shanghai". */
  label: string;
  latitude: number;
  longitude: number;
};

export type VerdictOutcome =
  | 'ALLOWED'
  | 'ALLOWED_WITH_CONDITIONS'
  | 'LICENSE_REQUIRED'
  | 'PROHIBITED';

/** One training or inference workload to place. */
export type WorkloadInput = {
  /** Keep options that need a licence (their lead time counts). */
  acceptLicensed?: boolean;
  /** In the report currency; compared with the expected total. */
  budget?: MoneyInput | null | undefined;
  costCenter: string;
  currency?: string;
  data?: DataProfileInput | null | undefined;
  /** Result needed by (ISO 8601 date-time). */
  deadline?: string | null | undefined;
  /** Site countries to leave out. */
  excludeCountries?: Array<string> | null | undefined;
  excludeOriginCountries?: Array<string> | null | undefined;
  excludeVendors?: Array<string> | null | undefined;
  /** Round-trip latency target to the users, ms. */
  latencyTargetMs?: number | null | undefined;
  legalEntityId: string;
  /** Memory each device needs, GB (default: no minimum). */
  minMemoryGbPerDevice?: number | null | undefined;
  name?: string | null | undefined;
  /** Chip origin countries to allow. */
  originCountries?: Array<string> | null | undefined;
  ownership?: Array<Ownership> | null | undefined;
  /** Price and check as of this date (default: today, UTC). */
  pricingDate?: string | null | undefined;
  /** Countries whose public the inference serves. */
  servesPublicIn?: Array<string>;
  /** Total parameters (all experts); workload.totalParameters, when given, wins. Sizes memory in the performance model. */
  totalParameters?: number | null | undefined;
  users?: UsersLocationInput | null | undefined;
  vendors?: Array<string> | null | undefined;
  weights?: ObjectiveWeightsInput | null | undefined;
  /** When the capacity is needed. */
  window: TimeWindowInput;
  /** Kind, model size, tokens or load, data movements, cost of delay. */
  workload: CostWorkloadInput;
};

export type WorkloadKind =
  | 'BATCH_INFERENCE'
  | 'FINE_TUNING'
  | 'INFERENCE'
  | 'TRAINING';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, roles: Array<string> } | null };

export type SitesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type SitesQuery = { sites: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, city: string, countryCode: string, region: SiteRegion, operator: string, latitude: number, longitude: number, stateFunded: boolean, pue: { value: string } | null, powerPrice: { perKwh: { amount: string, currency: string } } | null } }> } };

export type PoolsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: CapacityPoolFilter | null | undefined;
}>;


export type PoolsQuery = { capacityPools: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, deviceCount: number, freeDevices: number, ownership: Ownership, price: { basis: PriceBasis, amount: { amount: string, currency: string } } | null, site: { id: string, name: string, countryCode: string }, accelerator: { id: string, name: string, vendor: string, originCountry: string } } }> } };

export type LegalEntitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type LegalEntitiesQuery = { legalEntities: Array<{ id: string, name: string, hqCountry: string }> };

export type RecommendMutationVariables = Exact<{
  input: WorkloadInput;
}>;


export type RecommendMutation = { recommendPlacement: { id: string, pricingDate: string, alternativesOmitted: number, paretoFront: Array<string>, chosen: { candidateId: string, poolId: string, siteId: string, siteName: string, countryCode: string, acceleratorName: string, vendor: string, ownership: Ownership, verdictOutcome: VerdictOutcome, rank: number, score: number, onParetoFront: boolean, why: Array<string>, warnings: Array<string>, objectives: { timeToResultDays: number, leadTimeDays: number, riskScore: number, latencyMs: number | null, totalCost: { amount: string, low: string, high: string, currency: string } }, estimate: { components: Array<{ name: CostComponentName, cost: { expected: string, currency: string } }> } | null } | null, alternatives: Array<{ candidateId: string, poolId: string, siteId: string, siteName: string, countryCode: string, acceleratorName: string, vendor: string, ownership: Ownership, verdictOutcome: VerdictOutcome, rank: number, score: number, onParetoFront: boolean, why: Array<string>, warnings: Array<string>, objectives: { timeToResultDays: number, leadTimeDays: number, riskScore: number, latencyMs: number | null, totalCost: { amount: string, low: string, high: string, currency: string } }, estimate: { components: Array<{ name: CostComponentName, cost: { expected: string, currency: string } }> } | null }>, rejected: Array<{ candidateId: string, poolId: string, siteName: string, countryCode: string, acceleratorName: string, ownership: Ownership, filter: string, reason: string, verdictOutcome: VerdictOutcome | null, rules: Array<{ ruleId: string, title: string, status: string, outcome: VerdictOutcome, citations: Array<{ text: string, url: string | null }> }> }>, counts: { matched: number, candidates: number, survived: number, rejectedByFilter: Array<{ filter: string, count: number }> } } };

export type RankedFieldsFragment = { candidateId: string, poolId: string, siteId: string, siteName: string, countryCode: string, acceleratorName: string, vendor: string, ownership: Ownership, verdictOutcome: VerdictOutcome, rank: number, score: number, onParetoFront: boolean, why: Array<string>, warnings: Array<string>, objectives: { timeToResultDays: number, leadTimeDays: number, riskScore: number, latencyMs: number | null, totalCost: { amount: string, low: string, high: string, currency: string } }, estimate: { components: Array<{ name: CostComponentName, cost: { expected: string, currency: string } }> } | null };

export type PlanPortfolioMutationVariables = Exact<{
  input: PlanPortfolioInput;
}>;


export type PlanPortfolioMutation = { planPortfolio: { id: string, status: string, objective: number | null, bound: number | null, gap: number | null, solveSeconds: number, timeLimitSeconds: number, conflicts: Array<string> | null, unassigned: Array<string>, assignment: Array<{ workloadId: string, poolId: string, siteId: string, countryCode: string, cost: string, timeDays: number, risk: number, recommendationId: string }>, binding: Array<{ constraint: string, slack: number, relaxationSaving: { relaxedBy: string, costSaving: string, objectiveBefore: number, objectiveAfter: number } | null }>, withoutOptions: Array<{ workloadId: string, reason: string }>, greedy: { cost: string, feasible: boolean, objective: number }, totals: { cost: string, currency: string, riskMean: number, timeDaysWeightedMean: number }, model: { variables: number, binaries: number, constraints: number, periods: number } } };

export type AcceptPlanMutationVariables = Exact<{
  id: string | number;
}>;


export type AcceptPlanMutation = { acceptPlan: { planId: string, placements: Array<{ id: string, poolId: string, devices: number, reservationId: string, verdictOutcome: VerdictOutcome, committed: { amount: string, currency: string }, window: { from: string, to: string } }> } };

export type ComplianceCheckQueryVariables = Exact<{
  input: ComplianceCheckInput;
}>;


export type ComplianceCheckQuery = { complianceCheck: { poolId: string, verdict: { outcome: VerdictOutcome, evaluatedFor: string, rulePackVersion: string, leadTimeDays: number, disclaimer: string, notTriggered: Array<string>, derived: Record<string, unknown>, leadTime: { low: number, expected: number, high: number, assumed: boolean, policy: ReviewPolicy | null, ruleId: string } | null, reasons: Array<{ ruleId: string, title: string, family: RuleFamily, status: RuleStatus, outcome: VerdictOutcome, citations: Array<{ text: string, url: string | null, evidence: Evidence }>, triggeredBy: Array<{ fact: string, value: unknown }> }>, advisories: Array<{ ruleId: string, title: string, family: RuleFamily, status: RuleStatus, outcome: VerdictOutcome, citations: Array<{ text: string, url: string | null, evidence: Evidence }>, triggeredBy: Array<{ fact: string, value: unknown }> }>, conditions: Array<{ ruleId: string, description: string, leadTimeDays: number | null }> } } };

export type ReasonFieldsFragment = { ruleId: string, title: string, family: RuleFamily, status: RuleStatus, outcome: VerdictOutcome, citations: Array<{ text: string, url: string | null, evidence: Evidence }>, triggeredBy: Array<{ fact: string, value: unknown }> };

export type RulePacksQueryVariables = Exact<{ [key: string]: never; }>;


export type RulePacksQuery = { rulePacks: Array<{ version: string, title: string, current: boolean, ruleCount: number, publishedAt: string, publishedBy: string }> };

export type RulePackQueryVariables = Exact<{
  version: string;
}>;


export type RulePackQuery = { rulePack: { document: Record<string, unknown>, summary: { version: string, title: string } } };

export type WhatIfQueryVariables = Exact<{
  draft: Record<string, unknown>;
}>;


export type WhatIfQuery = { whatIfRulePack: { baseVersion: string, draftVersion: string, evaluated: number, changes: Array<{ placementId: string, before: VerdictOutcome, after: VerdictOutcome, decidingRulesBefore: Array<string>, decidingRulesAfter: Array<string> }> } };

export type CostReportQueryVariables = Exact<{
  filter: LedgerFilterInput;
  groupBy: Array<ReportDimension> | ReportDimension;
  currency: string;
}>;


export type CostReportQuery = { costReport: { currency: string, fxDate: string, fxRatesVersion: string, groupBy: Array<ReportDimension>, rows: Array<{ committed: string, actual: string, budget: string | null, variance: string | null, variancePercent: string | null, overBudget: boolean | null, forecastOverBudget: boolean | null, entryCount: number, key: { costCenter: string | null, siteId: string | null, vendor: string | null, month: string | null, countryCode: string | null, acceleratorId: string | null, workloadKind: WorkloadKind | null } }>, totals: { committed: string, actual: string, budget: string | null, variance: string | null, overBudget: boolean | null, forecastOverBudget: boolean | null, entryCount: number } } };

export type BudgetsQueryVariables = Exact<{
  from: string;
  to: string;
  costCenters?: Array<string> | string | null | undefined;
}>;


export type BudgetsQuery = { budgets: Array<{ costCenter: string, month: string, amount: string, currency: string, setBy: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const RankedFieldsFragmentDoc = new TypedDocumentString(`
    fragment RankedFields on RankedPlacement {
  candidateId
  poolId
  siteId
  siteName
  countryCode
  acceleratorName
  vendor
  ownership
  verdictOutcome
  rank
  score
  onParetoFront
  why
  warnings
  objectives {
    totalCost {
      amount
      low
      high
      currency
    }
    timeToResultDays
    leadTimeDays
    riskScore
    latencyMs
  }
  estimate {
    components {
      name
      cost {
        expected
        currency
      }
    }
  }
}
    `, {"fragmentName":"RankedFields"}) as unknown as TypedDocumentString<RankedFieldsFragment, unknown>;
export const ReasonFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReasonFields on VerdictReason {
  ruleId
  title
  family
  status
  outcome
  citations {
    text
    url
    evidence
  }
  triggeredBy {
    fact
    value
  }
}
    `, {"fragmentName":"ReasonFields"}) as unknown as TypedDocumentString<ReasonFieldsFragment, unknown>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    roles
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const SitesDocument = new TypedDocumentString(`
    query Sites($first: Int!, $after: String) {
  sites(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        city
        countryCode
        region
        operator
        latitude
        longitude
        stateFunded
        pue {
          value
        }
        powerPrice {
          perKwh {
            amount
            currency
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SitesQuery, SitesQueryVariables>;
export const PoolsDocument = new TypedDocumentString(`
    query Pools($first: Int!, $after: String, $filter: CapacityPoolFilter) {
  capacityPools(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        deviceCount
        freeDevices
        ownership
        price {
          basis
          amount {
            amount
            currency
          }
        }
        site {
          id
          name
          countryCode
        }
        accelerator {
          id
          name
          vendor
          originCountry
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PoolsQuery, PoolsQueryVariables>;
export const LegalEntitiesDocument = new TypedDocumentString(`
    query LegalEntities {
  legalEntities {
    id
    name
    hqCountry
  }
}
    `) as unknown as TypedDocumentString<LegalEntitiesQuery, LegalEntitiesQueryVariables>;
export const RecommendDocument = new TypedDocumentString(`
    mutation Recommend($input: WorkloadInput!) {
  recommendPlacement(input: $input) {
    id
    pricingDate
    chosen {
      ...RankedFields
    }
    alternatives {
      ...RankedFields
    }
    alternativesOmitted
    paretoFront
    rejected {
      candidateId
      poolId
      siteName
      countryCode
      acceleratorName
      ownership
      filter
      reason
      verdictOutcome
      rules {
        ruleId
        title
        status
        outcome
        citations {
          text
          url
        }
      }
    }
    counts {
      matched
      candidates
      survived
      rejectedByFilter {
        filter
        count
      }
    }
  }
}
    fragment RankedFields on RankedPlacement {
  candidateId
  poolId
  siteId
  siteName
  countryCode
  acceleratorName
  vendor
  ownership
  verdictOutcome
  rank
  score
  onParetoFront
  why
  warnings
  objectives {
    totalCost {
      amount
      low
      high
      currency
    }
    timeToResultDays
    leadTimeDays
    riskScore
    latencyMs
  }
  estimate {
    components {
      name
      cost {
        expected
        currency
      }
    }
  }
}`) as unknown as TypedDocumentString<RecommendMutation, RecommendMutationVariables>;
export const PlanPortfolioDocument = new TypedDocumentString(`
    mutation PlanPortfolio($input: PlanPortfolioInput!) {
  planPortfolio(input: $input) {
    id
    status
    objective
    bound
    gap
    solveSeconds
    timeLimitSeconds
    assignment {
      workloadId
      poolId
      siteId
      countryCode
      cost
      timeDays
      risk
      recommendationId
    }
    binding {
      constraint
      slack
      relaxationSaving {
        relaxedBy
        costSaving
        objectiveBefore
        objectiveAfter
      }
    }
    conflicts
    unassigned
    withoutOptions {
      workloadId
      reason
    }
    greedy {
      cost
      feasible
      objective
    }
    totals {
      cost
      currency
      riskMean
      timeDaysWeightedMean
    }
    model {
      variables
      binaries
      constraints
      periods
    }
  }
}
    `) as unknown as TypedDocumentString<PlanPortfolioMutation, PlanPortfolioMutationVariables>;
export const AcceptPlanDocument = new TypedDocumentString(`
    mutation AcceptPlan($id: ID!) {
  acceptPlan(id: $id) {
    planId
    placements {
      id
      poolId
      devices
      reservationId
      verdictOutcome
      committed {
        amount
        currency
      }
      window {
        from
        to
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptPlanMutation, AcceptPlanMutationVariables>;
export const ComplianceCheckDocument = new TypedDocumentString(`
    query ComplianceCheck($input: ComplianceCheckInput!) {
  complianceCheck(input: $input) {
    poolId
    verdict {
      outcome
      evaluatedFor
      rulePackVersion
      leadTimeDays
      disclaimer
      notTriggered
      derived
      leadTime {
        low
        expected
        high
        assumed
        policy
        ruleId
      }
      reasons {
        ...ReasonFields
      }
      advisories {
        ...ReasonFields
      }
      conditions {
        ruleId
        description
        leadTimeDays
      }
    }
  }
}
    fragment ReasonFields on VerdictReason {
  ruleId
  title
  family
  status
  outcome
  citations {
    text
    url
    evidence
  }
  triggeredBy {
    fact
    value
  }
}`) as unknown as TypedDocumentString<ComplianceCheckQuery, ComplianceCheckQueryVariables>;
export const RulePacksDocument = new TypedDocumentString(`
    query RulePacks {
  rulePacks {
    version
    title
    current
    ruleCount
    publishedAt
    publishedBy
  }
}
    `) as unknown as TypedDocumentString<RulePacksQuery, RulePacksQueryVariables>;
export const RulePackDocument = new TypedDocumentString(`
    query RulePack($version: String!) {
  rulePack(version: $version) {
    summary {
      version
      title
    }
    document
  }
}
    `) as unknown as TypedDocumentString<RulePackQuery, RulePackQueryVariables>;
export const WhatIfDocument = new TypedDocumentString(`
    query WhatIf($draft: JSONObject!) {
  whatIfRulePack(draft: $draft) {
    baseVersion
    draftVersion
    evaluated
    changes {
      placementId
      before
      after
      decidingRulesBefore
      decidingRulesAfter
    }
  }
}
    `) as unknown as TypedDocumentString<WhatIfQuery, WhatIfQueryVariables>;
export const CostReportDocument = new TypedDocumentString(`
    query CostReport($filter: LedgerFilterInput!, $groupBy: [ReportDimension!]!, $currency: String!) {
  costReport(filter: $filter, groupBy: $groupBy, currency: $currency) {
    currency
    fxDate
    fxRatesVersion
    groupBy
    rows {
      key {
        costCenter
        siteId
        vendor
        month
        countryCode
        acceleratorId
        workloadKind
      }
      committed
      actual
      budget
      variance
      variancePercent
      overBudget
      forecastOverBudget
      entryCount
    }
    totals {
      committed
      actual
      budget
      variance
      overBudget
      forecastOverBudget
      entryCount
    }
  }
}
    `) as unknown as TypedDocumentString<CostReportQuery, CostReportQueryVariables>;
export const BudgetsDocument = new TypedDocumentString(`
    query Budgets($from: String!, $to: String!, $costCenters: [String!]) {
  budgets(from: $from, to: $to, costCenters: $costCenters) {
    costCenter
    month
    amount
    currency
    setBy
  }
}
    `) as unknown as TypedDocumentString<BudgetsQuery, BudgetsQueryVariables>;