import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseCostScenarios } from '../cost-scenarios.js';
import { calibrationInputOf, calibrationMarkdown, calibrationReport } from './calibration-table.js';
import { calibrate, fitKvCache } from './calibration.js';

const scenarios = parseCostScenarios(JSON.parse(readFileSync(join('data', 'cost-scenarios', 'cost-scenarios.v1.json'), 'utf8')));
const readme = readFileSync(join('libs', 'cost-model', 'README.md'), 'utf8');

interface CatalogFigure {
  value: number | null;
}
interface CatalogRow {
  id: string;
  vendor: string;
  denseRates: Record<string, CatalogFigure>;
  memory: { sizeGb: CatalogFigure };
  memoryBandwidthTBps: CatalogFigure;
  scaleUpInterconnect: { bandwidthGBps: CatalogFigure } | null;
}
const catalog = (JSON.parse(readFileSync(join('data', 'accelerators', 'accelerators.v1.json'), 'utf8')) as { accelerators: CatalogRow[] }).accelerators;

describe('performance model calibration', () => {
  const report = calibrationReport(scenarios);

  it('meets the target: median leave-one-out error at most 25 %, no row off by more than 2×', () => {
    expect(report.medianAbsoluteError).toBeLessThanOrEqual(0.25);
    expect(report.worstRatio).toBeLessThanOrEqual(2);
  });

  it('keeps superseded rows out of the fit: removing them changes no fitted efficiency', () => {
    const withoutSuperseded = { ...scenarios, inferenceThroughput: scenarios.inferenceThroughput.filter((r) => r.supersededBy === null) };
    const a = calibrate(calibrationInputOf(scenarios));
    const b = calibrate(calibrationInputOf(withoutSuperseded));
    expect([...a.decodeEta]).toEqual([...b.decodeEta]);
  });

  it('predicts every decode and training row it is given (none silently dropped)', () => {
    const unpredicted = report.rows.filter((r) => r.predicted === null);
    expect(unpredicted.map((r) => `${r.id}: ${r.note}`)).toEqual([]);
    expect(report.rows.length).toBe(scenarios.performanceModel.trainingRuns.length + scenarios.inferenceThroughput.filter((r) => r.serving !== null).length);
  });

  it('is the table the README shows', () => {
    const section = readme.slice(readme.indexOf('<!-- calibration:start -->') + '<!-- calibration:start -->'.length, readme.indexOf('<!-- calibration:end -->')).trim();
    expect(section).toBe(calibrationMarkdown(scenarios));
  });

  it('uses the chip figures of the accelerator catalog', () => {
    for (const chip of scenarios.performanceModel.calibrationChips) {
      const row = catalog.find((a) => a.id === chip.id);
      expect(row).toBeDefined();
      expect({ id: chip.id, vendor: chip.vendor, memoryGb: chip.memoryGb, bandwidth: chip.memoryBandwidthTBps, link: chip.interconnectGBps }).toEqual({
        id: row!.id,
        vendor: row!.vendor,
        memoryGb: row!.memory.sizeGb.value,
        bandwidth: row!.memoryBandwidthTBps.value,
        link: row!.scaleUpInterconnect?.bandwidthGBps.value ?? null,
      });
      for (const rate of chip.denseRates) expect([chip.id, rate.precision, rate.tflops]).toEqual([chip.id, rate.precision, row!.denseRates[rate.precision]?.value]);
    }
  });

  it('fits the KV cache of the GQA architectures within 30 % (Llama 3.1 8B and 70B, Qwen3-32B)', () => {
    const fit = fitKvCache(scenarios.performanceModel.architectures);
    for (const a of scenarios.performanceModel.architectures.filter((x) => x.attention === 'GQA')) {
      const predicted = fit.coefficient * a.activeParameters ** fit.exponent;
      expect(Math.abs(predicted / (a.layers * a.kvElementsPerTokenPerLayer) - 1)).toBeLessThan(0.3);
    }
  });
});
