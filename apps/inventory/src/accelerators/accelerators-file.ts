import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AcceleratorSpecInputV1, AcceleratorV1 } from '@cp/contracts';
import { AcceleratorSpec, type AcceleratorCatalog, parseAcceleratorCatalog, performanceDensity, PRECISIONS, totalProcessingPerformance } from '@cp/hardware';
import { HandlerError } from '@cp/messaging';
import type { AcceleratorEntity } from './accelerator.entity.js';

export const ACCELERATORS_FILE = join('accelerators', 'accelerators.v1.json');

export interface LoadedAcceleratorsFile {
  readonly file: AcceleratorCatalog;
  readonly checksum: string;
}

export async function readAcceleratorsFile(dataDir: string, relativePath = ACCELERATORS_FILE): Promise<LoadedAcceleratorsFile> {
  const path = join(dataDir, relativePath);
  const file = parseAcceleratorCatalog(JSON.parse(await readFile(path, 'utf8')));
  return { file, checksum: createHash('sha256').update(JSON.stringify(file)).digest('hex') };
}

/** The wire form, with TPP and performance density computed from the figures. */
export function toAcceleratorSpecV1(spec: AcceleratorSpec): Omit<AcceleratorV1, 'catalogVersion'> {
  const tpp = totalProcessingPerformance(spec);
  const pd = performanceDensity(spec);
  return {
    id: spec.id,
    name: spec.name,
    vendor: spec.vendor,
    originCountry: spec.originCountry,
    formFactor: spec.formFactor,
    designedForDataCenter: spec.designedForDataCenter,
    integratedCircuitsPerDevice: spec.integratedCircuitsPerDevice,
    denseRates: PRECISIONS.flatMap((precision) => {
      const rate = spec.denseRates[precision];
      return rate ? [{ precision, rate }] : [];
    }),
    memorySizeGb: spec.memory.sizeGb,
    memoryType: spec.memory.type.value,
    memoryBandwidthTBps: spec.memoryBandwidthTBps,
    interconnectName: spec.scaleUpInterconnect.name,
    interconnectGBps: spec.scaleUpInterconnect.bandwidthGBps,
    tdpW: spec.tdpW,
    logicDieAreaMm2: spec.logicDieAreaMm2,
    tpp: tpp.value,
    tppPerIntegratedCircuit: tpp.perIntegratedCircuit,
    tppPrecision: tpp.precision,
    tppUnknownReason: tpp.unknownReason,
    performanceDensity: pd.value,
    performanceDensityUnknownReason: pd.unknownReason,
    notes: spec.notes,
  };
}

export function toAcceleratorEntity(spec: AcceleratorSpec, catalogVersion: string): AcceleratorEntity {
  const wire = toAcceleratorSpecV1(spec);
  return {
    id: spec.id,
    name: spec.name,
    vendor: spec.vendor,
    originCountry: spec.originCountry,
    memoryGb: spec.memory.sizeGb.value,
    interconnectGBps: spec.scaleUpInterconnect.bandwidthGBps.value,
    precisions: wire.denseRates.filter((r) => r.rate.value !== null).map((r) => r.precision),
    tpp: wire.tpp,
    performanceDensity: wire.performanceDensity,
    spec: wire,
    catalogVersion,
    retiredInVersion: null,
  } as AcceleratorEntity;
}

/**
 * An administrator's input in the catalog's own form, validated by the same schema as
 * the data files (a null figure needs its reason; UNVERIFIED figures must be null; a derived (E)
 * figure needs a note with its arithmetic).
 */
export function acceleratorSpecFromInput(input: AcceleratorSpecInputV1): AcceleratorSpec {
  const candidate = {
    id: input.id,
    name: input.name,
    vendor: input.vendor,
    originCountry: input.originCountry,
    formFactor: input.formFactor,
    designedForDataCenter: input.designedForDataCenter,
    integratedCircuitsPerDevice: input.integratedCircuitsPerDevice,
    nonPlanarLogic: input.nonPlanarLogic,
    denseRates: Object.fromEntries(input.denseRates.map((r) => [r.precision, r.rate])),
    memory: {
      sizeGb: input.memorySizeGb,
      type: {
        value: input.memoryType,
        evidence: input.memoryType === null ? 'UNVERIFIED' : input.memorySizeGb.evidence,
        source: input.memorySizeGb.source,
        asOf: input.memorySizeGb.asOf,
        unknownReason: input.memoryType === null ? 'not given' : null,
        // The type shares the size's evidence; a derived (E) size carries the working in its own note.
        note: input.memoryType !== null && input.memorySizeGb.evidence === 'E' ? 'entered with memorySizeGb; its note gives the derivation' : null,
      },
    },
    memoryBandwidthTBps: input.memoryBandwidthTBps,
    scaleUpInterconnect: { name: input.interconnectName, bandwidthGBps: input.interconnectGBps },
    tdpW: input.tdpW,
    logicDieAreaMm2: input.logicDieAreaMm2,
    notes: input.notes,
  };
  const parsed = AcceleratorSpec.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = ['accelerator', inputPathOf(issue.path.map(String), input)].join('.');
    throw new HandlerError('BAD_REQUEST', `${field}: ${issue.message}`, field);
  }
  return parsed.data;
}

/** The catalog schema's path of a problem, as a path into the administrator's input. */
function inputPathOf(path: string[], input: AcceleratorSpecInputV1): string {
  const [head, second, ...rest] = path;
  const join = (...parts: (string | undefined)[]) => parts.filter((p) => p !== undefined).join('.');
  if (head === 'memory' && second === 'sizeGb') return join('memorySizeGb', ...rest);
  if (head === 'memory' && second === 'type') return 'memoryType';
  if (head === 'scaleUpInterconnect' && second === 'bandwidthGBps') return join('interconnectGBps', ...rest);
  if (head === 'scaleUpInterconnect' && second === 'name') return 'interconnectName';
  if (head === 'denseRates' && second !== undefined) {
    const index = input.denseRates.findIndex((r) => r.precision === second);
    return join('denseRates', String(index), 'rate', ...rest);
  }
  return path.join('.');
}
