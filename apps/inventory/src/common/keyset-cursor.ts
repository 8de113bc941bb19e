import { HandlerError } from '@cp/messaging';

/** Opaque to clients; the keyset position (an id) inside, tagged with its connection's kind. */
export function encodeKeysetCursor(kind: string, id: string): string {
  return Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');
}

export function decodeKeysetCursor(kind: string, cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${kind}:`;
  if (!decoded.startsWith(prefix) || decoded.length === prefix.length) {
    throw new HandlerError('BAD_REQUEST', 'after: is not a cursor returned by this connection', 'after');
  }
  return decoded.slice(prefix.length);
}
