import { randomBytes, randomUUID } from 'node:crypto';

/**
 * API keys read `cpk_<key id, 32 hex>_<secret, 43 base64url characters>`: the prefix lets
 * secret scanners find leaked keys, the id makes verification one row and one argon2 check.
 */
const PATTERN = /^cpk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyParts {
  readonly id: string;
  readonly secret: string;
}

export function newApiKeyToken(): ApiKeyParts & { readonly token: string } {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `cpk_${id.replaceAll('-', '')}_${secret}` };
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('cpk_');
}

export function parseApiKeyToken(token: string): ApiKeyParts | null {
  const match = PATTERN.exec(token);
  if (!match) return null;
  const hex = match[1]!;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2]! };
}
