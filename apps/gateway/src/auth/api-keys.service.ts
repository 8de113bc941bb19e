import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Actor, Role } from '@cp/contracts';
import argon2 from 'argon2';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { userInputError } from '../common/graphql-errors.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { looksLikeApiKey, newApiKeyToken, parseApiKeyToken } from './api-key-token.js';
import { type Authentication, type Principal, refused } from './principal.js';

/** argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): ~20 ms a check here. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/**
 * A verified key is trusted for this long without another argon2 check. A revocation on this
 * gateway takes effect at once; on other gateway instances within this time.
 */
const VERIFIED_TTL_MS = 30_000;
const MAX_CACHED = 10_000;
/** last_used_at is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_LIFETIME_MS = 2 * 366 * 24 * 3_600_000;

export interface CreatedApiKey {
  readonly key: ApiKeyEntity;
  /** The whole token; shown once, never stored. */
  readonly token: string;
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger('ApiKeys');
  /** SHA-256 of a verified token → principal and when it was checked. */
  private readonly verified = new Map<string, { principal: Principal; keyId: string; checkedAt: number }>();
  private readonly lastUsedWritten = new Map<string, number>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(actor: Actor, input: { name: string; roles: readonly string[]; expiresAt: Date | null }, now = new Date()): Promise<CreatedApiKey> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100 || /[\p{Cc}\p{Cf}]/u.test(name)) throw userInputError('name', 'must be 1–100 characters without control or format characters');
    if (input.roles.length === 0) throw userInputError('roles', 'must name at least one role');
    const roles = [...new Set(input.roles)];
    for (const [index, role] of roles.entries()) {
      if (!Role.safeParse(role).success) throw userInputError(`roles.${index}`, `${role} is not a role; use ${Role.options.join(', ')}`);
    }
    if (input.expiresAt) {
      if (Number.isNaN(input.expiresAt.getTime()) || input.expiresAt <= now) throw userInputError('expiresAt', 'must be in the future');
      if (input.expiresAt.getTime() - now.getTime() > MAX_LIFETIME_MS) throw userInputError('expiresAt', 'must be within two years; rotate keys rather than keep them forever');
    }
    return this.insert({ name, roles, createdBy: actor.id, expiresAt: input.expiresAt, bootstrap: false }, now);
  }

  /**
   * The admin key of a new installation: made once, ever. Returns null when one was made
   * before (even if since revoked), so a restart never prints a second key.
   */
  async createBootstrapAdminKey(now = new Date()): Promise<CreatedApiKey | null> {
    const exists = await this.dataSource.getRepository(ApiKeyEntity).exists({ where: { bootstrap: true } });
    if (exists) return null;
    try {
      return await this.insert({ name: 'bootstrap admin', roles: ['admin'], createdBy: 'system', expiresAt: null, bootstrap: true }, now);
    } catch (error) {
      // Another instance made it between the check and the insert: the unique index decided.
      if ((error as { code?: string }).code === '23505') return null;
      throw error;
    }
  }

  async revoke(actor: Actor, id: string, now = new Date()): Promise<ApiKeyEntity> {
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    const key = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? await repository.findOne({ where: { id } }) : null;
    if (!key) throw new GraphQLError(`id: no API key ${id}`, { extensions: { code: 'NOT_FOUND', field: 'id' } });
    if (!key.revokedAt) {
      await repository.update({ id }, { revokedAt: now, revokedBy: actor.id });
      key.revokedAt = now;
      key.revokedBy = actor.id;
    }
    for (const [digest, entry] of this.verified) if (entry.keyId === id) this.verified.delete(digest);
    return key;
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'DESC', id: 'ASC' } });
  }

  isApiKey(token: string): boolean {
    return looksLikeApiKey(token);
  }

  /** A key this gateway verified within the last 30 s (and still valid): no argon2 check needed. */
  recentlyVerified(token: string, now = Date.now()): Authentication | null {
    const digest = createHash('sha256').update(token).digest('base64');
    const cached = this.verified.get(digest);
    if (!cached) return null;
    if (now - cached.checkedAt < VERIFIED_TTL_MS && (!cached.principal.expiresAt || cached.principal.expiresAt.getTime() > now)) {
      this.touch(cached.keyId, now);
      return { principal: cached.principal, failure: null };
    }
    this.verified.delete(digest);
    return null;
  }

  async authenticate(token: string, now = Date.now()): Promise<Authentication> {
    const known = this.recentlyVerified(token, now);
    if (known) return known;
    const digest = createHash('sha256').update(token).digest('base64');
    const parts = parseApiKeyToken(token);
    if (!parts) return refused('the API key is malformed');
    const key = await this.dataSource.getRepository(ApiKeyEntity).findOne({ where: { id: parts.id } });
    // The same words for an unknown key and a wrong secret: a caller learns nothing about ids.
    if (!key || !(await argon2.verify(key.secretHash, parts.secret))) return refused('the API key is not valid');
    if (key.revokedAt) return refused(`the API key ${key.id} was revoked at ${key.revokedAt.toISOString()}`);
    if (key.expiresAt && key.expiresAt.getTime() <= now) return refused(`the API key ${key.id} expired at ${key.expiresAt.toISOString()}`);
    const principal: Principal = { id: `key:${key.id}`, roles: key.roles.filter((r): r is Role => Role.safeParse(r).success), method: 'API_KEY', expiresAt: key.expiresAt };
    if (this.verified.size >= MAX_CACHED) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(digest, { principal, keyId: key.id, checkedAt: now });
    this.touch(key.id, now);
    return { principal, failure: null };
  }

  private async insert(fields: Pick<ApiKeyEntity, 'name' | 'roles' | 'createdBy' | 'expiresAt' | 'bootstrap'>, now: Date): Promise<CreatedApiKey> {
    const { id, secret, token } = newApiKeyToken();
    const secretHash = await argon2.hash(secret, ARGON2);
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    const key = repository.create({ id, ...fields, secretHash, createdAt: now, revokedAt: null, revokedBy: null, lastUsedAt: null });
    await repository.insert(key);
    return { key, token };
  }

  /** Records use at most once a minute per key; a failed write costs the hint, not the request. */
  private touch(keyId: string, now: number): void {
    const last = this.lastUsedWritten.get(keyId) ?? 0;
    if (now - last < LAST_USED_RESOLUTION_MS) return;
    this.lastUsedWritten.set(keyId, now);
    this.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id: keyId }, { lastUsedAt: new Date(now) })
      .catch((error: unknown) => this.logger.warn(`last_used_at of key ${keyId} not written: ${error instanceof Error ? error.message : String(error)}`));
  }
}
