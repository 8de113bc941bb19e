import { env } from '@cp/service-kit';
import { z } from 'zod';
import { type ApiTokens, ApiTokensSetting } from './auth/api-tokens.js';
import type { JwtSettings } from './auth/jwt-verifier.js';

/** What the gateway's door needs: credentials, limits and headers. */
export interface GatewaySecurity {
  /** Static bearer tokens from configuration (deployments with their own secret store, tests). */
  readonly apiTokens: ApiTokens;
  /** People's bearer tokens; null: JWTs are not accepted. */
  readonly jwt: JwtSettings | null;
  readonly limits: GraphQLLimits;
  readonly rateLimit: { readonly perMinute: number; readonly anonymousPerMinute: number; readonly failedAuthPerMinute: number };
  /** Origins a browser may call the API from; empty: same origin only. */
  readonly corsOrigins: readonly string[];
  readonly bodyLimitBytes: number;
}

/** Validation limits on every GraphQL document (graphql-armor); the README lists the values. */
export interface GraphQLLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
}

const csv = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean));
const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** The environment variables of the gateway's security settings, shared by the gateway and the embedded default. */
export const SecurityEnv = {
  /** `token:role+role,…` — static bearer tokens and their roles (tokens of 16+ characters). */
  CP_API_TOKENS: ApiTokensSetting,
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A PEM public key (SPKI), instead of a JWKS URL. */
  JWT_PUBLIC_KEY: z.string().includes('BEGIN PUBLIC KEY').optional(),
  /** A shared HS256 secret of 32+ characters, instead of public keys. */
  JWT_SECRET: z.string().min(32).optional(),
  JWT_ALGORITHMS: csv,
  JWT_ROLES_CLAIM: z.string().min(1).default('roles'),
  RATE_LIMIT_PER_MINUTE: count(1_200, 1_000_000_000),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: count(60, 1_000_000_000),
  /** Failed credentials per client address and minute before API key checks pause for that address. */
  RATE_LIMIT_FAILED_AUTH_PER_MINUTE: count(20, 1_000_000_000),
  GRAPHQL_MAX_DEPTH: count(12, 100),
  GRAPHQL_MAX_COST: count(20_000, 10_000_000),
  GRAPHQL_MAX_ALIASES: count(15, 1_000),
  GRAPHQL_MAX_DIRECTIVES: count(20, 1_000),
  GRAPHQL_MAX_TOKENS: count(5_000, 1_000_000),
  CORS_ORIGINS: csv,
  HTTP_BODY_LIMIT_BYTES: count(1_048_576, 100 * 1_048_576),
  /** Make an admin API key on the first start and print it once (the embedded default does). */
  BOOTSTRAP_ADMIN_KEY: env.bool(false),
};

const SecurityConfigSchema = z.object(SecurityEnv);
type SecurityConfig = z.output<typeof SecurityConfigSchema>;

/** Refuses half a JWT configuration: issuer and audience together, with exactly one key source. */
export function checkJwtSettings(config: Partial<SecurityConfig>, ctx: z.RefinementCtx): void {
  const sources = (['JWT_JWKS_URL', 'JWT_PUBLIC_KEY', 'JWT_SECRET'] as const).filter((k) => config[k] !== undefined);
  const any = config.JWT_ISSUER !== undefined || config.JWT_AUDIENCE !== undefined || sources.length > 0;
  if (!any) return;
  if (!config.JWT_ISSUER) ctx.addIssue({ code: 'custom', path: ['JWT_ISSUER'], message: 'is required when JWTs are configured' });
  if (!config.JWT_AUDIENCE) ctx.addIssue({ code: 'custom', path: ['JWT_AUDIENCE'], message: 'is required when JWTs are configured' });
  if (sources.length !== 1) ctx.addIssue({ code: 'custom', path: ['JWT_JWKS_URL'], message: `give exactly one of JWT_JWKS_URL, JWT_PUBLIC_KEY, JWT_SECRET (got ${sources.length})` });
}

export function securityFrom(config: SecurityConfig): GatewaySecurity {
  const jwt: JwtSettings | null = config.JWT_ISSUER
    ? {
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE!,
        jwksUrl: config.JWT_JWKS_URL ?? null,
        publicKeyPem: config.JWT_PUBLIC_KEY ?? null,
        secret: config.JWT_SECRET ?? null,
        jwks: null,
        algorithms: config.JWT_ALGORITHMS.length > 0 ? config.JWT_ALGORITHMS : config.JWT_SECRET ? ['HS256'] : ['RS256', 'ES256', 'EdDSA'],
        rolesClaim: config.JWT_ROLES_CLAIM,
        clockToleranceSeconds: 30,
      }
    : null;
  return {
    apiTokens: config.CP_API_TOKENS,
    jwt,
    limits: {
      maxDepth: config.GRAPHQL_MAX_DEPTH,
      maxCost: config.GRAPHQL_MAX_COST,
      maxAliases: config.GRAPHQL_MAX_ALIASES,
      maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: config.GRAPHQL_MAX_TOKENS,
    },
    rateLimit: { perMinute: config.RATE_LIMIT_PER_MINUTE, anonymousPerMinute: config.RATE_LIMIT_ANONYMOUS_PER_MINUTE, failedAuthPerMinute: config.RATE_LIMIT_FAILED_AUTH_PER_MINUTE },
    corsOrigins: config.CORS_ORIGINS,
    bodyLimitBytes: config.HTTP_BODY_LIMIT_BYTES,
  };
}

/** The defaults, as `securityFrom` gives them for an empty environment (tests start from these). */
export function defaultSecurity(overrides: Partial<GatewaySecurity> = {}): GatewaySecurity {
  return { ...securityFrom(SecurityConfigSchema.parse({})), ...overrides };
}
