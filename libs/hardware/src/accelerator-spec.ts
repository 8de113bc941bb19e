import { CountryCode, IsoDate, Slug } from '@cp/contracts';
import { z } from 'zod';
import { InvalidAcceleratorCatalogError } from './hardware.error.js';
import { PRECISIONS } from './precision.js';

/** P primary, S secondary, E derived by arithmetic, UNVERIFIED no reliable figure (fact sheet conventions). */
export const Evidence = z.enum(['P', 'S', 'E', 'UNVERIFIED']);
export type Evidence = z.output<typeof Evidence>;

export const PrecisionSchema = z.enum(PRECISIONS);

export const FormFactor = z.enum(['SXM', 'OAM', 'PCIE', 'MODULE', 'CARD']);
export type FormFactor = z.output<typeof FormFactor>;

const Text = z.string().trim().min(1);

const provenance = {
  evidence: Evidence,
  source: Text,
  asOf: IsoDate,
  unknownReason: Text.nullable().default(null),
  note: Text.nullable().default(null),
};

interface ProvenancedValue {
  readonly value: unknown;
  readonly evidence: Evidence;
  readonly unknownReason: string | null;
  readonly note: string | null;
}

/**
 * A null value must say why; an UNVERIFIED value must be null, never a guess. A value derived
 * here (E) must show its working: the note gives the arithmetic and its inputs, so an estimate
 * is never silent.
 */
function checkProvenance<T extends ProvenancedValue>(spec: T, ctx: z.RefinementCtx<T>): void {
  if (spec.value === null && spec.unknownReason === null) {
    ctx.addIssue({ code: 'custom', path: ['unknownReason'], message: 'is required when value is null' });
  }
  if (spec.value !== null && spec.unknownReason !== null) {
    ctx.addIssue({ code: 'custom', path: ['unknownReason'], message: 'only applies to a null value; use note' });
  }
  if (spec.evidence === 'UNVERIFIED' && spec.value !== null) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be null when evidence is UNVERIFIED' });
  }
  if (spec.evidence === 'E' && spec.value !== null && spec.note === null) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required when evidence is E: give the arithmetic and its inputs' });
  }
}

/** A figure with its provenance: evidence tag, source (URL or fact-sheet section), date. */
export const SpecNumber = z.strictObject({ value: z.number().positive().nullable(), ...provenance }).superRefine(checkProvenance);
export type SpecNumber = z.output<typeof SpecNumber>;
export const SpecText = z.strictObject({ value: Text.nullable(), ...provenance }).superRefine(checkProvenance);
export type SpecText = z.output<typeof SpecText>;

/** Dense (non-sparse) peak TFLOPS/TOPS; a precision the chip does not offer is absent. */
export const DenseRates = z.strictObject({
  FP4: SpecNumber.optional(),
  FP8: SpecNumber.optional(),
  FP16: SpecNumber.optional(),
  BF16: SpecNumber.optional(),
  INT8: SpecNumber.optional(),
  INT4: SpecNumber.optional(),
  TF32: SpecNumber.optional(),
});
export type DenseRates = z.output<typeof DenseRates>;

/**
 * One entry of data/accelerators/*.json. TPP and PD are not fields: they are computed by
 * totalProcessingPerformance / performanceDensity, and strict parsing rejects them if typed in.
 */
export const AcceleratorSpec = z.strictObject({
  id: Slug,
  name: Text,
  vendor: Text,
  /** ISO alpha-2 of the vendor's headquarters. */
  originCountry: CountryCode,
  formFactor: FormFactor,
  designedForDataCenter: z.boolean(),
  integratedCircuitsPerDevice: z.number().int().positive(),
  nonPlanarLogic: z.boolean(),
  denseRates: DenseRates,
  memory: z.strictObject({ sizeGb: SpecNumber, type: SpecText }),
  memoryBandwidthTBps: SpecNumber,
  /**
   * The fastest device-to-device path. A card with no scale-up link states so with its PCIe host
   * link (name "PCIe 4.0 x16", bandwidth the link's bidirectional rate, evidence E): a value, since
   * that link is what its collectives run over and what the v2022 I/O test counts.
   */
  scaleUpInterconnect: z.strictObject({ name: Text.nullable(), bandwidthGBps: SpecNumber }),
  tdpW: SpecNumber,
  /** Total logic die area of the device (chiplets summed, HBM excluded). */
  logicDieAreaMm2: SpecNumber,
  notes: Text.nullable().default(null),
});
export type AcceleratorSpec = z.output<typeof AcceleratorSpec>;

export const AcceleratorCatalog = z
  .strictObject({
    dataset: z.literal('accelerators'),
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.12.1'),
    effectiveFrom: IsoDate,
    source: Text,
    accelerators: z.array(AcceleratorSpec).min(1),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.accelerators.forEach((accelerator, index) => {
      if (seen.has(accelerator.id)) {
        ctx.addIssue({ code: 'custom', path: ['accelerators', index, 'id'], message: `duplicate id ${accelerator.id}` });
      }
      seen.add(accelerator.id);
    });
  });
export type AcceleratorCatalog = z.output<typeof AcceleratorCatalog>;

/** Validates a parsed accelerators file; throws InvalidAcceleratorCatalogError naming every issue. */
export function parseAcceleratorCatalog(json: unknown): AcceleratorCatalog {
  const parsed = AcceleratorCatalog.safeParse(json);
  if (!parsed.success) {
    throw new InvalidAcceleratorCatalogError(
      parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
