import type { CostWorkloadInput } from './cost.input.js';

export function withoutNulls<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

export function isTraining(kind: string): boolean {
  return kind === 'TRAINING' || kind === 'FINE_TUNING';
}

/** The GraphQL workload as the cost.estimate contract's workload (validated by the contract afterwards). */
export function costWorkloadOf(w: CostWorkloadInput): Record<string, unknown> {
  const common = withoutNulls({ powerUtilisation: w.powerUtilisation, basis: w.basis, costOfDelayPerDay: w.costOfDelayPerDay, dataMovements: (w.dataMovements ?? []).map((d) => withoutNulls({ ...d })) });
  if (isTraining(w.kind)) {
    return {
      kind: w.kind,
      work: w.flops !== null && w.flops !== undefined ? { flops: w.flops } : { activeParameters: w.activeParameters, tokens: w.tokens },
      ...withoutNulls({ modelType: w.modelType, precision: w.precision, mfu: w.mfu, mfuScenarioId: w.mfuScenarioId, totalParameters: w.totalParameters, architectureId: w.architectureId }),
      ...common,
    };
  }
  return {
    kind: w.kind,
    ...withoutNulls({
      averageTokensPerSecond: w.averageTokensPerSecond,
      peakTokensPerSecond: w.peakTokensPerSecond,
      headroom: w.headroom,
      months: w.months,
      tokensPerSecondPerDevice: w.tokensPerSecondPerDevice,
      throughputScenarioId: w.throughputScenarioId,
      modelType: w.modelType,
      precision: w.precision,
      activeParameters: w.activeParameters,
      totalParameters: w.totalParameters,
      architectureId: w.architectureId,
      contextLength: w.contextLength,
      concurrentSequences: w.concurrentSequences,
      tpotTargetMs: w.tpotTargetMs,
      ttftTargetMs: w.ttftTargetMs,
    }),
    ...common,
  };
}
