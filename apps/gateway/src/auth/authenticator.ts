import { Inject, Injectable } from '@nestjs/common';
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

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayModuleOptions,
    private readonly apiKeys: ApiKeysService,
  ) {
    this.jwt = options.security.jwt ? new JwtVerifier(options.security.jwt) : null;
  }

  of(request: RequestWithAuth): Promise<Authentication> {
    return (request.authentication ??= this.authenticate(request.headers.authorization));
  }

  private async authenticate(header: string | string[] | undefined): Promise<Authentication> {
    const value = Array.isArray(header) ? header[0] : header;
    if (value === undefined || value === '') return ANONYMOUS;
    const match = /^Bearer ([\x21-\x7e]{1,4096})$/.exec(value.trim());
    if (!match) return refused('the Authorization header must read "Bearer <API key or token>"');
    const token = match[1]!;
    if (this.apiKeys.isApiKey(token)) return this.apiKeys.authenticate(token);
    if (this.jwt?.looksLikeJwt(token)) return this.jwt.authenticate(token);
    const actor = actorForToken(this.options.security.apiTokens, token);
    return actor ? { principal: { ...actor, method: 'STATIC_TOKEN', expiresAt: null }, failure: null } : refused('the bearer token is not valid');
  }
}
