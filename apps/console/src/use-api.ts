import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { ApiRequestError, execute } from './api/client';
import type { TypedDocumentString } from './gql/graphql';

export interface Viewer {
  readonly id: string;
  readonly roles: readonly string[];
  readonly token: string;
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

function asApiError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError([{ code: 'CLIENT_ERROR', message: (error as Error).message, path: null }]);
}

/** Runs a query when the page opens and whenever `variables` change (compared as JSON). */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V, skip = false): Loaded<R> & { reload: () => void } {
  const { token } = useViewer();
  const [state, setState] = useState<Loaded<R>>({ data: null, error: null, loading: !skip });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    execute(document, JSON.parse(key) as V, token).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error: asApiError(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [document, key, token, skip, generation]);
  return { ...state, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}

/** A mutation (or a query run on demand, from a form). */
export function useAction<R, V>(document: TypedDocumentString<R, V>): Loaded<R> & { run: (variables: V) => Promise<R | null>; reset: () => void } {
  const { token } = useViewer();
  const [state, setState] = useState<Loaded<R>>({ data: null, error: null, loading: false });
  const run = useCallback(
    async (variables: V) => {
      setState({ data: null, error: null, loading: true });
      try {
        const data = await execute(document, variables, token);
        setState({ data, error: null, loading: false });
        return data;
      } catch (error) {
        setState({ data: null, error: asApiError(error), loading: false });
        return null;
      }
    },
    [document, token],
  );
  const reset = useCallback(() => setState({ data: null, error: null, loading: false }), []);
  return { ...state, run, reset };
}
