import type { CostEstimateV1, VerdictV1 } from '@cp/contracts';
import type { RecommendCandidate, RecommendInput } from '../recommend.types.js';

type Reason = VerdictV1['reasons'][number];

export function aReason(overrides: Partial<Reason> = {}): Reason {
  return {
    ruleId: 'us-ear-3a090-d5',
    title: 'US EAR: 3A090 items to D:5 headquartered entities',
    family: 'EXPORT_CONTROL',
    status: 'IN_FORCE',
    outcome: 'PROHIBITED',
    citations: [{ text: '15 CFR 744.23 (fact sheet §1.1)', url: 'https://www.ecfr.gov/current/title-15/part-744/section-744.23', evidence: 'P' }],
    triggeredBy: [{ fact: 'placement.accelerator.id', value: 'nvidia-h100-sxm' }],
    review: null,
    ...overrides,
  };
}

export function aVerdict(overrides: Partial<VerdictV1> = {}): VerdictV1 {
  return {
    outcome: 'ALLOWED',
    reasons: [],
    advisories: [],
    conditions: [],
    leadTimeDays: 0,
    leadTime: null,
    notTriggered: [],
    derived: {},
    rulePackVersion: '2026.06.0',
    evaluatedFor: '2027-01-04',
    disclaimer: 'Decision support only, not legal advice.',
    ...overrides,
  };
}

const range = (low: string, expected: string, high: string, unit: string) => ({ low, expected, high, unit });

export interface EstimateShape {
  /** Expected total; low and high default to 0.9× and 1.2×. */
  cost?: string;
  low?: string;
  high?: string;
  currency?: string;
  leadTimeDays?: number;
  transferDays?: string;
  runDays?: string;
  /** High time to result; default: expected + 10%. */
  timeHigh?: string;
}

/** A training estimate: time to result = lead time + transfer + run. */
export function anEstimate(shape: EstimateShape = {}): CostEstimateV1 {
  const currency = shape.currency ?? 'USD';
  const cost = shape.cost ?? '1000000';
  const low = shape.low ?? String(Number(cost) * 0.9);
  const high = shape.high ?? String(Number(cost) * 1.2);
  const lead = shape.leadTimeDays ?? 0;
  const transfer = shape.transferDays ?? '2';
  const run = shape.runDays ?? '30';
  const ttr = String(lead + Number(transfer) + Number(run));
  const ttrHigh = shape.timeHigh ?? String(Number(ttr) * 1.1);
  return {
    currency,
    total: { low, expected: cost, high, currency },
    components: [{ name: 'COMPUTE_LEASE', cost: { low, expected: cost, high, currency } }],
    devices: range('1024', '1024', '1024', 'devices'),
    deviceHours: range('700000', '737280', '800000', 'device-hours'),
    computeHours: range(String(Number(run) * 24), String(Number(run) * 24), String(Number(run) * 24), 'hours'),
    transferDays: range(transfer, transfer, transfer, 'days'),
    leadTimeDays: lead,
    timeToResultDays: range(ttr, ttr, ttrHigh, 'days'),
    listCost: null,
    priceSource: { kind: 'POOL', basis: 'ON_DEMAND', detail: 'pool price' },
    breakdown: [],
    assumptions: [],
  };
}

export interface CandidateShape {
  id?: string;
  siteName?: string;
  country?: string;
  latitude?: number;
  longitude?: number;
  stateFunded?: boolean;
  originCountry?: string;
  verdict?: Partial<VerdictV1>;
  estimate?: EstimateShape | null;
  costError?: RecommendCandidate['costError'];
}

/** A leased H100 pool in Johor unless told otherwise. */
export function aCandidate(shape: CandidateShape = {}): RecommendCandidate {
  const id = shape.id ?? 'pool-my-johor-sedenak-pdg-h100-sxm-1';
  const siteId = `site-of-${id.replace(/^pool-/, '')}`;
  return {
    candidateId: id,
    pool: { id, siteId, acceleratorId: 'nvidia-h100-sxm', ownership: 'LEASED_IAAS', deviceCount: 1024, freeDevices: 1024, availableFrom: '2027-01-01T00:00:00Z', availableTo: null },
    site: {
      id: siteId,
      name: shape.siteName ?? 'Princeton Digital Group JH1, Sedenak Tech Park, Johor',
      countryCode: shape.country ?? 'MY',
      region: 'Southeast Asia',
      latitude: shape.latitude ?? 1.68,
      longitude: shape.longitude ?? 103.55,
      stateFunded: shape.stateFunded ?? false,
      operator: 'Princeton Digital Group',
    },
    accelerator: { id: 'nvidia-h100-sxm', name: 'NVIDIA H100 SXM5 80GB', vendor: 'NVIDIA', originCountry: shape.originCountry ?? 'US' },
    verdict: aVerdict(shape.verdict),
    estimate: shape.estimate === null ? null : anEstimate(shape.estimate),
    costError: shape.costError ?? (shape.estimate === null ? { code: 'MISSING_PRICE', message: 'no COMMITTED rate for nvidia-h100-sxm', missing: 'priceBook.COMMITTED' } : null),
  };
}

export function anInput(overrides: Partial<RecommendInput> = {}): RecommendInput {
  return {
    kind: 'TRAINING',
    now: '2027-01-04T00:00:00Z',
    deadline: null,
    budget: null,
    acceptLicensed: false,
    users: null,
    latencyTargetMs: null,
    weights: { cost: 1, time: 1, risk: 1, latency: 0 },
    candidates: [aCandidate()],
    ...overrides,
  };
}

/** Shanghai (People's Square), for latency cases. */
export const SHANGHAI = { latitude: 31.23, longitude: 121.47, label: 'Shanghai users' };
