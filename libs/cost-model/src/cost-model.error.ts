export type CostModelErrorCode =
  /** A price the estimate needs was not given; never priced as zero. */
  | 'MISSING_PRICE'
  /** A non-price input the estimate needs was not given (a link speed, a TDP, shipping terms). */
  | 'MISSING_INPUT'
  /** No FX row for the pair at or before the date. */
  | 'NO_FX_RATE'
  /** Amounts in different currencies met without a conversion. */
  | 'CURRENCY_MISMATCH'
  /** An input that cannot be computed on: negative hours, MFU above 1, low above high. */
  | 'INVALID_INPUT'
  /** The cost-scenarios file failed validation; `issues` names every problem. */
  | 'INVALID_COST_SCENARIOS'
  /** The fx-rates file failed validation; `issues` names every problem. */
  | 'INVALID_FX_TABLE'
  /** The price-book file failed validation; `issues` names every problem with its path. */
  | 'INVALID_PRICE_BOOK'
  /** The workload cannot run on the candidate as asked (memory, TPOT or TTFT target); `missing` names the field. */
  | 'INFEASIBLE'
  /** A scenario id that the parsed file does not hold. */
  | 'UNKNOWN_SCENARIO_ENTRY';

export interface CostModelErrorDetails {
  /** The name of what is missing or wrong, as a path into the input (`priceBook.COMMITTED`, `fx USD/MYR`). */
  readonly missing?: string;
  /** For NO_FX_RATE: the pair as `FROM/TO` and the date asked for. */
  readonly pair?: string;
  readonly date?: string;
  readonly issues?: readonly string[];
}

/** Every failure of the cost model, with a stable `code`; a missing input is never silently zero. */
export class CostModelError extends Error {
  readonly missing: string | null;
  readonly pair: string | null;
  readonly date: string | null;
  readonly issues: readonly string[];

  constructor(
    readonly code: CostModelErrorCode,
    message: string,
    details: CostModelErrorDetails = {},
  ) {
    super(message);
    this.name = 'CostModelError';
    this.missing = details.missing ?? null;
    this.pair = details.pair ?? null;
    this.date = details.date ?? null;
    this.issues = details.issues ?? [];
  }
}
