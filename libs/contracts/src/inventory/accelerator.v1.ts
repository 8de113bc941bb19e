import { z } from 'zod';
import { CountryCode, IsoDate, Slug } from '../common/reference.js';

export const Evidence = z.enum(['P', 'S', 'E', 'UNVERIFIED']);

/** A specification figure with its provenance; unknown figures are null with the reason. */
export const SpecNumberV1 = z.object({
  value: z.number().nullable(),
  evidence: Evidence,
  source: z.string(),
  asOf: IsoDate,
  unknownReason: z.string().nullable(),
  note: z.string().nullable(),
});
export type SpecNumberV1 = z.output<typeof SpecNumberV1>;

export const Precision = z.enum(['FP4', 'FP8', 'FP16', 'BF16', 'TF32', 'INT8', 'INT4']);
export const FormFactor = z.enum(['SXM', 'OAM', 'PCIE', 'MODULE', 'CARD']);

export const AcceleratorV1 = z.object({
  id: Slug,
  name: z.string().min(1),
  vendor: z.string().min(1),
  originCountry: CountryCode,
  formFactor: FormFactor,
  designedForDataCenter: z.boolean(),
  integratedCircuitsPerDevice: z.number().int().positive(),
  denseRates: z.array(z.object({ precision: Precision, rate: SpecNumberV1 })),
  memorySizeGb: SpecNumberV1,
  memoryType: z.string().nullable(),
  memoryBandwidthTBps: SpecNumberV1,
  interconnectName: z.string().nullable(),
  interconnectGBps: SpecNumberV1,
  tdpW: SpecNumberV1,
  logicDieAreaMm2: SpecNumberV1,
  /** Computed from the rates (libs/hardware), never typed in. */
  tpp: z.number().nullable(),
  tppPerIntegratedCircuit: z.number().nullable(),
  tppPrecision: Precision.nullable(),
  tppUnknownReason: z.string().nullable(),
  performanceDensity: z.number().nullable(),
  performanceDensityUnknownReason: z.string().nullable(),
  notes: z.string().nullable(),
  catalogVersion: z.string(),
});
export type AcceleratorV1 = z.output<typeof AcceleratorV1>;

/** An accelerator as an administrator enters it: the figures only, never the derived metrics. */
export const AcceleratorSpecInputV1 = AcceleratorV1.omit({
  tpp: true,
  tppPerIntegratedCircuit: true,
  tppPrecision: true,
  tppUnknownReason: true,
  performanceDensity: true,
  performanceDensityUnknownReason: true,
  catalogVersion: true,
})
  .extend({ nonPlanarLogic: z.boolean() })
  .strict();
export type AcceleratorSpecInputV1 = z.output<typeof AcceleratorSpecInputV1>;
