import type { ApiRequestError } from '../api/client';

/** Every error the gateway gave, with its code and the field it names. */
export function ErrorBox({ error }: { error: ApiRequestError | null }) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      {error.errors.map((e, i) => (
        <p key={i}>
          <strong>{e.code}</strong> {e.message}
          {e.path ? <span className="muted"> — at {e.path}</span> : null}
        </p>
      ))}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="muted" role="status">Loading {what}…</p>;
}
