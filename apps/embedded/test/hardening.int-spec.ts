import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiTokensSetting } from '@cp/gateway-service';
import { transports } from '@cp/testing';
import { type GraphQLInputType, isEnumType, isScalarType } from 'graphql';
import pg from 'pg';
import request from 'supertest';
import { leafPaths, type PublicOperation, publicOperations, sampleVariables } from './graphql-operations.js';
import { startTestSystem, type TestSystem } from './support.js';

/** Strings no field should choke on: injections, odd Unicode, wrong shapes. */
const HOSTILE_STRINGS: readonly unknown[] = [
  "' OR 1=1; DROP TABLE planning.audit_log; --",
  '"; SELECT pg_sleep(10); --',
  'nul\u0000byte',
  '\u202Eevil\u202C',
  'lone \uD800 surrogate',
  'zero\u200Bwidth\uFEFF',
  '👩🏽‍💻'.repeat(50),
  'x'.repeat(100_000),
  '',
  '../../../../etc/passwd',
  '{{7*7}}${7*7}<script>alert(1)</script>',
  12,
  { $ne: null },
];
const HOSTILE_NUMBERS: readonly unknown[] = [-1, 0, 2_147_483_648, -2_147_483_649, 1.5, 1e308, -1e308, 5e-324, 'NaN', 'Infinity', '1', true, null];
const HOSTILE_OTHER: readonly unknown[] = ['NOT_A_VALUE', 'true', 1, null, [], {}];
const HOSTILE_DATES: readonly unknown[] = ['2027-13-01T00:00:00Z', '2027-02-30T00:00:00Z', 'yesterday', '', '+275760-09-13T00:00:00.001Z', 1e20, null];
const HOSTILE_JSON: readonly unknown[] = [
  { ['__proto__']: { polluted: true } },
  JSON.parse(`${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`),
  { list: Array.from({ length: 20_000 }, (_, i) => i) },
  [],
  'a string',
  null,
];

function batteryFor(type: GraphQLInputType): readonly unknown[] {
  if (isEnumType(type)) return HOSTILE_OTHER;
  if (!isScalarType(type)) return HOSTILE_OTHER;
  switch (type.name) {
    case 'String':
    case 'ID':
      return HOSTILE_STRINGS;
    case 'Int':
    case 'Float':
      return HOSTILE_NUMBERS;
    case 'DateTime':
      return HOSTILE_DATES;
    case 'JSON':
    case 'JSONObject':
      return HOSTILE_JSON;
    default:
      return HOSTILE_OTHER;
  }
}

function withValue(variables: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** Every table of every service, as a digest of its rows: equal digests, unchanged state. */
async function stateDigest(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name NOT IN ('migrations', 'audit_log') ORDER BY 1`,
      )
    ).rows;
    const digest: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = (await client.query<{ md5: string | null }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM ${name} t`)).rows;
      digest[name] = row!.md5 ?? 'empty';
    }
    return digest;
  } finally {
    await client.end();
  }
}

interface Verdict {
  readonly status: number;
  readonly code: string | null;
  readonly leaked: boolean;
}

function verdictOf(response: request.Response): Verdict {
  const text = response.text ?? '';
  const body = response.body as { errors?: { message?: string; extensions?: Record<string, unknown> }[] } | undefined;
  const first = body?.errors?.[0];
  const leaked = /\n\s+at |stacktrace|node_modules|QueryFailedError|syntax error at or near/i.test(text);
  return { status: response.status, code: first ? String(first.extensions?.code ?? 'NO_CODE') : null, leaked };
}

const OPERATIONS = publicOperations().filter((op) => op.kind !== 'subscription');
const MAX_LEAVES_PER_OPERATION = 8;

describe.each(transports)('hardening on %s', (transport) => {
  let t: TestSystem;

  beforeAll(async () => {
    // Production mode: no IDE, no introspection, no field suggestions.
    t = await startTestSystem(transport, 'hardening', { ide: false });
  });

  afterAll(async () => {
    await t?.close();
  });

  const post = (body: string, contentType = 'application/json') =>
    request(t.system.gateway.app.getHttpServer()).post('/graphql').set('content-type', contentType).set('authorization', `Bearer ${t.adminToken}`).send(body);

  describe('bad-input sweep: every operation, every argument', () => {
    const tried: { operation: string; inputs: number; accepted: number }[] = [];

    afterAll(() => {
      const inputs = tried.reduce((sum, r) => sum + r.inputs, 0);
      process.stdout.write(`bad-input sweep on ${transport}: ${inputs} inputs over ${tried.length} operations, ${tried.reduce((s, r) => s + r.accepted, 0)} accepted as valid data\n`);
    });

    it.each(OPERATIONS.map((op) => [op.key, op] as const))('%s: a coded error, never a 500 or a stack trace, and no state change', async (_key, op: PublicOperation) => {
      const base = sampleVariables(op);
      const before = await stateDigest(t.database.url);
      let accepted = 0;
      let inputs = 0;
      const failures: string[] = [];
      const attempts: Record<string, unknown>[] = [
        ...leafPaths(op)
          .slice(0, MAX_LEAVES_PER_OPERATION)
          .flatMap(({ path, type }) => batteryFor(type).map((value) => withValue(base, path, value))),
        // Whole arguments of the wrong shape.
        ...op.args.map((arg) => ({ ...base, [arg.name]: 'not an object' })),
        ...op.args.map((arg) => ({ ...base, [arg.name]: [[[[[]]]]] })),
      ];
      for (const variables of attempts) {
        inputs += 1;
        const response = await t.graphql(op.document, variables);
        const verdict = verdictOf(response);
        if (verdict.code === null) accepted += 1;
        if (verdict.status >= 500 || verdict.leaked || verdict.code === 'INTERNAL_SERVER_ERROR' || verdict.code === 'NO_CODE') {
          failures.push(`${JSON.stringify(variables).slice(0, 300)} → ${verdict.status} ${verdict.code} ${response.text.slice(0, 300)}`);
        }
      }
      tried.push({ operation: op.key, inputs, accepted });
      expect(failures).toEqual([]);
      // Refused input changes nothing. (An accepted mutation, e.g. a site named "'; DROP TABLE …", may store it — as text.)
      if (op.kind === 'query' || accepted === 0) expect(await stateDigest(t.database.url)).toEqual(before);
      else expect(Object.keys(await stateDigest(t.database.url))).toEqual(Object.keys(before));
    });
  });

  describe('hostile documents', () => {
    it.each([
      ['an alias bomb', () => JSON.stringify({ query: `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: me { id }`).join(' ')} }` }), 'GRAPHQL_VALIDATION_FAILED'],
      ['a directive flood', () => JSON.stringify({ query: `{ me ${'@include(if: true) '.repeat(500)} { id } }` }), 'GRAPHQL_VALIDATION_FAILED'],
      ['a token flood', () => JSON.stringify({ query: `{ me { ${'id '.repeat(20_000)} } }` }), 'GRAPHQL_PARSE_FAILED'],
      ['an introspection query in production', () => JSON.stringify({ query: '{ __schema { types { name } } }' }), 'GRAPHQL_VALIDATION_FAILED'],
      ['a fragment cycle', () => JSON.stringify({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }), 'GRAPHQL_VALIDATION_FAILED'],
      ['an unknown field', () => JSON.stringify({ query: '{ sitez(first: 1) { totalCount } }' }), 'GRAPHQL_VALIDATION_FAILED'],
      ['a mutation sent as a query', () => JSON.stringify({ query: '{ acceptPlan(id: "x") { id } }' }), 'GRAPHQL_VALIDATION_FAILED'],
      ['no query at all', () => JSON.stringify({ variables: {} }), 'BAD_REQUEST'],
      ['variables that are not an object', () => JSON.stringify({ query: '{ me { id } }', variables: [1, 2] }), 'BAD_REQUEST'],
      ['a non-finite number', () => `{"query":"query($n: Int!) { sites(first: $n) { totalCount } }","variables":{"n":1e400}}`, 'BAD_USER_INPUT'],
    ])('refuses %s with a code', async (_name, body, code) => {
      const response = await post(body());
      const verdict = verdictOf(response);
      expect(verdict).toEqual({ status: expect.any(Number), code, leaked: false });
      expect(response.status).toBeLessThan(500);
      // No "Did you mean …?" in production: the schema is not spelled out to strangers.
      expect(response.text).not.toMatch(/did you mean/i);
    });

    it('refuses a batch of operations in one request', async () => {
      const response = await post(JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]));
      expect(response.status).toBe(400);
      expect(response.text).not.toMatch(/\n\s+at /);
    });

    it('answers a body over the limit with 413 and a code, and malformed JSON with 400', async () => {
      // Under the 1 MiB limit (and over the 100 kB a framework default would allow): accepted.
      const sizeable = await post(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(600_000) } }));
      expect(sizeable.status).toBe(200);
      expect(sizeable.body.data.me.id).toBe('test-admin');
      const big = await post(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(2 * 1_048_576) } }));
      expect(big.status).toBe(413);
      expect(big.body).toEqual({ errors: [{ message: expect.stringContaining('larger than the limit'), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      const malformed = await post('{"query": "{ me { id } }"');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(malformed.text).not.toMatch(/\n\s+at /);
    });

    it('sends security headers and no CORS grant to a foreign origin', async () => {
      const response = await request(t.system.gateway.app.getHttpServer()).post('/graphql').set('origin', 'https://evil.example').set('authorization', `Bearer ${t.adminToken}`).send({ query: '{ me { id } }' });
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toBeDefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('CEL in rule packs that tries to reach outside its facts', () => {
    // (A catastrophic regex is no attack here: CEL's matches() runs on RE2, in linear time.)
    const pack = JSON.parse(readFileSync('data/rule-packs/rule-pack.v1.json', 'utf8')) as { version: string; rules: { id: string; condition: string }[] };
    const publish = 'mutation($pack: JSONObject!) { publishRulePack(pack: $pack) { summary { version } } }';

    it.each([
      ['process.env.HOME == "/root"'],
      ['system.exec("id") == ""'],
      ['request.headers.authorization != ""'],
      ['placement.accelerator.__proto__ != null'],
      ['[1,2,3].all(x, [1,2,3].all(y, [1,2,3].all(z, x * y * z > 0))) && undefinedFunction(1)'],
      [`placement.accelerator.vendor == "${'A'.repeat(200_000)}"`],
      ['1 / 0 == 1 ||'],
      ['timestamp(now) > timestamp("2027-01-01T00:00:00Z")'],
    ])('refuses attack condition %#, naming the rule, and stores nothing', async (condition) => {
      const before = await stateDigest(t.database.url);
      const draft = structuredClone(pack);
      draft.version = `2099.1.1-attack${randomUUID().slice(0, 8)}`;
      draft.rules[0]!.condition = condition;
      const response = await t.graphql(publish, { pack: draft });
      const verdict = verdictOf(response);
      expect(verdict.leaked).toBe(false);
      expect(response.status).toBeLessThan(500);
      expect(['BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE']).toContain(verdict.code);
      // The field names the rule (by id once the pack parses, by position before that).
      if (verdict.code === 'BAD_USER_INPUT') expect([`pack.rules.${draft.rules[0]!.id}`, 'rules.0.condition', 'pack.rules.0.condition']).toContain(response.body.errors[0].extensions.field);
      expect(await stateDigest(t.database.url)).toEqual(before);
    });
  });
});

const AUDITOR = `auditor-${randomUUID()}`;

describe.each(transports)('limits on %s', (transport) => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem(transport, 'limits', {
      apiTokens: ApiTokensSetting.parse(`${AUDITOR}:admin`),
      security: { rateLimit: { perMinute: 5, anonymousPerMinute: 2, failedAuthPerMinute: 1_000 }, limits: { maxDepth: 3, maxCost: 40, maxAliases: 2, maxDirectives: 2, maxTokens: 60 } },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['depth', '{ capacityPools(first: 1) { edges { node { site { id } } } } }', /depth/i],
    ['aliases', '{ a: me { id } b: me { id } c: me { id } }', /alias/i],
    ['directives', '{ me @include(if: true) @include(if: true) @include(if: true) { id } }', /directive/i],
    ['tokens', `{ me { ${'id '.repeat(60)} } }`, /token/i],
    ['cost', '{ sites(first: 5) { edges { node { id name countryCode operator } } } accelerators(first: 5) { edges { node { id vendor } } } }', /cost/i],
  ])('refuses a document over the %s limit, saying which', async (_limit, query, words) => {
    const response = await t.graphql(query, {});
    expect(response.status).toBeLessThan(500);
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(response.body.errors[0].extensions.code);
    expect(response.body.errors[0].message).toMatch(words);
  });

  it('rate-limits each caller on its own, with RATE_LIMITED and a retry time', async () => {
    const codes: (string | null)[] = [];
    for (let i = 0; i < 7; i++) codes.push((await t.graphql('{ me { id } }', {})).body.errors?.[0]?.extensions?.code ?? null);
    expect(codes).toEqual([null, null, null, null, null, 'RATE_LIMITED', 'RATE_LIMITED']);
    const limited = await t.graphql('{ me { id } }', {});
    expect(limited.body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) }, message: expect.stringContaining('5 requests per 60 s') });
    // Anonymous callers have their own, smaller budget.
    const anonymous = [];
    for (let i = 0; i < 3; i++) anonymous.push((await t.graphql('{ me { id } }', {}, null)).body.errors?.[0]?.extensions?.code ?? null);
    expect(anonymous).toEqual([null, null, 'RATE_LIMITED']);
    // Three refusals of one caller within the minute: one audit entry.
    const audit = await t.graphql('{ auditLog(filter: { outcome: "RATE_LIMITED", actorId: "test-admin" }) { entries { action } } }', {}, AUDITOR);
    expect(audit.body.data.auditLog.entries).toEqual([{ action: 'Query.me' }]);
    // Refused requests count too: past its budget, an address without credentials is only told to wait.
    const unauthenticated = await t.graphql('{ sites(first: 1) { totalCount } }', {}, null);
    expect(unauthenticated.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // Health probes are not callers: they never run out.
    for (let i = 0; i < 5; i++) expect((await request(t.system.gateway.app.getHttpServer()).get('/health/live')).status).toBe(200);
  });
});

describe.each(transports)('failed sign-ins on %s', (transport) => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem(transport, 'signins', {
      apiTokens: ApiTokensSetting.parse(`${AUDITOR}:admin`),
      security: { rateLimit: { perMinute: 1_000, anonymousPerMinute: 1_000, failedAuthPerMinute: 3 } },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('stops checking guessed API keys from an address after three failures, without locking out known credentials', async () => {
    const created = await t.graphql('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', { input: { name: 'known', roles: ['planner'] } }, AUDITOR);
    const secret = created.body.data.createApiKey.secret as string;
    const me = '{ me { roles } }';
    expect((await t.graphql(me, {}, secret)).body.data.me.roles).toEqual(['planner']);
    const guess = (i: number) => `${secret.slice(0, 37)}${String(i).padStart(43, 'A')}`;
    const messages: string[] = [];
    for (let i = 0; i < 4; i++) messages.push((await t.graphql(me, {}, guess(i))).body.errors[0].message);
    expect(messages).toEqual(['the API key is not valid', 'the API key is not valid', 'the API key is not valid', expect.stringMatching(/^too many failed sign-ins from this address; retry after \d+ s$/)]);
    // The key verified a moment ago and static tokens still work from here.
    expect((await t.graphql(me, {}, secret)).body.data.me.roles).toEqual(['planner']);
    expect((await t.graphql(me, {}, AUDITOR)).body.data.me.roles).toEqual(['admin']);
  });
});
