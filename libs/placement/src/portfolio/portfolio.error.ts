export type PortfolioErrorCode =
  /** The input cannot be planned on: a bad date, a negative device count, a share outside 0..1, time limit ≤ 0. */
  | 'INVALID_PORTFOLIO_INPUT'
  /** A solution (the solver's, or one handed to the verifier) breaks a constraint; `constraint` names it. */
  | 'PORTFOLIO_VERIFICATION_FAILED'
  /** HiGHS ended in an error state (load, model, presolve, solve or postsolve error). */
  | 'PORTFOLIO_SOLVER_ERROR';

/** Every failure of the portfolio planner, with a stable `code`. */
export class PortfolioError extends Error {
  constructor(
    readonly code: PortfolioErrorCode,
    message: string,
    /** For PORTFOLIO_VERIFICATION_FAILED: the human name of the broken constraint. */
    readonly constraint: string | null = null,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
    this.name = 'PortfolioError';
  }
}
