import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decideAccess } from '@cp/access';
import { InventoryAdminV1, ComplianceAdminV1, type Role, Role as RoleSchema } from '@cp/contracts';
import { ApiTokensSetting, defaultSecurity, startGateway } from '@cp/gateway-service';
import { InProcessBus, RemoteError } from '@cp/messaging';
import { eventually, transports } from '@cp/testing';
import { createClient } from 'graphql-ws';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import pg from 'pg';
import request from 'supertest';
import WebSocket from 'ws';
import { publicOperations, sampleVariables } from './graphql-operations.js';
import { startTestSystem, type TestSystem } from './support.js';

const ROLES = RoleSchema.options;
const TOKENS = Object.fromEntries(ROLES.map((role) => [role, `${role}-${randomUUID()}`])) as Record<Role, string>;
const OTHER_PIPELINE = `pipeline-b-${randomUUID()}`;
const apiTokens = ApiTokensSetting.parse([...ROLES.map((role) => `${TOKENS[role]}:${role}`), `${OTHER_PIPELINE}:pipeline`].join(','));
const CALLERS: readonly (Role | 'anonymous')[] = ['anonymous', ...ROLES];
const ACTOR_OF = (caller: Role | 'anonymous') => (caller === 'anonymous' ? null : { id: caller, roles: [caller] });

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const JWT = { issuer: 'https://login.example.test/', audience: 'compute-planner' };

function workload(overrides: Record<string, unknown> = {}) {
  return {
    name: 'access fine-tune',
    workload: { kind: 'FINE_TUNING', activeParameters: 8e9, tokens: 2e10, modelType: 'DENSE', precision: 'BF16', devices: 16, mfu: { low: 0.3, expected: 0.35, high: 0.4 } },
    legalEntityId: 'demo-sg-subsidiary',
    costCenter: 'cc-access',
    window: { from: '2027-02-01T00:00:00Z', to: '2027-02-15T00:00:00Z' },
    weights: { cost: 1, time: 0, risk: 0, latency: 0 },
    ...overrides,
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const OPERATIONS = publicOperations();
const HTTP_OPERATIONS = OPERATIONS.filter((op) => op.kind !== 'subscription');

describe.each(transports)('access control on %s', (transport) => {
  let t: TestSystem;
  let jwks: Server;
  let signingKey: SigningKey;
  let strangerKey: SigningKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    signingKey = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    // The identity provider's JWKS endpoint, on loopback.
    jwks = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`;
    t = await startTestSystem(transport, 'access', {
      apiTokens,
      security: {
        jwt: { ...JWT, jwksUrl, publicKeyPem: null, secret: null, jwks: null, algorithms: ['RS256'], rolesClaim: 'roles', clockToleranceSeconds: 0 },
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  const jwt = (claims: Record<string, unknown>, options: { key?: SigningKey; audience?: string; expiresIn?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(JWT.issuer)
      .setAudience(options.audience ?? JWT.audience)
      .setSubject('alice@example.test')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '10m')
      .sign(options.key ?? signingKey);

  describe('role matrix', () => {
    it.each(HTTP_OPERATIONS.map((op) => [op.key, op] as const))('%s: every role and anonymous get what the access table says', async (_key, op) => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of CALLERS) {
        const response = await t.graphql(op.document, sampleVariables(op), caller === 'anonymous' ? null : TOKENS[caller]);
        expect(response.status).toBeLessThan(500);
        const code = response.body.errors?.[0]?.extensions?.code as string | undefined;
        outcomes[caller] = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'ALLOWED';
        const decision = decideAccess(op.key, ACTOR_OF(caller));
        expected[caller] = decision.allowed ? 'ALLOWED' : decision.code;
      }
      expect(outcomes).toEqual(expected);
    });

    it('subscriptions over graphql-ws: pipelines and planners (and admins) may follow requests; others are refused', async () => {
      const url = `${t.system.gateway.url!.replace(/^http/, 'ws')}/graphql`;
      const outcomes: Record<string, string> = {};
      for (const caller of CALLERS) {
        const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: caller === 'anonymous' ? {} : { authorization: `Bearer ${TOKENS[caller]}` } });
        outcomes[caller] = await new Promise<string>((resolve) => {
          const timer = setTimeout(() => resolve('ALLOWED'), 750);
          client.subscribe(
            { query: 'subscription { workloadRequestChanged { id } }' },
            {
              next: () => undefined,
              error: (errors) => {
                clearTimeout(timer);
                resolve(((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code ?? 'ERROR') as string);
              },
              complete: () => undefined,
            },
          );
        });
        await client.dispose();
      }
      expect(outcomes).toEqual({ anonymous: 'UNAUTHENTICATED', planner: 'ALLOWED', finance: 'FORBIDDEN', pipeline: 'ALLOWED', 'compliance-admin': 'FORBIDDEN', 'inventory-admin': 'FORBIDDEN', admin: 'ALLOWED' });
    });

    it('matches the issue’s examples: ledger and exports for finance and admin, rule packs for compliance-admin', async () => {
      const codeOf = async (query: string, variables: Record<string, unknown>, token: string) => (await t.graphql(query, variables, token)).body.errors?.[0]?.extensions?.code ?? 'OK';
      const ledger = 'query { ledgerEntries(filter: { from: "2027-01-01", to: "2027-02-01" }, first: 1) { entries { id } } }';
      expect(await codeOf(ledger, {}, TOKENS.finance)).toBe('OK');
      expect(await codeOf(ledger, {}, TOKENS.admin)).toBe('OK');
      for (const role of ['planner', 'pipeline', 'compliance-admin', 'inventory-admin'] as const) expect(await codeOf(ledger, {}, TOKENS[role])).toBe('FORBIDDEN');
      const exportAs = (token: string) => request(t.system.gateway.app.getHttpServer()).get('/exports/cost-ledger.csv?from=2027-01-01&to=2027-02-01').set('authorization', `Bearer ${token}`);
      expect((await exportAs(TOKENS.finance)).status).toBe(200);
      expect((await exportAs(TOKENS.planner)).body).toEqual({ error: { code: 'FORBIDDEN', message: expect.stringContaining('finance') } });
      expect((await request(t.system.gateway.app.getHttpServer()).get('/exports/cost-ledger.csv?from=2027-01-01&to=2027-02-01')).status).toBe(401);
      const publish = 'mutation($pack: JSONObject!) { publishRulePack(pack: $pack) { summary { version } } }';
      for (const role of ['planner', 'finance', 'pipeline', 'inventory-admin'] as const) expect(await codeOf(publish, { pack: {} }, TOKENS[role])).toBe('FORBIDDEN');
      expect(await codeOf(publish, { pack: {} }, TOKENS['compliance-admin'])).toBe('BAD_USER_INPUT');
    });
  });

  it('shows contract prices of pools to planners, finance and inventory admins only', async () => {
    const query = '{ capacityPools(first: 2) { edges { node { id price { amount { amount currency } } } } } }';
    const planner = await t.graphql(query, {}, TOKENS.planner);
    expect(planner.body.errors).toBeUndefined();
    expect(planner.body.data.capacityPools.edges[0].node.price.amount.currency).toMatch(/^[A-Z]{3}$/);
    const pipeline = await t.graphql(query, {}, TOKENS.pipeline);
    expect(pipeline.body.data.capacityPools.edges[0].node).toEqual({ id: planner.body.data.capacityPools.edges[0].node.id, price: null });
    expect(pipeline.body.errors[0]).toMatchObject({ path: ['capacityPools', 'edges', 0, 'node', 'price'], extensions: { code: 'FORBIDDEN' } });
  });

  it('lets a pipeline read its own workload requests and recommendations only', async () => {
    const submit = `mutation($key: String!, $input: WorkloadInput!) { submitWorkloadRequest(idempotencyKey: $key, input: $input) { id submittedBy recommendation { id } } }`;
    const key = `own-${randomUUID()}`;
    const mine = await t.graphql(submit, { key, input: workload() }, TOKENS.pipeline);
    expect(mine.body.errors).toBeUndefined();
    const recommendationId = mine.body.data.submitWorkloadRequest.recommendation.id as string;
    const status = 'query($key: String!) { workloadRequest(idempotencyKey: $key) { id } }';
    expect((await t.graphql(status, { key }, TOKENS.pipeline)).body.data.workloadRequest).toEqual({ id: mine.body.data.submitWorkloadRequest.id });
    expect((await t.graphql(status, { key }, OTHER_PIPELINE)).body.data.workloadRequest).toBeNull();
    expect((await t.graphql(status, { key }, TOKENS.planner)).body.data.workloadRequest).not.toBeNull();
    const list = 'query { workloadRequests(first: 500) { idempotencyKey } }';
    const other = await t.graphql(list, {}, OTHER_PIPELINE);
    expect(other.body.errors).toBeUndefined();
    expect((await t.graphql(list, {}, OTHER_PIPELINE)).body.data.workloadRequests.map((r: { idempotencyKey: string }) => r.idempotencyKey)).not.toContain(key);
    expect((await t.graphql(list, {}, TOKENS.pipeline)).body.data.workloadRequests.map((r: { idempotencyKey: string }) => r.idempotencyKey)).toContain(key);
    const read = 'query($id: ID!) { recommendation(id: $id) { id } }';
    expect((await t.graphql(read, { id: recommendationId }, TOKENS.pipeline)).body.data.recommendation.id).toBe(recommendationId);
    expect((await t.graphql(read, { id: recommendationId }, OTHER_PIPELINE)).body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.graphql(read, { id: recommendationId }, TOKENS.planner)).body.data.recommendation.id).toBe(recommendationId);
  });

  describe('API keys', () => {
    const create = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret key { id name roles status actorId expiresAt } } }';
    const me = '{ me { id roles method expiresAt } }';

    it('are shown once, stored as argon2id hashes, work for their roles, record use and stop at revocation', async () => {
      const created = await t.graphql(create, { input: { name: 'nightly pipeline', roles: ['pipeline', 'planner'] } }, TOKENS.admin);
      expect(created.body.errors).toBeUndefined();
      const { secret, key } = created.body.data.createApiKey;
      expect(secret).toMatch(/^cpk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
      expect(key).toMatchObject({ name: 'nightly pipeline', roles: ['pipeline', 'planner'], status: 'ACTIVE', actorId: `key:${key.id}` });
      const [row] = await withClient(t.database.url, async (client) => (await client.query<{ secret_hash: string }>(`SELECT secret_hash FROM planning.api_keys WHERE id = $1`, [key.id])).rows);
      expect(row!.secret_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      expect(row!.secret_hash).not.toContain(secret.slice(-43));
      const listed = await t.graphql('{ apiKeys { id status lastUsedAt } }', {}, TOKENS.admin);
      expect(JSON.stringify(listed.body)).not.toContain(secret.slice(-43));

      expect((await t.graphql(me, {}, secret)).body.data.me).toEqual({ id: `key:${key.id}`, roles: ['pipeline', 'planner'], method: 'API_KEY', expiresAt: null });
      expect((await t.graphql('{ sites(first: 1) { totalCount } }', {}, secret)).body.errors).toBeUndefined();
      expect((await t.graphql('{ ledgerEntries(filter: { from: "2027-01-01", to: "2027-02-01" }, first: 1) { entries { id } } }', {}, secret)).body.errors[0].extensions.code).toBe('FORBIDDEN');
      await eventually(async () => {
        const keys = (await t.graphql('{ apiKeys { id lastUsedAt } }', {}, TOKENS.admin)).body.data.apiKeys as { id: string; lastUsedAt: string | null }[];
        return keys.find((k) => k.id === key.id)!.lastUsedAt ?? undefined;
      });

      const revoked = await t.graphql('mutation($id: ID!) { revokeApiKey(id: $id) { status revokedAt } }', { id: key.id }, TOKENS.admin);
      expect(revoked.body.data.revokeApiKey.status).toBe('REVOKED');
      const refused = await t.graphql(me, {}, secret);
      expect(refused.body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('revoked') });
      // A wrong secret for a real key id reads like an unknown key.
      const forged = `${secret.slice(0, 37)}${'A'.repeat(43)}`;
      expect((await t.graphql(me, {}, forged)).body.errors[0].message).toBe('the API key is not valid');
    });

    it('expire', async () => {
      const expiresAt = new Date(Date.now() + 2_000).toISOString();
      const created = await t.graphql(create, { input: { name: 'short-lived', roles: ['finance'], expiresAt } }, TOKENS.admin);
      const { secret } = created.body.data.createApiKey;
      expect((await t.graphql(me, {}, secret)).body.data.me.roles).toEqual(['finance']);
      await new Promise((resolve) => setTimeout(resolve, 2_200));
      expect((await t.graphql(me, {}, secret)).body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('expired') });
    });

    it.each([
      ['no roles', { name: 'x', roles: [] }, 'roles'],
      ['an unknown role', { name: 'x', roles: ['root'] }, 'roles.0'],
      ['an empty name', { name: '  ', roles: ['planner'] }, 'name'],
      ['an expiry in the past', { name: 'x', roles: ['planner'], expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
      ['an expiry beyond two years', { name: 'x', roles: ['planner'], expiresAt: '2040-01-01T00:00:00Z' }, 'expiresAt'],
    ])('refuse %s, naming the field', async (_name, input, field) => {
      const response = await t.graphql(create, { input }, TOKENS.admin);
      expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });

  describe('JWTs', () => {
    const me = '{ me { id roles method } }';

    it('accept a token from the configured issuer, with roles from its claim (unknown ones ignored)', async () => {
      const token = await jwt({ roles: ['finance', 'superuser'] });
      expect((await t.graphql(me, {}, token)).body.data.me).toEqual({ id: 'jwt:alice@example.test', roles: ['finance'], method: 'JWT' });
      expect((await t.graphql('query { ledgerEntries(filter: { from: "2027-01-01", to: "2027-02-01" }, first: 1) { entries { id } } }', {}, token)).body.errors).toBeUndefined();
    });

    it.each([
      ['signed by another key', () => jwt({ roles: ['admin'] }, { key: strangerKey })],
      ['for another audience', () => jwt({ roles: ['admin'] }, { audience: 'someone-else' })],
      ['expired', () => jwt({ roles: ['admin'] }, { expiresIn: '-1m' })],
      ['unsigned (alg none)', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['admin'], iss: JWT.issuer, aud: JWT.audience, exp: 9e9 })).toString('base64url')}.`],
    ])('refuse a token %s', async (_name, make) => {
      const response = await t.graphql(me, {}, await make());
      expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(response.body.data?.me ?? null).toBeNull();
    });
  });

  it('audits mutations, recommendations, refusals and exports in an append-only log that only admins read', async () => {
    const key = `audit-${randomUUID()}`;
    const submitted = await t.graphql('mutation($key: String!, $input: WorkloadInput!) { submitWorkloadRequest(idempotencyKey: $key, input: $input) { recommendation { id } } }', { key, input: workload() }, TOKENS.pipeline);
    const recommendationId = submitted.body.data.submitWorkloadRequest.recommendation.id as string;
    await t.graphql('query { ledgerEntries(filter: { from: "2027-01-01", to: "2027-02-01" }, first: 1) { entries { id } } }', {}, TOKENS.planner);
    await request(t.system.gateway.app.getHttpServer()).get('/exports/cost-ledger.csv?from=2027-01-01&to=2027-02-01').set('authorization', `Bearer ${TOKENS.finance}`);
    const log = 'query($filter: AuditLogFilter) { auditLog(filter: $filter, first: 50) { entries { actorId actorRoles authMethod channel action outcome targets detail } } }';
    const entries = async (filter: Record<string, unknown>) =>
      (await eventually(async () => {
        const found = (await t.graphql(log, { filter }, TOKENS.admin)).body.data.auditLog.entries as Record<string, unknown>[];
        return found.length > 0 ? found : undefined;
      })) as Record<string, unknown>[];
    const [mutation] = await entries({ action: 'Mutation.submitWorkloadRequest', target: recommendationId });
    expect(mutation).toMatchObject({ actorRoles: ['pipeline'], authMethod: 'STATIC_TOKEN', channel: 'GRAPHQL', outcome: 'OK', detail: { arguments: { idempotencyKey: key } } });
    const [recommendation] = await entries({ action: 'workload.requests', target: recommendationId });
    expect(recommendation).toMatchObject({ outcome: 'OK', channel: 'GRAPHQL', detail: { idempotencyKey: key } });
    const recommended = await t.graphql('mutation($input: WorkloadInput!) { recommendPlacement(input: $input) { id } }', { input: workload() }, TOKENS.planner);
    const recommendedId = recommended.body.data.recommendPlacement.id as string;
    const [stored] = await entries({ action: 'recommendation', target: recommendedId });
    expect(stored).toMatchObject({ actorRoles: ['planner'], authMethod: 'GATEWAY', channel: 'GRAPHQL', outcome: 'OK', detail: { legalEntityId: 'demo-sg-subsidiary' } });
    const [asked] = await entries({ action: 'Mutation.recommendPlacement', target: recommendedId });
    expect(asked).toMatchObject({ authMethod: 'STATIC_TOKEN', outcome: 'OK' });
    const [refusal] = await entries({ action: 'Query.ledgerEntries', outcome: 'FORBIDDEN' });
    expect(refusal).toMatchObject({ actorRoles: ['planner'], detail: { error: expect.stringContaining('finance') } });
    const [exported] = await entries({ action: 'GET /exports/cost-ledger.csv' });
    expect(exported).toMatchObject({ actorRoles: ['finance'], channel: 'HTTP', outcome: 'OK', detail: { rows: expect.any(Number) } });
    // Append-only, whoever connects.
    await expect(withClient(t.database.url, (client) => client.query(`UPDATE planning.audit_log SET outcome = 'OK'`))).rejects.toThrow(/append-only/);
    await expect(withClient(t.database.url, (client) => client.query(`DELETE FROM planning.audit_log`))).rejects.toThrow(/append-only/);
    expect((await t.graphql(log, {}, TOKENS.finance)).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('pushes a pipeline the status changes of its own requests only', async () => {
    const url = `${t.system.gateway.url!.replace(/^http/, 'ws')}/graphql`;
    const follow = (token: string) => {
      const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
      const keys: string[] = [];
      client.subscribe({ query: 'subscription { workloadRequestChanged { idempotencyKey status } }' }, { next: (m) => void keys.push((m.data as { workloadRequestChanged: { idempotencyKey: string } }).workloadRequestChanged.idempotencyKey), error: () => undefined, complete: () => undefined });
      return { client, keys };
    };
    const mine = follow(TOKENS.pipeline);
    const theirs = follow(OTHER_PIPELINE);
    const everyone = follow(TOKENS.planner);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const key = `push-${randomUUID()}`;
      const submitted = await t.graphql('mutation($key: String!, $input: WorkloadInput!) { submitWorkloadRequest(idempotencyKey: $key, input: $input) { status } }', { key, input: workload() }, TOKENS.pipeline);
      expect(submitted.body.errors).toBeUndefined();
      await eventually(async () => (mine.keys.filter((k) => k === key).length >= 2 && everyone.keys.includes(key) ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(theirs.keys).not.toContain(key);
    } finally {
      await Promise.all([mine.client.dispose(), theirs.client.dispose(), everyone.client.dispose()]);
    }
  });

  it('makes one admin key on the first start of an installation, never a second', async () => {
    const start = () =>
      startGateway({ bus: new InProcessBus(), databaseUrl: t.database.url, http: null, migrateOnStart: true, logLevels: ['fatal'], ide: false, requestTimeoutMs: 1_000, security: defaultSecurity(), bootstrapAdminKey: true });
    const first = await start();
    const firstKey = first.bootstrapAdminKey;
    await first.close();
    const second = await start();
    const secondKey = second.bootstrapAdminKey;
    await second.close();
    // The system under test started without one, so the first of these starts made it.
    expect(firstKey).toMatch(/^cpk_/);
    expect(secondKey).toBeNull();
    expect((await t.graphql('{ me { roles method } }', {}, firstKey!)).body.data.me).toEqual({ roles: ['admin'], method: 'API_KEY' });
  });

  it('refuses a malformed Authorization header rather than treating the caller as anonymous', async () => {
    const response = await request(t.system.gateway.app.getHttpServer()).post('/graphql').set('authorization', `Basic ${TOKENS.admin}`).send({ query: '{ me { id } }' });
    expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('services refuse state-changing commands from actors without the role, even when the gateway is skipped', async () => {
    const bus = t.buses.get('gateway')!;
    const planner = { id: 'sneaky-planner', roles: ['planner' as const] };
    await expect(bus.request(ComplianceAdminV1, { command: 'deleteLegalEntity', actor: planner, id: 'demo-sg-subsidiary' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('compliance-admin') });
    const adjust = bus.request(InventoryAdminV1, { command: 'adjustCapacity', actor: planner, poolId: 'any-pool', delta: 1, reason: 'more racks' });
    await expect(adjust).rejects.toBeInstanceOf(RemoteError);
    await expect(adjust).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const entities = await t.graphql('{ legalEntities { id } }', {}, TOKENS.planner);
    expect(entities.body.data.legalEntities.map((e: { id: string }) => e.id)).toContain('demo-sg-subsidiary');
  });
});
