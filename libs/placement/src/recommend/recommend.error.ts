export type RecommendErrorCode =
  /** An input that cannot be ranked on: weights all zero or negative, a date that does not parse, a duplicate candidateId. */
  | 'INVALID_RECOMMEND_INPUT'
  /** Estimates in different currencies, or a budget in another currency than the estimates: never compared without FX. */
  | 'CURRENCY_MISMATCH';

/** Every failure of `recommendPlacement`, with a stable `code` and the input `field` at fault. */
export class RecommendError extends Error {
  constructor(
    readonly code: RecommendErrorCode,
    message: string,
    /** Path into RecommendInput, e.g. `weights`, `budget.currency`, `candidates[3].candidateId`. */
    readonly field: string,
  ) {
    super(message);
    this.name = 'RecommendError';
  }
}
