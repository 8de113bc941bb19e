import { describe, expect, it } from '@jest/globals';
import { HandlerError } from '@cp/messaging';
import { decodeCursor, encodeCursor } from './site-cursor.js';

describe('site cursor', () => {
  it.each(['my-johor-sedenak', 'cn-ulanqab', 'a'])('round-trips %s', (id) => {
    expect(decodeCursor(encodeCursor(id))).toBe(id);
  });

  it.each(['not-a-cursor', '', Buffer.from('site:').toString('base64url'), Buffer.from('pool:x').toString('base64url')])(
    'refuses %j as BAD_REQUEST on field after',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(HandlerError);
      try {
        decodeCursor(cursor);
      } catch (error) {
        expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'after' });
      }
    },
  );
});
