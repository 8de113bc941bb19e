import { HandlerError } from '@cp/messaging';

const CURSOR_PREFIX = 'site:';

/** Opaque to clients; the keyset position (site id) inside, tagged so other cursors are refused. */
export function encodeCursor(siteId: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${siteId}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || decoded.length === CURSOR_PREFIX.length) {
    throw new HandlerError('BAD_REQUEST', 'after: is not a cursor returned by this connection', 'after');
  }
  return decoded.slice(CURSOR_PREFIX.length);
}
