import { z } from 'zod';
import { CountryCode, IsoDate, Slug } from '../common/reference.js';
import { Ownership } from '../inventory/capacity-pool.v1.js';

export const WorkloadKind = z.enum(['TRAINING', 'FINE_TUNING', 'INFERENCE', 'BATCH_INFERENCE']);
export type WorkloadKind = z.output<typeof WorkloadKind>;

/** The requesting legal entity, as region-compliance keeps it. */
export const LegalEntityV1 = z.object({
  id: Slug,
  name: z.string().min(1).max(200),
  hqCountry: CountryCode,
  /** Headquarters country of the ultimate parent; null when the entity is its own parent. */
  ultimateParentHqCountry: CountryCode.nullable(),
  /** Critical information infrastructure operator under China's Cybersecurity Law. */
  isCiio: z.boolean(),
  /** On the US Entity List (or a similar restricted-party list). */
  restrictedParty: z.boolean(),
});
export type LegalEntityV1 = z.output<typeof LegalEntityV1>;

/** What a candidate placement is: the hardware, where it is, who runs it, how it is held. */
export const PlacementFactsV1 = z
  .object({
    accelerator: z.object({
      id: Slug,
      vendor: z.string(),
      originCountry: CountryCode,
      designedForDataCenter: z.boolean(),
      /** Per integrated circuit, the unit 3A090 assesses. */
      tpp: z.number().nonnegative().nullable(),
      performanceDensity: z.number().nonnegative().nullable(),
      memoryBandwidthGBps: z.number().nonnegative().nullable(),
      interconnectGBps: z.number().nonnegative().nullable(),
    }),
    site: z.object({ id: Slug, countryCode: CountryCode, stateFunded: z.boolean() }),
    operator: z.object({ name: z.string(), hqCountry: CountryCode.nullable(), ultimateParentHqCountry: CountryCode.nullable() }),
    /** OWNED: the entity buys and ships hardware; LEASED_IAAS: remote use of capacity it does not own; COLOCATION: its hardware in another's facility. */
    ownership: Ownership,
    /** Where hardware would move to make this placement (null when none moves, e.g. leased capacity in place). */
    hardwareMovement: z
      .object({ fromCountry: CountryCode, toCountry: CountryCode, throughCountries: z.array(CountryCode).max(10) })
      .nullable(),
  })
  .strict();
export type PlacementFactsV1 = z.output<typeof PlacementFactsV1>;

/** What the workload is and which data it touches: the same for every candidate of a request. */
export const WorkloadFactsV1 = z
  .object({
    kind: WorkloadKind,
    data: z.object({
      /** Country where the data was collected; null when no data leaves a country. */
      originCountry: CountryCode.nullable(),
      /** Individuals whose personal information this transfer carries. */
      personalInfoIndividuals: z.number().int().nonnegative(),
      sensitivePersonalInfoIndividuals: z.number().int().nonnegative(),
      importantData: z.boolean(),
      /** Already exported since 1 January of the current year (China's 2024 counting window). */
      cumulativePersonalInfoIndividualsThisYear: z.number().int().nonnegative(),
      cumulativeSensitivePersonalInfoIndividualsThisYear: z.number().int().nonnegative(),
      /** Already exported since 1 January of the previous year (China's 2022 counting window: previous year plus this year to date). */
      personalInfoIndividualsSincePreviousYear: z.number().int().nonnegative(),
      sensitivePersonalInfoIndividualsSincePreviousYear: z.number().int().nonnegative(),
    }),
    /** Inference offered to the public in these countries (empty: internal use only). */
    servesPublicIn: z.array(CountryCode).max(50),
  })
  .strict();
export type WorkloadFactsV1 = z.output<typeof WorkloadFactsV1>;

/** Everything a rule condition may read for one candidate on one date. */
export const ComplianceFactsV1 = z.object({
  date: IsoDate,
  entity: LegalEntityV1,
  workload: WorkloadFactsV1,
  placement: PlacementFactsV1,
});
export type ComplianceFactsV1 = z.output<typeof ComplianceFactsV1>;
