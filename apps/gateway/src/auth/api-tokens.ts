import { createHash, timingSafeEqual } from 'node:crypto';
import { type Actor, Role } from '@cp/contracts';
import { z } from 'zod';

/**
 * Static bearer tokens with roles, from configuration: `token:role+role,token2:role`.
 * For deployments that keep secrets in their own store (and for tests); people use JWTs and
 * pipelines API keys. Tokens are compared by
 * their SHA-256 in constant time and never logged.
 */
export const ApiTokensSetting = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const entries: { digest: Buffer; actor: Actor }[] = [];
    for (const [index, item] of value.split(',').map((s) => s.trim()).filter(Boolean).entries()) {
      const [token, roles] = item.split(':');
      const parsedRoles = z.array(Role).min(1).safeParse((roles ?? '').split('+').filter(Boolean));
      if (!token || token.length < 16 || !parsedRoles.success) {
        ctx.addIssue({ code: 'custom', message: `entry ${index + 1} must be <token of 16+ characters>:<role>[+<role>] with roles among ${Role.options.join(', ')}` });
        return z.NEVER;
      }
      entries.push({ digest: digest(token), actor: { id: `token-${index + 1}`, roles: parsedRoles.data } });
    }
    return entries;
  });
export type ApiTokens = z.output<typeof ApiTokensSetting>;

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function actorForToken(tokens: ApiTokens, token: string): Actor | null {
  const candidate = digest(token);
  return tokens.find((t) => timingSafeEqual(t.digest, candidate))?.actor ?? null;
}
