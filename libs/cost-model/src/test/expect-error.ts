import { expect } from '@jest/globals';
import { CostModelError, type CostModelErrorCode } from '../cost-model.error.js';

/** Runs `fn`, expects a CostModelError with `code` and returns it for further checks. */
export function costModelError(fn: () => unknown, code: CostModelErrorCode): CostModelError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CostModelError);
  const error = caught as CostModelError;
  expect(error.code).toBe(code);
  return error;
}
