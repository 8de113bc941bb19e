import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { GATEWAY_OPTIONS, type GatewayModuleOptions } from '../gateway.options.js';
import { actorForToken } from './api-tokens.js';
import { ApiKeysService } from './api-keys.service.js';
import { JwtVerifier } from './jwt-verifier.js';
import { ANONYMOUS, type Authentication, refused } from './principal.js';

/** What the gateway reads of an HTTP request or a WebSocket connection's parameters. */
export interface RequestWithAuth {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  socket?: { remoteAddress?: string };
  /** Set once per request by `Authenticator.of`. */
  authentication?: Promise<Authentication>;
}

/**
 * Reads `Authorization: Bearer <credential>` once per request: an API key (`cpk_…`), a JWT
 * when JWTs are configured, or a static token from CP_API_TOKENS. A credential that is
 * present but wrong is refused, never treated as anonymous.
 */
@Injectable()
export class Authenticator {
  private readonly jwt: JwtVerifier | null;
  private readonly failures: RateLimiterMemory;

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
    private readonly apiKeys: ApiKeysService,
  ) {
    this.jwt = options.security.jwt ? new JwtVerifier(options.security.jwt) : null;
    this.failures = new RateLimiterMemory({ keyPrefix: 'failed-auth', points: options.security.rateLimit.failedAuthPerMinute, duration: 60 });
  }

  of(request: RequestWithAuth): Promise<Authentication> {
    return (request.authentication ??= this.authenticateCounted(request));
  }

  /**
   * Failed credentials are counted per client address. Past the limit, API keys that would
   * need an argon2 check are refused without one (a flood of guesses costs no CPU); keys this
   * gateway verified recently, JWTs and static tokens still work, so a shared address is not
   * locked out.
   */
  private async authenticateCounted(request: RequestWithAuth): Promise<Authentication> {
    const address = request.ip ?? request.socket?.remoteAddress ?? 'unknown';
    const record = await this.failures.get(address);
    const blocked = record !== null && record.consumedPoints >= this.failures.points;
    const result = await this.authenticate(request.headers.authorization, blocked ? Math.ceil(record.msBeforeNext / 1000) : null);
    if (result.failure) await this.failures.penalty(address, 1);
    return result;
  }

  private async authenticate(header: string | string[] | undefined, blockedForSeconds: number | null): Promise<Authentication> {
    const value = Array.isArray(header) ? header[0] : header;
    if (value === undefined || value === '') return ANONYMOUS;
    const match = /^Bearer ([\x21-\x7e]{1,4096})$/.exec(value.trim());
    if (!match) return refused('the Authorization header must read "Bearer <API key or token>"');
    const token = match[1]!;
    if (this.apiKeys.isApiKey(token)) {
      const known = this.apiKeys.recentlyVerified(token);
      if (known) return known;
      if (blockedForSeconds !== null) return refused(`too many failed sign-ins from this address; retry after ${blockedForSeconds} s`);
      return this.apiKeys.authenticate(token);
    }
    if (this.jwt?.looksLikeJwt(token)) return this.jwt.authenticate(token);
    const actor = actorForToken(this.options.security.apiTokens, token);
    return actor ? { principal: { ...actor, method: 'STATIC_TOKEN', expiresAt: null }, failure: null } : refused('the bearer token is not valid');
  }
}
