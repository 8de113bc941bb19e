import { describe, expect, it } from '@jest/globals';
import { newApiKeyToken, parseApiKeyToken } from './api-key-token.js';

describe('API key tokens', () => {
  it('round-trips the key id and secret through the token', () => {
    const key = newApiKeyToken();
    expect(key.token).toMatch(/^cpk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKeyToken(key.token)).toEqual({ id: key.id, secret: key.secret });
  });

  it('makes a different secret every time', () => {
    expect(newApiKeyToken().secret).not.toBe(newApiKeyToken().secret);
  });

  it.each(['cpk_', 'cpk_xyz_abc', `cpk_${'0'.repeat(32)}_short`, `cpk_${'G'.repeat(32)}_${'a'.repeat(43)}`, `${newApiKeyToken().token}x`, ` ${newApiKeyToken().token}`])(
    'refuses %p',
    (token) => {
      expect(parseApiKeyToken(token)).toBeNull();
    },
  );
});
