import type { Actor } from '@cp/contracts';

export type AuthMethod = 'API_KEY' | 'JWT' | 'STATIC_TOKEN';

/** An authenticated caller: the actor services see, and how it proved who it is. */
export interface Principal extends Actor {
  readonly method: AuthMethod;
  /** When the credential stops working, if it does. */
  readonly expiresAt: Date | null;
}

/** The outcome of reading a request's credentials: a principal, nobody, or a reason to refuse. */
export type Authentication =
  | { readonly principal: Principal; readonly failure: null }
  | { readonly principal: null; readonly failure: null }
  | { readonly principal: null; readonly failure: string };

export const ANONYMOUS: Authentication = { principal: null, failure: null };

export function refused(failure: string): Authentication {
  return { principal: null, failure };
}
