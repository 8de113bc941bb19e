import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiTokensSetting } from '@cp/gateway-service';
import { eventually, transports } from '@cp/testing';
import { startTestSystem, type TestSystem } from './support.js';

const TOKENS = { inventory: `inv-${randomUUID()}`, compliance: `cmp-${randomUUID()}`, planner: `pln-${randomUUID()}` };
const apiTokens = ApiTokensSetting.parse(`${TOKENS.inventory}:inventory-admin,${TOKENS.compliance}:compliance-admin,${TOKENS.planner}:planner`);

const CHECK = `query($input: ComplianceCheckInput!) { complianceCheck(input: $input) { poolId verdict {
  outcome leadTimeDays rulePackVersion evaluatedFor disclaimer notTriggered derived
  leadTime { low expected high source evidence assumed ruleId policy }
  reasons { ruleId title family status outcome citations { text url evidence } triggeredBy { fact value } review { policy basis policyEvidence leadTimeDays { low expected high assumed } } }
  advisories { ruleId status } conditions { ruleId description leadTimeDays } } } }`;

/** A CN-headquartered group's Singapore subsidiary, with H100 capacity in Johor run by a Singapore-headquartered operator (fact sheet §1.5). */
const NO_DATA = { originCountry: null };

describe.each(transports)('compliance through GraphQL on %s', (transport) => {
  let t: TestSystem;
  let poolId: string;
  const graphql: TestSystem['graphql'] = (...args) => t.graphql(...args);
  const check = async (input: Record<string, unknown>) => {
    const response = await graphql(CHECK, {
      input: { date: '2026-06-01', legalEntityId: 'demo-sg-subsidiary', poolId, workloadKind: 'TRAINING', data: NO_DATA, ...input },
    });
    expect(response.body.errors).toBeUndefined();
    return response.body.data.complianceCheck.verdict as {
      outcome: string;
      reasons: { ruleId: string; citations: unknown[]; review: { policy: string; leadTimeDays: { low: number; expected: number; high: number } } | null }[];
      disclaimer: string;
      rulePackVersion: string;
      leadTimeDays: number;
      leadTime: { low: number; expected: number; high: number; source: string; evidence: string; assumed: boolean; ruleId: string; policy: string | null } | null;
    };
  };

  beforeAll(async () => {
    t = await startTestSystem(transport, 'compliance', { apiTokens });
    const created = await graphql(
      `mutation($input: CreateCapacityPoolInput!) { createCapacityPool(input: $input) { id } }`,
      {
        input: {
          siteId: 'my-johor-sedenak-pdg',
          acceleratorId: 'nvidia-h100-sxm',
          deviceCount: 512,
          devicesPerNode: 8,
          ownership: 'LEASED_IAAS',
          price: { basis: 'COMMITTED', amount: '2.35', currency: 'USD', source: 'test' },
          availableFrom: '2023-01-01T00:00:00Z',
        },
      },
      TOKENS.inventory,
    );
    poolId = created.body.data.createCapacityPool.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('tells leasing remote capacity apart from buying and shipping the same chips (§1.5)', async () => {
    const leased = await check({ ownership: 'LEASED_IAAS' });
    const bought = await check({ ownership: 'OWNED', hardwareMovement: { fromCountry: 'US', toCountry: 'MY', throughCountries: [] } });
    expect(leased.outcome).not.toBe('LICENSE_REQUIRED');
    expect(leased.outcome).not.toBe('PROHIBITED');
    expect(bought.outcome).toBe('LICENSE_REQUIRED');
    expect(bought.reasons.length).toBeGreaterThan(0);
    for (const reason of bought.reasons) expect(reason.citations.length).toBeGreaterThan(0);
    expect(bought.disclaimer).toMatch(/not legal advice/i);
  });

  it('gives a licence a lead-time range from its review policy, never 0 days; an unpublished one is marked assumed', async () => {
    const bought = await check({ ownership: 'OWNED', hardwareMovement: { fromCountry: 'US', toCountry: 'MY', throughCountries: [] } });
    expect(bought.outcome).toBe('LICENSE_REQUIRED');
    // A CN-headed group's subsidiary buying H100 for Johor: the headquarters rule, presumption of denial.
    expect(bought.leadTime).toMatchObject({ ruleId: 'us-ac-2023-hq-d5-3a090a-dc', policy: 'PRESUMPTION_OF_DENIAL', assumed: true, evidence: 'E' });
    expect(bought.leadTime!.low).toBeGreaterThanOrEqual(1);
    expect(bought.leadTime!.low).toBeLessThanOrEqual(bought.leadTime!.expected);
    expect(bought.leadTime!.expected).toBeLessThanOrEqual(bought.leadTime!.high);
    expect(bought.leadTimeDays).toBe(bought.leadTime!.expected);
    expect(bought.leadTime!.source).toMatch(/No processing time is published/);
    const deciding = bought.reasons.find((r) => r.ruleId === 'us-ac-2023-hq-d5-3a090a-dc');
    expect(deciding?.review).toMatchObject({ policy: 'PRESUMPTION_OF_DENIAL', leadTimeDays: { low: bought.leadTime!.low, expected: bought.leadTime!.expected, high: bought.leadTime!.high } });
  });

  it('evaluates as of any date: the headquarters rule starts on 2023-11-17', async () => {
    const owned = { ownership: 'OWNED', hardwareMovement: { fromCountry: 'US', toCountry: 'MY', throughCountries: [] } };
    const before = await check({ ...owned, date: '2023-11-16' });
    const after = await check({ ...owned, date: '2023-11-17' });
    expect(before.outcome).not.toBe('LICENSE_REQUIRED');
    expect(after.outcome).toBe('LICENSE_REQUIRED');
  });

  it('names the fields of a bad check', async () => {
    const badDate = await graphql(CHECK, { input: { date: '2026-13-45x', legalEntityId: 'demo-sg-subsidiary', poolId, workloadKind: 'TRAINING' } });
    expect(badDate.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'date' });
    const unknownEntity = await graphql(CHECK, { input: { date: '2026-06-01', legalEntityId: 'nobody-at-all', poolId, workloadKind: 'TRAINING' } });
    expect(unknownEntity.body.errors[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'legalEntityId' });
    const unknownPool = await graphql(CHECK, { input: { date: '2026-06-01', legalEntityId: 'demo-sg-subsidiary', poolId: 'pool-nope', workloadKind: 'TRAINING' } });
    expect(unknownPool.body.errors[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'poolId' });
  });

  it('publishes a pack through GraphQL that changes later verdicts at once, and what-if shows the flip first', async () => {
    await check({ track: true });
    const current = await graphql(`{ rulePacks { version current } }`);
    const version = (current.body.data.rulePacks as { version: string; current: boolean }[]).find((p) => p.current)!.version;
    const pack = (await graphql(`query($v: String!) { rulePack(version: $v) { document } }`, { v: version })).body.data.rulePack.document;
    const draft = {
      ...pack,
      version: `${version.split('-')[0]}-t${Date.now() % 100_000}`,
      rules: [
        ...pack.rules,
        {
          id: 'test-johor-moratorium',
          title: 'Test: moratorium on new placements in Johor',
          jurisdiction: 'MY',
          family: 'HOST_COUNTRY',
          effectiveFrom: '2026-01-01',
          effectiveTo: null,
          status: 'IN_FORCE',
          condition: 'placement.site.countryCode == "MY"',
          outcome: 'PROHIBITED',
          conditionsToSatisfy: [],
          leadTimeDays: null,
          citations: [{ text: 'test rule', url: null, evidence: 'E' }],
        },
      ],
    };
    const whatIf = await graphql(`query($d: JSONObject!) { whatIfRulePack(draft: $d) { baseVersion draftVersion evaluated changes { placementId before after decidingRulesAfter } } }`, { d: draft }, TOKENS.compliance);
    expect(whatIf.body.errors).toBeUndefined();
    const change = whatIf.body.data.whatIfRulePack.changes.find((c: { placementId: string }) => c.placementId.includes(poolId));
    expect(change).toMatchObject({ after: 'PROHIBITED', decidingRulesAfter: expect.arrayContaining(['test-johor-moratorium']) });
    expect((await check({})).outcome).not.toBe('PROHIBITED'); // a what-if publishes nothing

    const asPlanner = await graphql(`mutation($p: JSONObject!) { publishRulePack(pack: $p) { summary { version } } }`, { p: draft }, TOKENS.planner);
    expect(asPlanner.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const published = await graphql(`mutation($p: JSONObject!) { publishRulePack(pack: $p) { summary { version current ruleCount } } }`, { p: draft }, TOKENS.compliance);
    expect(published.body.data.publishRulePack.summary).toEqual({ version: draft.version, current: true, ruleCount: draft.rules.length });
    const after = await check({});
    expect(after.outcome).toBe('PROHIBITED');
    expect(after.rulePackVersion).toBe(draft.version);
    expect(after.reasons.map((r) => r.ruleId)).toContain('test-johor-moratorium');

    // The gateway learns of the new version through compliance.rulepack.published (outbox).
    const versions = await eventually(async () => {
      const response = await graphql(`{ referenceData(dataset: "rule-packs") { version itemCount } }`);
      const rows = response.body.data?.referenceData as { version: string }[] | undefined;
      return rows?.some((r) => r.version === draft.version) ? rows : undefined;
    });
    expect(versions).toEqual(expect.arrayContaining([{ version: draft.version, itemCount: draft.rules.length }, { version, itemCount: pack.rules.length }]));
  });

  it.each([
    ['a condition that does not compile', 'placement.site.countryCode == ', /test-bad-rule/],
    ['a condition naming an unknown fact', 'placement.site.countryCod == "MY"', /test-bad-rule/],
  ])('refuses to publish %s, naming the rule', async (_case, condition, message) => {
    const current = await graphql(`{ rulePacks { version current } }`);
    const version = (current.body.data.rulePacks as { version: string; current: boolean }[]).find((p) => p.current)!.version;
    const pack = (await graphql(`query($v: String!) { rulePack(version: $v) { document } }`, { v: version })).body.data.rulePack.document;
    const bad = { ...pack, version: '2099.1.1', rules: [...pack.rules, { ...pack.rules[0], id: 'test-bad-rule', condition }] };
    const response = await graphql(`mutation($p: JSONObject!) { publishRulePack(pack: $p) { summary { version } } }`, { p: bad }, TOKENS.compliance);
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors[0].message).toMatch(message);
    const packs = await graphql(`{ rulePacks { version } }`);
    expect(packs.body.data.rulePacks.map((p: { version: string }) => p.version)).not.toContain('2099.1.1');
  });

  it('refuses to publish a pack whose licence rules state no lead time, naming every one; nothing is stored', async () => {
    const current = await graphql(`{ rulePacks { version current } }`);
    const version = (current.body.data.rulePacks as { version: string; current: boolean }[]).find((p) => p.current)!.version;
    const pack = (await graphql(`query($v: String!) { rulePack(version: $v) { document } }`, { v: version })).body.data.rulePack.document;
    const licence = (pack.rules as { id: string; outcome: string; review: unknown }[]).filter((r) => r.outcome === 'LICENSE_REQUIRED');
    const stripped = { ...pack, version: '2099.2.1', rules: (pack.rules as { id: string; outcome: string }[]).map((r) => (r.id === licence[0]!.id || r.id === licence[1]!.id ? { ...r, review: null } : r)) };
    const response = await graphql(`mutation($p: JSONObject!) { publishRulePack(pack: $p) { summary { version } } }`, { p: stripped }, TOKENS.compliance);
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors[0].message).toContain(`${licence[0]!.id}: no review`);
    expect(response.body.errors[0].message).toContain(`${licence[1]!.id}: no review`);
    const packs = await graphql(`{ rulePacks { version } }`);
    expect(packs.body.data.rulePacks.map((p: { version: string }) => p.version)).not.toContain('2099.2.1');
  });

  it('keeps legal entities, editable by compliance admins only', async () => {
    const input = { id: 'test-hk-trader', name: 'Test Trading Ltd (Hong Kong)', hqCountry: 'HK', ultimateParentHqCountry: 'CN', isCiio: false, restrictedParty: false };
    const mutation = `mutation($input: LegalEntityInput!) { upsertLegalEntity(input: $input) { id hqCountry ultimateParentHqCountry } }`;
    expect((await graphql(mutation, { input }, TOKENS.planner)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await graphql(mutation, { input }, TOKENS.compliance)).body.data.upsertLegalEntity).toEqual({ id: 'test-hk-trader', hqCountry: 'HK', ultimateParentHqCountry: 'CN' });
    const list = await graphql(`{ legalEntities { id } }`);
    expect(list.body.data.legalEntities.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(['demo-sg-subsidiary', 'test-hk-trader']));
    expect((await graphql(`mutation { deleteLegalEntity(id: "test-hk-trader") }`, {}, TOKENS.compliance)).body.data.deleteLegalEntity).toBe('test-hk-trader');
    expect((await graphql(`mutation { deleteLegalEntity(id: "test-hk-trader") }`, {}, TOKENS.compliance)).body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
