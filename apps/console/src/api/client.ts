import type { TypedDocumentString } from '../gql/graphql';

/** One GraphQL error as the gateway reports it: a message naming the field, and a stable code. */
export interface ApiError {
  readonly message: string;
  readonly code: string;
  readonly path: string | null;
}

export class ApiRequestError extends Error {
  constructor(readonly errors: readonly ApiError[]) {
    super(errors.map(describeError).join('; '));
    this.name = 'ApiRequestError';
  }

  get code(): string {
    return this.errors[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }
}

export function describeError(error: ApiError): string {
  return `${error.code}: ${error.message}${error.path ? ` (at ${error.path})` : ''}`;
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

export function authHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** POST one operation to /graphql; throws ApiRequestError with every error the gateway gave. */
export async function execute<R, V>(document: TypedDocumentString<R, V>, variables: V, token: string | null): Promise<R> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders(token) },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (cause) {
    throw new ApiRequestError([{ code: 'NETWORK_ERROR', message: `the gateway could not be reached (${(cause as Error).message})`, path: null }]);
  }
  let body: GraphQLResponse<R>;
  try {
    body = (await response.json()) as GraphQLResponse<R>;
  } catch {
    throw new ApiRequestError([{ code: `HTTP_${response.status}`, message: `the gateway answered ${response.status} ${response.statusText} without a GraphQL body`, path: null }]);
  }
  // A field the caller's role may not see (e.g. a pool's contract price) comes back null with a
  // FORBIDDEN error at its path; the rest of the answer is still good, so show it.
  const fieldDenials = (body.errors ?? []).every((e) => e.extensions?.code === 'FORBIDDEN' && (e.path?.length ?? 0) > 1);
  if (body.errors?.length && !(body.data && fieldDenials)) {
    throw new ApiRequestError(
      body.errors.map((e) => ({ message: e.message, code: e.extensions?.code ?? 'INTERNAL_SERVER_ERROR', path: e.path?.join('.') ?? null })),
    );
  }
  if (!body.data) throw new ApiRequestError([{ code: `HTTP_${response.status}`, message: 'the gateway answered without data', path: null }]);
  return body.data;
}

/**
 * Download a cost-ledger export (the gateway's HTTP endpoint, with the bearer token) and save it
 * under the file name the gateway gives.
 */
export async function downloadExport(format: 'csv' | 'xlsx', params: Record<string, string>, token: string | null): Promise<string> {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''));
  let response: Response;
  try {
    response = await fetch(`/exports/cost-ledger.${format}?${query.toString()}`, { headers: authHeaders(token) });
  } catch (cause) {
    throw new ApiRequestError([{ code: 'NETWORK_ERROR', message: `the gateway could not be reached (${(cause as Error).message})`, path: null }]);
  }
  if (!response.ok) {
    // The export endpoint answers { error: { code, message, field? } }.
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
    throw new ApiRequestError([
      { code: body?.error?.code ?? `HTTP_${response.status}`, message: body?.error?.message ?? `export failed with HTTP ${response.status}`, path: body?.error?.field ?? null },
    ]);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `cost-ledger.${format}`;
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has been handled, so the browser has started reading the blob.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}
