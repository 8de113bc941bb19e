import { describe, expect, it } from '@jest/globals';
import type { ComplianceFactsV1, PlacementFactsV1, VerdictOutcome } from '@cp/contracts';
import { compileRulePack } from './compile-rule-pack.js';
import { decidingRuleIds, evaluate } from './evaluate.js';
import { aScenario, Chips, Entities, loadRulePack, moving, Operators, Sites, type ScenarioOverrides } from './test/a-scenario.js';

const pack = compileRulePack(loadRulePack());

interface Scenario {
  name: string;
  facts: ComplianceFactsV1;
  outcome: VerdictOutcome;
  /** The binding rules at the outcome's severity (empty: nothing binding fired). */
  deciding: string[];
  advisories?: string[];
  /** The verdict's lead time [low, expected, high] in days; null when nothing binding takes time. */
  leadTime?: [number, number, number] | null;
}

const scenario = (name: string, overrides: ScenarioOverrides, outcome: VerdictOutcome, deciding: string[], extra: Pick<Scenario, 'advisories' | 'leadTime'> = {}): Scenario => ({
  name,
  facts: aScenario(overrides),
  outcome,
  deciding,
  ...extra,
});

/** A Chinese entity buying chips and shipping them from the US to its own site in China. */
const shipToChina = (date: string, accelerator: PlacementFactsV1['accelerator'] = Chips.H100, from = 'US'): ScenarioOverrides => ({
  date,
  entity: Entities.CN,
  placement: { accelerator, site: Sites.CN, operator: Operators.CN, ownership: 'OWNED', hardwareMovement: moving(from, 'CN') },
});
/** A Singapore entity buying chips and shipping them from the US to a site in `country`. */
const shipTo = (date: string, country: string, accelerator: PlacementFactsV1['accelerator'] = Chips.H100): ScenarioOverrides => ({
  date,
  placement: { accelerator, site: { id: `${country.toLowerCase()}-dc`, countryCode: country, stateFunded: false }, ownership: 'OWNED', hardwareMovement: moving('US', country) },
});
/** A Chinese entity processing data collected in China on leased H100s in Singapore. */
const cnDataOffshore = (date: string, data: NonNullable<ScenarioOverrides['workload']>['data'], entity: ScenarioOverrides['entity'] = Entities.CN): ScenarioOverrides => ({
  date,
  entity,
  workload: { data: { originCountry: 'CN', ...data } },
});
/** A Chinese entity leasing capacity in place at a Chinese site from a Chinese operator. */
const leaseInChina = (date: string, accelerator: PlacementFactsV1['accelerator'], site: PlacementFactsV1['site'] = Sites.CN): ScenarioOverrides => ({
  date,
  entity: Entities.CN,
  placement: { accelerator, site, operator: Operators.CN, ownership: 'LEASED_IAAS', hardwareMovement: null },
});

const PRESUMPTION_2022 = 'us-ac-cn-mo-presumption-of-denial';
const DEST_2023 = 'us-ac-2023-3a090a-dc-destination';
const HQ_2023 = 'us-ac-2023-hq-d5-3a090a-dc';
const GP10 = 'us-bis-2025-05-gp10-prc-3a090';
const STP = 'my-2025-07-stp-us-ai-chips';
const PIPL = 'cn-pipl-2021-art38-transfer-mechanism';
const CAC_2022 = 'cn-cac-2022-09-outbound-security-assessment';
const CAC_2024 = 'cn-cac-2024-03-outbound-security-assessment';
const SCC_2024 = 'cn-cac-2024-03-standard-contract-or-certification';
const GENAI = 'cn-cac-2023-08-genai-filing';
const STATE_FUNDED = 'cn-2025-11-state-funded-dc-domestic-chips';

const scenarios: Scenario[] = [
  scenario('baseline: SG entity leases H100 in SG from an SG operator', {}, 'ALLOWED', []),

  // 2022: letter, then the October rule (day before / day of 2022-10-07)
  scenario('A100 to China 2022-08-25, before the is-informed letter', shipToChina('2022-08-25', Chips.A100), 'ALLOWED', []),
  scenario('A100 to China 2022-08-26, is-informed letter', shipToChina('2022-08-26', Chips.A100), 'LICENSE_REQUIRED', ['us-2022-08-is-informed-a100-h100-cn']),
  scenario('A100 to China 2022-10-06, day before the IFR', shipToChina('2022-10-06', Chips.A100), 'LICENSE_REQUIRED', ['us-2022-08-is-informed-a100-h100-cn']),
  scenario('A100 to China 2022-10-07, IFR v2022 (I/O 600 GB/s, TPP 4992)', shipToChina('2022-10-07', Chips.A100), 'LICENSE_REQUIRED', ['us-ac-2022-3a090-cn-hk', PRESUMPTION_2022]),
  scenario('H100 to Hong Kong 2022-10-07', { ...shipToChina('2022-10-07'), placement: { ...shipToChina('2022-10-07').placement, hardwareMovement: moving('US', 'HK') } }, 'LICENSE_REQUIRED', ['us-ac-2022-3a090-cn-hk', PRESUMPTION_2022]),
  scenario('A800 to China 2022-12-01: 400 GB/s is under the v2022 I/O prong', shipToChina('2022-12-01', Chips.A800), 'ALLOWED', []),
  scenario('H800 to China 2023-06-01: 400 GB/s is under the v2022 I/O prong', shipToChina('2023-06-01', { ...Chips.H100, id: 'nvidia-h800-sxm', interconnectGBps: 400 }), 'ALLOWED', []),
  scenario('H100 to Macau 2023-01-16, before Macau was added', shipTo('2023-01-16', 'MO'), 'ALLOWED', []),
  scenario('H100 to Macau 2023-01-17', shipTo('2023-01-17', 'MO'), 'LICENSE_REQUIRED', ['us-ac-2023-01-3a090-mo', PRESUMPTION_2022]),

  // 2023: the October letter and the November rule (day before / day of 2023-11-17)
  scenario('A800 to China 2023-10-22', shipToChina('2023-10-22', Chips.A800), 'ALLOWED', []),
  scenario('A800 to China 2023-10-23, NVIDIA told datacenter TPP >= 4800 applied at once', shipToChina('2023-10-23', Chips.A800), 'LICENSE_REQUIRED', ['us-2023-10-is-informed-nvidia-dc-4800']),
  scenario('A800 to China 2023-11-17, 3A090.a under v2023', shipToChina('2023-11-17', Chips.A800), 'LICENSE_REQUIRED', [DEST_2023, HQ_2023, PRESUMPTION_2022]),
  scenario('CN entity ships H100 to its Johor DC 2023-11-16, before the HQ rule', { ...shipTo('2023-11-16', 'MY'), entity: Entities.CN }, 'ALLOWED', []),
  scenario('CN entity ships H100 to its Johor DC 2023-11-17, HQ rule', { ...shipTo('2023-11-17', 'MY'), entity: Entities.CN }, 'LICENSE_REQUIRED', [HQ_2023]),
  scenario('H100 to Vietnam (D:1) 2023-11-16: under the October letter', shipTo('2023-11-16', 'VN'), 'LICENSE_REQUIRED', ['us-2023-10-is-informed-nvidia-dc-4800']),
  scenario('H100 to Vietnam (D:1) 2023-11-17', shipTo('2023-11-17', 'VN'), 'LICENSE_REQUIRED', [DEST_2023], { leadTime: [30, 90, 210] }),
  scenario('H100 to the UAE (D:3/D:4) 2024-06-01', shipTo('2024-06-01', 'AE'), 'LICENSE_REQUIRED', [DEST_2023]),
  scenario('H100 to Saudi Arabia (D:3/D:4) 2024-06-01', shipTo('2024-06-01', 'SA'), 'LICENSE_REQUIRED', [DEST_2023]),
  scenario('H100 to Israel 2024-06-01: D:4 but also A:6, excluded', shipTo('2024-06-01', 'IL'), 'ALLOWED', []),
  scenario('H100 to Myanmar (D:5) 2024-06-01', shipTo('2024-06-01', 'MM'), 'LICENSE_REQUIRED', [DEST_2023]),
  scenario('H100 to Cambodia 2026-02-02, still D:5', shipTo('2026-02-02', 'KH'), 'LICENSE_REQUIRED', [DEST_2023], { advisories: ['us-aid-2025-ai-diffusion'] }),
  scenario('H100 to Cambodia 2026-02-03, removed from D:5', shipTo('2026-02-03', 'KH'), 'ALLOWED', [], { advisories: ['us-aid-2025-ai-diffusion'] }),
  scenario('Datacenter 3A090.b to China 2024-06-01: NAC with notification', shipToChina('2024-06-01', Chips.DC_3A090B), 'ALLOWED_WITH_CONDITIONS', ['us-ac-2023-nac-notification-d5-mo', 'us-ac-2023-hq-d5-nac'], { leadTime: [25, 25, 25] }),
  scenario('Datacenter 3A090.b to Vietnam 2024-04-03: NAC without notification', shipTo('2024-04-03', 'VN', Chips.DC_3A090B), 'ALLOWED_WITH_CONDITIONS', ['us-ac-2023-nac-d1-d4'], { leadTime: null }),
  scenario('Datacenter 3A090.b to Vietnam 2024-04-04: ACA', shipTo('2024-04-04', 'VN', Chips.DC_3A090B), 'ALLOWED_WITH_CONDITIONS', ['us-ac-2024-aca-d1-d4'], { leadTime: null }),
  scenario('Non-datacenter 3A090.a (TPP 5285) to China 2024-06-01: NAC', shipToChina('2024-06-01', Chips.CONSUMER_3A090A), 'ALLOWED_WITH_CONDITIONS', ['us-ac-2023-nac-notification-d5-mo', 'us-ac-2023-hq-d5-nac'], { leadTime: [25, 25, 25] }),
  scenario('Non-datacenter TPP 3000 to China 2024-06-01: outside 3A090 (Note 2)', shipToChina('2024-06-01', Chips.CONSUMER_LOW), 'ALLOWED', []),
  scenario('L20 to China 2024-06-01: just below 3A090.b', shipToChina('2024-06-01', Chips.L20), 'ALLOWED', []),

  // 2024-12-02: 3A090.c
  scenario('HBM stack to China 2024-12-01', shipToChina('2024-12-01', Chips.HBM_STACK), 'ALLOWED', []),
  scenario('HBM stack to China 2024-12-02, 3A090.c', shipToChina('2024-12-02', Chips.HBM_STACK), 'LICENSE_REQUIRED', ['us-ac-2024-12-hbm-3a090c']),
  scenario('H20 to China 2024-12-02: co-packaged HBM does not make it 3A090.c', shipToChina('2024-12-02', Chips.H20), 'ALLOWED', []),

  // 2025-04: H20 / MI308 letters, then licensing with revenue share
  scenario('H20 to China 2025-04-08', shipToChina('2025-04-08', Chips.H20), 'ALLOWED', []),
  scenario('H20 to China 2025-04-09, is-informed letter', shipToChina('2025-04-09', Chips.H20), 'LICENSE_REQUIRED', ['us-2025-04-is-informed-nvidia-h20'], { leadTime: [60, 120, 365] }),
  scenario('MI308-class to China 2025-04-13', shipToChina('2025-04-13', Chips.MI308), 'ALLOWED', []),
  scenario('MI308-class to China 2025-04-14, is-informed letter', shipToChina('2025-04-14', Chips.MI308), 'LICENSE_REQUIRED', ['us-2025-04-is-informed-amd-mi308']),
  scenario('H20 to China 2025-08-15: licence with 15% revenue share (reported)', shipToChina('2025-08-15', Chips.H20), 'LICENSE_REQUIRED', ['us-2025-04-is-informed-nvidia-h20', 'us-2025-08-h20-mi308-licensing-revenue-share']),
  scenario('CN entity buys H20 for its Johor DC 2025-06-01: D:5-HQ company', { ...shipTo('2025-06-01', 'MY', Chips.H20), entity: Entities.CN }, 'LICENSE_REQUIRED', ['us-2025-04-is-informed-nvidia-h20']),

  // 2025-05: AI Diffusion (not enforced) and GP10 guidance
  scenario('H100 to Malaysia 2025-05-14', shipTo('2025-05-14', 'MY'), 'ALLOWED', [], { advisories: [] }),
  scenario('H100 to Malaysia 2025-05-15: AI Diffusion compliance date, not enforced', shipTo('2025-05-15', 'MY'), 'ALLOWED', [], { advisories: ['us-aid-2025-ai-diffusion'] }),
  scenario('H100 to Japan (Tier 1) 2025-05-15: no Diffusion advisory', shipTo('2025-05-15', 'JP'), 'ALLOWED', [], { advisories: [] }),
  scenario('Ascend 910B leased in SG 2025-05-12', { date: '2025-05-12', placement: { accelerator: Chips.ASCEND_910B } }, 'ALLOWED', []),
  scenario('Ascend 910B leased in SG 2025-05-13: GP10 guidance', { date: '2025-05-13', placement: { accelerator: Chips.ASCEND_910B } }, 'ALLOWED_WITH_CONDITIONS', [GP10]),
  scenario('Ascend 950PR 2026-06-01: GP10 by analogy (PRC 3A090-class)', { placement: { accelerator: Chips.ASCEND_950PR } }, 'ALLOWED_WITH_CONDITIONS', [GP10]),

  // 2025-07-14: Malaysia Strategic Trade Permit
  scenario('H100 moved Malaysia -> Singapore 2025-07-13', { date: '2025-07-13', placement: { ownership: 'OWNED', hardwareMovement: moving('MY', 'SG') } }, 'ALLOWED', []),
  scenario('H100 moved Malaysia -> Singapore 2025-07-14: STP', { date: '2025-07-14', placement: { ownership: 'OWNED', hardwareMovement: moving('MY', 'SG') } }, 'LICENSE_REQUIRED', [STP], { leadTime: [30, 30, 60] }),
  scenario('H100 US -> Thailand through Malaysia 2025-07-14: STP for the transit', { ...shipTo('2025-07-14', 'TH'), placement: { ...shipTo('2025-07-14', 'TH').placement, hardwareMovement: moving('US', 'TH', ['MY']) } }, 'LICENSE_REQUIRED', [STP], { advisories: ['us-aid-2025-ai-diffusion', 'us-2025-07-draft-my-th-licence'] }),
  scenario('H100 into Malaysia 2025-07-14: the directive does not cover imports', shipTo('2025-07-14', 'MY'), 'ALLOWED', []),
  scenario('Ascend 910B moved Malaysia -> Singapore 2025-07-14: not US-origin', { date: '2025-07-14', placement: { accelerator: Chips.ASCEND_910B, ownership: 'OWNED', hardwareMovement: moving('MY', 'SG') } }, 'ALLOWED_WITH_CONDITIONS', [GP10]),

  // 2026-01: H200 announcement, customs block, case-by-case rule
  scenario('H200 to China 2026-01-12: presidential announcement (reported)', shipToChina('2026-01-12', Chips.H200), 'LICENSE_REQUIRED', [DEST_2023, HQ_2023, PRESUMPTION_2022, 'us-2025-12-h200-approved-customers']),
  scenario('H200 to China 2026-01-13: Chinese customs block (reported)', shipToChina('2026-01-13', Chips.H200), 'PROHIBITED', ['cn-customs-2026-01-h200-import-block']),
  scenario('H100 US -> China 2026-01-14: presumption of denial', shipToChina('2026-01-14'), 'LICENSE_REQUIRED', [DEST_2023, HQ_2023, PRESUMPTION_2022], { leadTime: [90, 365, 730] }),
  scenario('H100 US -> China 2026-01-15: case-by-case (TPP < 21,000, DRAM < 6,500 GB/s)', shipToChina('2026-01-15'), 'LICENSE_REQUIRED', [DEST_2023, HQ_2023, 'us-ac-2026-01-cn-mo-case-by-case']),
  scenario('B200 US -> China 2026-01-15: above the window, presumption of denial', shipToChina('2026-01-15', Chips.B200), 'LICENSE_REQUIRED', [DEST_2023, HQ_2023, 'us-ac-2026-01-cn-mo-presumption-of-denial']),
  scenario('H100 Singapore -> China 2026-01-15: reexport, presumption of denial', shipToChina('2026-01-15', Chips.H100, 'SG'), 'LICENSE_REQUIRED', [DEST_2023, HQ_2023, 'us-ac-2026-01-cn-mo-presumption-of-denial']),

  // §1.5: leasing vs owning, D:5/Macau-HQ recipients
  scenario('§1.5 CN entity leases H100 from an SG-HQ operator in Johor 2026-06-01', { entity: Entities.CN, placement: { site: Sites.JOHOR } }, 'ALLOWED', [], { advisories: ['us-rasa-2026-remote-access'] }),
  scenario('§1.5 the same CN entity buys H100 and ships them to its own Johor DC', { entity: Entities.CN, placement: { site: Sites.JOHOR, operator: Operators.CN, ownership: 'OWNED', hardwareMovement: moving('US', 'MY') } }, 'LICENSE_REQUIRED', [HQ_2023], { advisories: ['us-aid-2025-ai-diffusion', 'us-2025-07-draft-my-th-licence'] }),
  scenario('§1.5 CN entity colocates its own H100 in an SG operator\'s Johor DC', { entity: Entities.CN, placement: { site: Sites.JOHOR, ownership: 'COLOCATION', hardwareMovement: moving('US', 'MY') } }, 'LICENSE_REQUIRED', [HQ_2023]),
  scenario('SG subsidiary of a CN parent buys H100 for Johor: ultimate-parent HQ counts', { entity: Entities.SG_WITH_CN_PARENT, placement: { site: Sites.JOHOR, ownership: 'OWNED', hardwareMovement: moving('US', 'MY') } }, 'LICENSE_REQUIRED', [HQ_2023]),
  scenario('CN entity leases from a CN-HQ operator that takes new H100 deliveries in Johor', { entity: Entities.CN, placement: { site: Sites.JOHOR, operator: Operators.CN, hardwareMovement: moving('US', 'MY') } }, 'LICENSE_REQUIRED', [HQ_2023]),
  scenario('CN entity leases existing H100 from a CN-HQ operator in Johor 2026-05-30', { date: '2026-05-30', entity: Entities.CN, placement: { site: Sites.JOHOR, operator: Operators.CN } }, 'LICENSE_REQUIRED', ['us-ac-2023-hq-d5-operator-existing-items']),
  scenario('CN entity leases existing H100 from a CN-HQ operator in Johor 2026-06-01: ongoing-use guidance', { entity: Entities.CN, placement: { site: Sites.JOHOR, operator: Operators.CN } }, 'ALLOWED_WITH_CONDITIONS', ['us-bis-2026-05-hq-existing-items-ongoing-use', 'us-cloud-access-d5-risk-flags']),
  scenario('SG entity leases existing H100 from a CN-HQ operator 2026-06-01: no user flag', { placement: { site: Sites.JOHOR, operator: Operators.CN } }, 'ALLOWED_WITH_CONDITIONS', ['us-bis-2026-05-hq-existing-items-ongoing-use']),
  scenario('Restricted CN entity leases H100 from an SG operator in Singapore: flag', { entity: { ...Entities.CN, restrictedParty: true } }, 'ALLOWED_WITH_CONDITIONS', ['us-cloud-access-d5-risk-flags']),
  scenario('Restricted AE entity buys L20 for Abu Dhabi: Entity List licence', { entity: { id: 'ae-listed', name: 'AE Listed', hqCountry: 'AE', restrictedParty: true }, placement: { accelerator: Chips.L20, site: { id: 'ae-abu-dhabi', countryCode: 'AE', stateFunded: false }, ownership: 'OWNED', hardwareMovement: moving('US', 'AE') } }, 'LICENSE_REQUIRED', ['us-entity-list-recipient']),
  scenario('CN entity owns H100 in a US data centre: the HQ rule covers destinations outside the US', { entity: Entities.CN, placement: { site: Sites.US, operator: Operators.US, ownership: 'OWNED', hardwareMovement: null } }, 'ALLOWED', []),
  scenario('SG entity leases from a US-HQ operator: proposed IaaS KYC advisory only', { placement: { operator: Operators.US } }, 'ALLOWED', [], { advisories: ['us-iaas-2024-01-customer-identification'] }),

  // China outbound data, 2022 Measures (previous-year window)
  scenario('2022 Measures: 99,999 individuals', cnDataOffshore('2023-06-01', { personalInfoIndividuals: 99_999 }), 'ALLOWED_WITH_CONDITIONS', [PIPL]),
  scenario('2022 Measures: 100,000 individuals', cnDataOffshore('2023-06-01', { personalInfoIndividuals: 100_000 }), 'LICENSE_REQUIRED', [CAC_2022], { leadTime: [30, 70, 120] }),
  scenario('2022 Measures: 100,001 individuals', cnDataOffshore('2023-06-01', { personalInfoIndividuals: 100_001 }), 'LICENSE_REQUIRED', [CAC_2022]),
  scenario('2022 Measures: 95,000 since last January + 5,000 now', cnDataOffshore('2023-06-01', { personalInfoIndividualsSincePreviousYear: 95_000, personalInfoIndividuals: 5_000 }), 'LICENSE_REQUIRED', [CAC_2022]),
  scenario('2022 Measures: 9,999 sensitive', cnDataOffshore('2023-06-01', { sensitivePersonalInfoIndividuals: 9_999 }), 'ALLOWED_WITH_CONDITIONS', [PIPL]),
  scenario('2022 Measures: 10,000 sensitive', cnDataOffshore('2023-06-01', { sensitivePersonalInfoIndividuals: 10_000 }), 'LICENSE_REQUIRED', [CAC_2022]),
  scenario('2022 Measures: 10,001 sensitive', cnDataOffshore('2023-06-01', { sensitivePersonalInfoIndividuals: 10_001 }), 'LICENSE_REQUIRED', [CAC_2022]),
  scenario('2022 Measures: important data', cnDataOffshore('2023-06-01', { importantData: true }), 'LICENSE_REQUIRED', [CAC_2022]),
  scenario('2022 Measures: CIIO exporting any PI', cnDataOffshore('2023-06-01', { personalInfoIndividuals: 10 }, { ...Entities.CN, isCiio: true }), 'LICENSE_REQUIRED', [CAC_2022]),
  scenario('2022 Measures: 2022-08-31, before they applied', cnDataOffshore('2022-08-31', { personalInfoIndividuals: 500_000 }), 'ALLOWED_WITH_CONDITIONS', [PIPL]),

  // China outbound data, 2024 Provisions (current-year window; day before / day of 2024-03-22)
  scenario('150,000 individuals 2024-03-21: 2022 Measures', cnDataOffshore('2024-03-21', { personalInfoIndividuals: 150_000 }), 'LICENSE_REQUIRED', [CAC_2022]),
  scenario('150,000 individuals 2024-03-22: 2024 Provisions, standard contract', cnDataOffshore('2024-03-22', { personalInfoIndividuals: 150_000 }), 'ALLOWED_WITH_CONDITIONS', [SCC_2024]),
  scenario('2024 Provisions: 99,999 individuals, exempt', cnDataOffshore('2024-06-01', { personalInfoIndividuals: 99_999 }), 'ALLOWED', []),
  scenario('2024 Provisions: 100,000 individuals', cnDataOffshore('2024-06-01', { personalInfoIndividuals: 100_000 }), 'ALLOWED_WITH_CONDITIONS', [SCC_2024]),
  scenario('2024 Provisions: 100,001 individuals', cnDataOffshore('2024-06-01', { personalInfoIndividuals: 100_001 }), 'ALLOWED_WITH_CONDITIONS', [SCC_2024]),
  scenario('2024 Provisions: 1,000,000 individuals', cnDataOffshore('2024-06-01', { personalInfoIndividuals: 1_000_000 }), 'ALLOWED_WITH_CONDITIONS', [SCC_2024]),
  scenario('2024 Provisions: 1,000,001 individuals', cnDataOffshore('2024-06-01', { personalInfoIndividuals: 1_000_001 }), 'LICENSE_REQUIRED', [CAC_2024], { leadTime: [21, 49, 120] }),
  scenario('2024 Provisions: 600,000 this year + 400,001 now', cnDataOffshore('2024-06-01', { cumulativePersonalInfoIndividualsThisYear: 600_000, personalInfoIndividuals: 400_001 }), 'LICENSE_REQUIRED', [CAC_2024]),
  scenario('2024 Provisions: previous-year counts no longer matter', cnDataOffshore('2024-06-01', { personalInfoIndividualsSincePreviousYear: 5_000_000, personalInfoIndividuals: 10 }), 'ALLOWED', []),
  scenario('2024 Provisions: 9,999 sensitive', cnDataOffshore('2024-06-01', { sensitivePersonalInfoIndividuals: 9_999 }), 'ALLOWED_WITH_CONDITIONS', [SCC_2024]),
  scenario('2024 Provisions: 10,000 sensitive', cnDataOffshore('2024-06-01', { sensitivePersonalInfoIndividuals: 10_000 }), 'LICENSE_REQUIRED', [CAC_2024]),
  scenario('2024 Provisions: 10,001 sensitive', cnDataOffshore('2024-06-01', { sensitivePersonalInfoIndividuals: 10_001 }), 'LICENSE_REQUIRED', [CAC_2024]),
  scenario('2024 Provisions: important data', cnDataOffshore('2024-06-01', { importantData: true }), 'LICENSE_REQUIRED', [CAC_2024]),
  scenario('2024 Provisions: CIIO exporting any PI', cnDataOffshore('2024-06-01', { personalInfoIndividuals: 1 }, { ...Entities.CN, isCiio: true }), 'LICENSE_REQUIRED', [CAC_2024]),
  scenario('Data collected in China, processed in China: no outbound transfer', { ...leaseInChina('2024-06-01', Chips.ASCEND_910B), workload: { data: { originCountry: 'CN', personalInfoIndividuals: 5_000_000 } } }, 'ALLOWED', []),
  scenario('Data collected in the US, processed in Singapore', { workload: { data: { originCountry: 'US', personalInfoIndividuals: 5_000_000 } } }, 'ALLOWED', []),

  // Generative-AI filing (day before / day of 2023-08-15)
  scenario('Public inference in China from a Chinese site 2023-08-14', { ...leaseInChina('2023-08-14', Chips.ASCEND_910B), workload: { kind: 'INFERENCE', servesPublicIn: ['CN'] } }, 'ALLOWED', []),
  scenario('Public inference in China from a Chinese site 2023-08-15: filing', { ...leaseInChina('2023-08-15', Chips.ASCEND_910B), workload: { kind: 'INFERENCE', servesPublicIn: ['CN'] } }, 'ALLOWED_WITH_CONDITIONS', [GENAI], { leadTime: [90, 135, 180] }),
  scenario('Public inference in China from Singapore: filing and outbound prompts', { date: '2024-06-01', entity: Entities.CN, workload: { kind: 'INFERENCE', servesPublicIn: ['CN'] } }, 'ALLOWED_WITH_CONDITIONS', [GENAI, 'cn-offshore-inference-outbound-pi'], { leadTime: [90, 135, 180] }),
  scenario('Training (not a public service) for China: no filing', { date: '2024-06-01', entity: Entities.CN, workload: { kind: 'TRAINING', servesPublicIn: ['CN'] } }, 'ALLOWED', []),
  scenario('Internal inference (no public): no filing', { date: '2024-06-01', entity: Entities.CN, workload: { kind: 'INFERENCE', servesPublicIn: [] } }, 'ALLOWED', []),

  // Chinese domestic-chip policy and import gating (reported)
  scenario('L20 at a state-funded Chinese site 2025-11-04', leaseInChina('2025-11-04', Chips.L20, Sites.CN_STATE), 'ALLOWED', []),
  scenario('L20 at a state-funded Chinese site 2025-11-05: domestic chips only (reported)', leaseInChina('2025-11-05', Chips.L20, Sites.CN_STATE), 'PROHIBITED', [STATE_FUNDED]),
  scenario('Ascend 910B at a state-funded Chinese site 2025-11-05', leaseInChina('2025-11-05', Chips.ASCEND_910B, Sites.CN_STATE), 'ALLOWED_WITH_CONDITIONS', [GP10]),
  scenario('L20 at a non-state-funded Chinese site 2025-11-05', leaseInChina('2025-11-05', Chips.L20), 'ALLOWED', []),
  scenario('H20 owned at a state-funded Chinese site 2025-11-04: licence (D:5-HQ company)', { ...shipToChina('2025-11-04', Chips.H20), placement: { ...shipToChina('2025-11-04', Chips.H20).placement, site: Sites.CN_STATE, hardwareMovement: null } }, 'LICENSE_REQUIRED', ['us-2025-04-is-informed-nvidia-h20']),
  scenario('H20 owned at a state-funded Chinese site 2025-11-05: prohibited as reported', { ...shipToChina('2025-11-05', Chips.H20), placement: { ...shipToChina('2025-11-05', Chips.H20).placement, site: Sites.CN_STATE, hardwareMovement: null } }, 'PROHIBITED', [STATE_FUNDED]),
  scenario('CN entity and RTX Pro 6000D 2025-09-16', { date: '2025-09-16', entity: Entities.CN, placement: { accelerator: Chips.RTX_PRO_6000D } }, 'ALLOWED', []),
  scenario('CN entity and RTX Pro 6000D 2025-09-17: CAC halt (reported)', { date: '2025-09-17', entity: Entities.CN, placement: { accelerator: Chips.RTX_PRO_6000D } }, 'PROHIBITED', ['cn-cac-2025-09-rtx-pro-6000d-halt']),
  scenario('SG entity and RTX Pro 6000D 2025-09-17: the halt targets Chinese firms', { date: '2025-09-17', placement: { accelerator: Chips.RTX_PRO_6000D } }, 'ALLOWED', []),
];

describe('rule pack 2026.12.2 scenarios', () => {
  it('has at least 40 scenarios with unique names', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  it.each(scenarios)('$name', ({ facts, outcome, deciding, advisories, leadTime }) => {
    const verdict = evaluate(pack, facts);
    expect({ outcome: verdict.outcome, deciding: [...decidingRuleIds(verdict)].sort() }).toEqual({ outcome, deciding: [...deciding].sort() });
    if (advisories !== undefined) expect(verdict.advisories.map((a) => a.ruleId).sort()).toEqual([...advisories].sort());
    if (leadTime !== undefined) {
      expect(verdict.leadTime === null ? null : [verdict.leadTime.low, verdict.leadTime.expected, verdict.leadTime.high]).toEqual(leadTime);
      expect(verdict.leadTimeDays).toBe(leadTime?.[1] ?? 0);
    }
  });

  it('gives every LICENSE_REQUIRED verdict a sourced lead time of at least a day, never 0', () => {
    const licensed = scenarios.map(({ facts }) => evaluate(pack, facts)).filter((v) => v.outcome === 'LICENSE_REQUIRED');
    expect(licensed.length).toBeGreaterThanOrEqual(30);
    for (const verdict of licensed) {
      expect(verdict.leadTime).toMatchObject({ low: expect.any(Number), source: expect.stringMatching(/\S/) });
      expect(verdict.leadTime!.low).toBeGreaterThanOrEqual(1);
      expect(verdict.leadTimeDays).toBe(verdict.leadTime!.expected);
      // The rule that sets the expected figure is one of the verdict's binding reasons, and states the policy.
      expect(verdict.reasons.find((r) => r.ruleId === verdict.leadTime!.ruleId)?.review?.policy).toBe(verdict.leadTime!.policy);
    }
  });

  it('marks an unpublished processing time as assumed and a published one as not', () => {
    const denial = evaluate(pack, scenarios.find((s) => s.name.startsWith('H100 US -> China 2026-01-14'))!.facts).leadTime;
    expect(denial).toMatchObject({ policy: 'PRESUMPTION_OF_DENIAL', assumed: true, evidence: 'E' });
    expect(denial!.source).toMatch(/No processing time is published/);
    const nac = evaluate(pack, scenarios.find((s) => s.name.startsWith('Datacenter 3A090.b to China'))!.facts).leadTime;
    expect(nac).toMatchObject({ policy: 'PUBLISHED_PROCESSING_TIME', assumed: false, evidence: 'P', ruleId: 'us-ac-2023-nac-notification-d5-mo' });
  });

  it('states a review policy and lead-time range for every licence rule of the pack', () => {
    const licence = pack.rules.map((r) => r.rule).filter((r) => r.outcome === 'LICENSE_REQUIRED');
    expect(licence.filter((r) => r.review === null || r.review.leadTimeDays.low < 1).map((r) => r.id)).toEqual([]);
  });

  it('fires every rule of the pack in at least one scenario', () => {
    const fired = new Set(scenarios.flatMap(({ facts }) => {
      const v = evaluate(pack, facts);
      return [...v.reasons, ...v.advisories].map((r) => r.ruleId);
    }));
    expect(pack.rules.map((r) => r.rule.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});
