import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AcceleratorV1 } from '@cp/contracts';
import { type AcceleratorCatalog, type AcceleratorSpec, parseAcceleratorCatalog, performanceDensity, PRECISIONS, totalProcessingPerformance } from '@cp/hardware';
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
