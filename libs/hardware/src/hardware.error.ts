/** A spec that cannot be computed on (not merely unknown): a programming or data error. */
export class InvalidAcceleratorSpecError extends Error {
  readonly code = 'INVALID_ACCELERATOR_SPEC';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidAcceleratorSpecError';
  }
}

/** The accelerator data file failed validation; `issues` names every problem as `path: message`. */
export class InvalidAcceleratorCatalogError extends Error {
  readonly code = 'INVALID_ACCELERATOR_CATALOG';

  constructor(readonly issues: readonly string[]) {
    super(`invalid accelerator catalog: ${issues.join('; ')}`);
    this.name = 'InvalidAcceleratorCatalogError';
  }
}
