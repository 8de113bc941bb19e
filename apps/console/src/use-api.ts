import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { ApiRequestError, execute } from './api/client';
import type { TypedDocumentString } from './gql/graphql';

export interface Viewer {
  readonly id: string;
  readonly roles: readonly string[];
  readonly token: string;
  /** The gateway no longer accepts the token (revoked, expired): back to the sign-in page. */
  readonly expire: (error: ApiRequestError) => void;
}

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside a signed-in page');
  return viewer;
}

export interface Loaded<R> {
  readonly data: R | null;
  readonly error: ApiRequestError | null;
  readonly loading: boolean;
}

function asApiError(error: unknown, viewer: Viewer): ApiRequestError {
  const apiError = error instanceof ApiRequestError ? error : new ApiRequestError([{ code: 'CLIENT_ERROR', message: (error as Error).message, path: null }]);
  if (apiError.code === 'UNAUTHENTICATED') viewer.expire(apiError);
  return apiError;
}

/** Runs a query when the page opens and whenever `variables` change (compared as JSON). */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V, skip = false): Loaded<R> & { reload: () => void } {
  const viewer = useViewer();
  const { token } = viewer;
  const [state, setState] = useState<Loaded<R>>({ data: null, error: null, loading: !skip });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    execute(document, JSON.parse(key) as V, token).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error: asApiError(error, viewer), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [document, key, token, skip, generation, viewer]);
  return { ...state, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}

/** A mutation (or a query run on demand, from a form). */
export function useAction<R, V>(document: TypedDocumentString<R, V>): Loaded<R> & { run: (variables: V) => Promise<R | null>; reset: () => void } {
  const viewer = useViewer();
  const { token } = viewer;
  const [state, setState] = useState<Loaded<R>>({ data: null, error: null, loading: false });
  const run = useCallback(
    async (variables: V) => {
      setState({ data: null, error: null, loading: true });
      try {
        const data = await execute(document, variables, token);
        setState({ data, error: null, loading: false });
        return data;
      } catch (error) {
        setState({ data: null, error: asApiError(error, viewer), loading: false });
        return null;
      }
    },
    [document, token, viewer],
  );
  const reset = useCallback(() => setState({ data: null, error: null, loading: false }), []);
  return { ...state, run, reset };
}
