import type { CostScenarios } from '../cost-scenarios.js';
import type { ChipSpec } from './chip.js';
import { calibrate, centreMfu, lookupEta, publishedMfu, rowSetup, servingRows, type CalibrationInput } from './calibration.js';
import { chipFigures, decode, prefillTokensPerSecond } from './roofline.js';

/**
 * Predicted vs published for every calibration row, each predicted by a model fitted without it
 * (leave-one-out), as the lib README shows it. A row the model cannot predict without itself
 * (the only row of its kind) is listed with the reason.
 */
export interface CalibrationRow {
  readonly id: string;
  readonly kind: 'TRAINING_MFU' | 'DECODE' | 'PREFILL' | 'END_TO_END';
  readonly what: string;
  readonly published: number;
  readonly predicted: number | null;
  /** predicted ÷ published − 1. */
  readonly error: number | null;
  readonly note: string;
  /** Kept for the record: a later measurement of the same system replaces it (not in the target). */
  readonly superseded?: boolean;
}

export interface CalibrationReport {
  readonly rows: readonly CalibrationRow[];
  readonly medianAbsoluteError: number;
  /** Largest max(predicted / published, published / predicted). */
  readonly worstRatio: number;
}

export function calibrationInputOf(scenarios: CostScenarios): CalibrationInput {
  const chips = new Map<string, ChipSpec>(scenarios.performanceModel.calibrationChips.map((c) => [c.id, c]));
  return { data: scenarios.performanceModel, throughput: scenarios.inferenceThroughput, chips };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function calibrationReport(scenarios: CostScenarios): CalibrationReport {
  const input = calibrationInputOf(scenarios);
  const { data } = input;
  const rows: CalibrationRow[] = [];

  for (const run of data.trainingRuns) {
    const chip = input.chips.get(run.acceleratorId)!;
    const published = publishedMfu(run, chip);
    const others = data.trainingRuns.filter((r) => r.id !== run.id);
    const sameKind = others.some((r) => r.modelType === run.modelType);
    const what = `${run.run}: MFU of ${run.precision} peak${run.basis === 'WHOLE_RUN' ? ' over the whole run' : ''}`;
    if (!sameKind) {
      rows.push({ id: run.id, kind: 'TRAINING_MFU', what, published, predicted: null, error: null, note: `the only ${run.modelType} run: nothing to predict it from` });
      continue;
    }
    const cal = calibrate(input, new Set([run.id]));
    const predicted = centreMfu(data, cal, chip, run.modelType, run.precision) * (run.basis === 'WHOLE_RUN' ? data.goodput.value.expected : 1);
    rows.push({ id: run.id, kind: 'TRAINING_MFU', what, published, predicted, error: predicted / published - 1, note: run.basis === 'WHOLE_RUN' ? 'predicted × expected goodput' : '' });
  }

  for (const r of servingRows(input, true)) {
    const s = r.row.serving!;
    const published = r.row.tokensPerSecondPerDevice.expected;
    const superseded = r.row.supersededBy !== null;
    const cal = calibrate(input, new Set([r.row.id]));
    const figures = chipFigures(r.chip, s.precision);
    const what = `${r.row.system}, ${r.row.model}${s.tpotMs === null ? '' : `, TPOT ${s.tpotMs} ms`}`;
    const via = (basis: string): string => (basis === 'FITTED' ? '' : `efficiency from ${basis.toLowerCase().replaceAll('_', ' ')}`);
    if ('missing' in figures) {
      rows.push({ id: r.row.id, kind: 'DECODE', what, published, predicted: null, error: null, note: `chip lacks ${figures.missing}` });
      continue;
    }
    if (r.row.phase === 'PREFILL') {
      const eta = lookupEta(cal.prefillEta, r.chip.vendor, r.model.modelType) ?? lookupEta(cal.decodeEta, r.chip.vendor, r.model.modelType)!;
      const predicted = prefillTokensPerSecond(r.model, figures, eta.eta);
      rows.push({ id: r.row.id, kind: 'PREFILL', what, published, predicted, error: predicted / published - 1, note: via(eta.basis) });
      continue;
    }
    const eta = lookupEta(cal.decodeEta, r.chip.vendor, r.model.modelType)!;
    const setup = rowSetup(data, r.row, r.model, eta.eta);
    const result = decode(r.model, setup, figures, eta.eta);
    const predicted = result.ok ? result.point.tokensPerSecondPerDevice : null;
    rows.push({
      id: r.row.id,
      kind: setup.endToEnd === null ? 'DECODE' : 'END_TO_END',
      what,
      published,
      predicted,
      error: predicted === null ? null : predicted / published - 1,
      note: superseded ? `superseded, not fitted nor counted in the target: ${r.row.supersededBy!.reason}` : result.ok ? via(eta.basis) : result.reason,
      superseded,
    });
  }

  const counted = rows.filter((r) => r.superseded !== true);
  const errors = counted.filter((r) => r.error !== null).map((r) => Math.abs(r.error!));
  const ratios = counted.filter((r) => r.predicted !== null).map((r) => Math.max(r.predicted! / r.published, r.published / r.predicted!));
  return { rows, medianAbsoluteError: errors.length === 0 ? 0 : median(errors), worstRatio: ratios.length === 0 ? 1 : Math.max(...ratios) };
}

function fmt(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

/** The README table (markdown), generated; a unit test keeps the README equal to it. */
export function calibrationMarkdown(scenarios: CostScenarios): string {
  const report = calibrationReport(scenarios);
  const lines = [
    `Cost scenarios ${scenarios.version}: every row predicted by the model fitted without it (leave-one-out).`,
    '',
    '| row | what | published | predicted | error | note |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...report.rows.map(
      (r) =>
        `| \`${r.id}\` | ${r.what} | ${fmt(r.published)} | ${r.predicted === null ? '—' : fmt(r.predicted)} | ${r.error === null ? '—' : `${r.error >= 0 ? '+' : ''}${(r.error * 100).toFixed(1)} %`} | ${r.note} |`,
    ),
    '',
    `Median absolute leave-one-out error: ${(report.medianAbsoluteError * 100).toFixed(1)} % over ${report.rows.filter((r) => r.error !== null && r.superseded !== true).length} rows (superseded rows not counted); worst ratio ${report.worstRatio.toFixed(2)}×.`,
  ];
  return lines.join('\n');
}
