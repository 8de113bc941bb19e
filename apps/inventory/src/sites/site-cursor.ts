import { decodeKeysetCursor, encodeKeysetCursor } from '../common/keyset-cursor.js';

export const encodeCursor = (siteId: string): string => encodeKeysetCursor('site', siteId);
export const decodeCursor = (cursor: string): string => decodeKeysetCursor('site', cursor);
