import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceFactsV1, LegalEntityV1, PlacementFactsV1, RulePackV1, WorkloadFactsV1 } from '@cp/contracts';

type Accelerator = PlacementFactsV1['accelerator'];
type Movement = NonNullable<PlacementFactsV1['hardwareMovement']>;

/** The published pack, as the scenario suite and what-if tests read it. */
export function loadRulePack(): RulePackV1 {
  return JSON.parse(readFileSync(join('data', 'rule-packs', 'rule-pack.v1.json'), 'utf8')) as RulePackV1;
}

const nvidia = (id: string, figures: Pick<Accelerator, 'tpp' | 'performanceDensity' | 'memoryBandwidthGBps' | 'interconnectGBps'>): Accelerator => ({
  id,
  vendor: 'NVIDIA',
  originCountry: 'US',
  designedForDataCenter: true,
  ...figures,
});

/** Per-IC figures from fact sheet §4.1/§4.2; `fixture-*` rows are made up to reach a class boundary. */
export const Chips = {
  H100: nvidia('nvidia-h100-sxm', { tpp: 15831.2, performanceDensity: 19.449, memoryBandwidthGBps: 3350, interconnectGBps: 900 }),
  H200: nvidia('nvidia-h200-sxm', { tpp: 15831.2, performanceDensity: 19.449, memoryBandwidthGBps: 4800, interconnectGBps: 900 }),
  B200: nvidia('nvidia-b200-sxm', { tpp: 36000, performanceDensity: 22.5, memoryBandwidthGBps: 8000, interconnectGBps: 1800 }),
  A100: nvidia('nvidia-a100-sxm', { tpp: 4992, performanceDensity: 6.04, memoryBandwidthGBps: 2040, interconnectGBps: 600 }),
  A800: nvidia('nvidia-a800-sxm', { tpp: 4992, performanceDensity: 6.04, memoryBandwidthGBps: 2000, interconnectGBps: 400 }),
  H20: nvidia('nvidia-h20', { tpp: 2368, performanceDensity: 2.91, memoryBandwidthGBps: 4000, interconnectGBps: 900 }),
  L20: nvidia('nvidia-l20', { tpp: 1912, performanceDensity: 3.14, memoryBandwidthGBps: 864, interconnectGBps: null }),
  RTX_PRO_6000D: nvidia('nvidia-rtx-pro-6000d', { tpp: null, performanceDensity: null, memoryBandwidthGBps: 1400, interconnectGBps: null }),
  ASCEND_910B: {
    id: 'huawei-ascend-910b', vendor: 'Huawei', originCountry: 'CN', designedForDataCenter: true,
    tpp: 5120, performanceDensity: 7.7, memoryBandwidthGBps: 1600, interconnectGBps: 392,
  },
  ASCEND_950PR: {
    id: 'huawei-ascend-950pr', vendor: 'Huawei', originCountry: 'CN', designedForDataCenter: true,
    tpp: 6800, performanceDensity: null, memoryBandwidthGBps: 1400, interconnectGBps: null,
  },
  /** An HBM stack shipped as an item: no processing units, a memory bandwidth. */
  HBM_STACK: {
    id: 'fixture-hbm3e-stack', vendor: 'SK hynix', originCountry: 'KR', designedForDataCenter: true,
    tpp: 0, performanceDensity: null, memoryBandwidthGBps: 1200, interconnectGBps: null,
  },
  /** MI308-class: below every 3A090 test, H20-class memory bandwidth (figures illustrative). */
  MI308: {
    id: 'fixture-amd-mi308', vendor: 'AMD', originCountry: 'US', designedForDataCenter: true,
    tpp: 2300, performanceDensity: 3.0, memoryBandwidthGBps: 5300, interconnectGBps: 800,
  },
  /** Datacenter 3A090.b: 2400 <= TPP < 4800 and 1.6 <= PD < 5.92. */
  DC_3A090B: {
    id: 'fixture-dc-3a090b', vendor: 'ExampleCo', originCountry: 'US', designedForDataCenter: true,
    tpp: 3000, performanceDensity: 2.0, memoryBandwidthGBps: 1000, interconnectGBps: 400,
  },
  /** Not designed for data centres, TPP >= 4800: 3A090.a, NAC-eligible. */
  CONSUMER_3A090A: {
    id: 'fixture-consumer-5285', vendor: 'NVIDIA', originCountry: 'US', designedForDataCenter: false,
    tpp: 5285, performanceDensity: 8.7, memoryBandwidthGBps: 1000, interconnectGBps: null,
  },
  /** Not designed for data centres, TPP < 4800: outside 3A090 by Note 2. */
  CONSUMER_LOW: {
    id: 'fixture-consumer-3000', vendor: 'NVIDIA', originCountry: 'US', designedForDataCenter: false,
    tpp: 3000, performanceDensity: 4.0, memoryBandwidthGBps: 700, interconnectGBps: null,
  },
} satisfies Record<string, Accelerator>;

export const Entities = {
  SG: { id: 'sg-ai-co', name: 'SG AI Pte', hqCountry: 'SG', ultimateParentHqCountry: null, isCiio: false, restrictedParty: false },
  CN: { id: 'cn-ai-co', name: 'CN AI Co', hqCountry: 'CN', ultimateParentHqCountry: null, isCiio: false, restrictedParty: false },
  SG_WITH_CN_PARENT: { id: 'sg-sub-of-cn', name: 'SG Sub Pte', hqCountry: 'SG', ultimateParentHqCountry: 'CN', isCiio: false, restrictedParty: false },
} satisfies Record<string, LegalEntityV1>;

export const Sites = {
  SG: { id: 'sg-loyang', countryCode: 'SG', stateFunded: false },
  JOHOR: { id: 'my-johor-sedenak', countryCode: 'MY', stateFunded: false },
  CN: { id: 'cn-gui-an', countryCode: 'CN', stateFunded: false },
  CN_STATE: { id: 'cn-qingyang-state', countryCode: 'CN', stateFunded: true },
  US: { id: 'us-ashburn', countryCode: 'US', stateFunded: false },
} satisfies Record<string, PlacementFactsV1['site']>;

export const Operators = {
  SG: { name: 'SG Cloud Pte', hqCountry: 'SG', ultimateParentHqCountry: null },
  CN: { name: 'CN Cloud Co', hqCountry: 'CN', ultimateParentHqCountry: null },
  US: { name: 'US Cloud Inc', hqCountry: 'US', ultimateParentHqCountry: null },
} satisfies Record<string, PlacementFactsV1['operator']>;

export const moving = (fromCountry: string, toCountry: string, throughCountries: string[] = []): Movement => ({ fromCountry, toCountry, throughCountries });

export interface ScenarioOverrides {
  date?: string;
  entity?: Partial<LegalEntityV1>;
  workload?: Partial<Omit<WorkloadFactsV1, 'data'>> & { data?: Partial<WorkloadFactsV1['data']> };
  placement?: Partial<PlacementFactsV1>;
}

/**
 * Facts that trigger nothing by default: a Singapore entity leasing H100 capacity in place from
 * a Singapore operator in Singapore on 2026-06-01, training on no personal data.
 */
export function aScenario(overrides: ScenarioOverrides = {}): ComplianceFactsV1 {
  const { data, ...workload } = overrides.workload ?? {};
  return {
    date: overrides.date ?? '2026-06-01',
    entity: { ...Entities.SG, ...overrides.entity },
    workload: {
      kind: 'TRAINING',
      servesPublicIn: [],
      ...workload,
      data: {
        originCountry: null,
        personalInfoIndividuals: 0,
        sensitivePersonalInfoIndividuals: 0,
        importantData: false,
        cumulativePersonalInfoIndividualsThisYear: 0,
        cumulativeSensitivePersonalInfoIndividualsThisYear: 0,
        personalInfoIndividualsSincePreviousYear: 0,
        sensitivePersonalInfoIndividualsSincePreviousYear: 0,
        ...data,
      },
    },
    placement: {
      accelerator: Chips.H100,
      site: Sites.SG,
      operator: Operators.SG,
      ownership: 'LEASED_IAAS',
      hardwareMovement: null,
      ...overrides.placement,
    },
  };
}
