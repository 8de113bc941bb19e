import { Role } from '@cp/contracts';
import { createLocalJWKSet, createRemoteJWKSet, importSPKI, type JWTVerifyGetKey, jwtVerify, type KeyObject } from 'jose';
import { type Authentication, type Principal, refused } from './principal.js';

/** How people's bearer tokens are checked: issuer, audience and where the signing keys are. */
export interface JwtSettings {
  readonly issuer: string;
  readonly audience: string;
  /** One of: a JWKS URL, a PEM public key (SPKI), or a shared HS256 secret of 32+ bytes. */
  readonly jwksUrl: string | null;
  readonly publicKeyPem: string | null;
  readonly secret: string | null;
  /** A JWKS document itself (tests and air-gapped installs). */
  readonly jwks: { keys: Record<string, unknown>[] } | null;
  readonly algorithms: readonly string[];
  /** The claim holding the roles: an array of role names, or a space-separated string. */
  readonly rolesClaim: string;
  readonly clockToleranceSeconds: number;
}

type Key = JWTVerifyGetKey | KeyObject | Uint8Array;

/** Verifies JWTs with jose; the roles come from one claim and unknown role names are ignored. */
export class JwtVerifier {
  private key: Promise<Key> | null = null;

  constructor(private readonly settings: JwtSettings) {}

  looksLikeJwt(token: string): boolean {
    return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
  }

  async authenticate(token: string): Promise<Authentication> {
    const key = await (this.key ??= this.loadKey());
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key as never, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: [...this.settings.algorithms],
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
      return refused(`the bearer token was refused (${code})`);
    }
    const claim = payload[this.settings.rolesClaim];
    const names = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
    const roles = [...new Set(names.filter((n): n is Role => Role.safeParse(n).success))];
    const principal: Principal = { id: `jwt:${payload.sub}`.slice(0, 200), roles, method: 'JWT', expiresAt: new Date(payload.exp! * 1000) };
    return { principal, failure: null };
  }

  private async loadKey(): Promise<Key> {
    const s = this.settings;
    if (s.jwksUrl) return createRemoteJWKSet(new URL(s.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    if (s.jwks) return createLocalJWKSet(s.jwks as never);
    if (s.publicKeyPem) return importSPKI(s.publicKeyPem, s.algorithms[0]!);
    if (s.secret) return new TextEncoder().encode(s.secret);
    throw new Error('JWT settings name no key source');
  }
}
