import type { BusError, BusErrorCode } from '@cp/contracts';

/** The other side answered with an error; `code` is safe to show, internals never cross the bus. */
export class RemoteError extends Error {
  readonly code: BusErrorCode;
  readonly field?: string;

  constructor(error: BusError) {
    super(error.message);
    this.name = 'RemoteError';
    this.code = error.code;
    this.field = error.field;
  }
}

export class RequestTimeoutError extends Error {
  constructor(
    readonly topic: string,
    readonly timeoutMs: number,
  ) {
    super(`no reply on ${topic} within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * Thrown by handlers for failures the caller should see with a code rather than as
 * INTERNAL (a missing row, a conflict). Anything else becomes INTERNAL without details.
 */
export class HandlerError extends Error {
  constructor(
    readonly code: BusErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

export class BusNotReadyError extends Error {
  constructor(detail: string) {
    super(`message bus is not ready: ${detail}`);
    this.name = 'BusNotReadyError';
  }
}
