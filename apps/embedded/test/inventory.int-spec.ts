import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CandidatesV1, type CapacityPoolV1, type ListPoolsReplyV1, ListPoolsV1 } from '@cp/contracts';
import { ApiTokensSetting } from '@cp/gateway-service';
import type { MessageBus } from '@cp/messaging';
import { countingBus, eventually, transports } from '@cp/testing';
import pg from 'pg';
import { startTestSystem, type TestSystem } from './support.js';

const accelerators = JSON.parse(readFileSync('data/accelerators/accelerators.v1.json', 'utf8')) as {
  accelerators: { id: string; vendor: string; originCountry: string; memory: { sizeGb: { value: number | null } } }[];
};
const pools = JSON.parse(readFileSync('data/pools/pools.v1.json', 'utf8')) as { pools: { id: string }[] };
const sites = JSON.parse(readFileSync('data/sites/sites.v1.json', 'utf8')) as { sites: { id: string; countryCode: string }[] };

const TOKENS = { admin: `adm-${randomUUID()}`, planner: `pln-${randomUUID()}`, finance: `fin-${randomUUID()}` };
const apiTokens = ApiTokensSetting.parse(`${TOKENS.admin}:inventory-admin,${TOKENS.planner}:planner,${TOKENS.finance}:finance`);

const POOL_FIELDS = `id deviceCount devicesPerNode ownership freeDevices version availableFrom availableTo
  price { basis amount { amount currency } source }
  site { id countryCode region } accelerator { id vendor originCountry memorySizeGb { value } tpp }`;

/** Test pools go to one real site of the catalog. */
const SITE = sites.sites.find((s) => s.countryCode === 'MY')!.id;

const inDays = (days: number) => new Date(Date.UTC(2027, 0, 1) + days * 86_400_000).toISOString();

describe.each(transports)('inventory through GraphQL on %s', (transport) => {
  let t: TestSystem;
  let gatewayBus: MessageBus;
  let gatewayRequests: Map<string, number>;
  const graphql: TestSystem['graphql'] = (...args) => t.graphql(...args);

  const createPool = async (deviceCount: number, overrides: Record<string, unknown> = {}) => {
    const response = await graphql(
      `mutation($input: CreateCapacityPoolInput!) { createCapacityPool(input: $input) { id version deviceCount freeDevices } }`,
      {
        input: {
          siteId: SITE,
          acceleratorId: 'nvidia-h100-sxm',
          deviceCount,
          devicesPerNode: 1,
          ownership: 'LEASED_IAAS',
          price: { basis: 'COMMITTED', amount: '2.35', currency: 'USD', source: 'test' },
          availableFrom: '2026-01-01T00:00:00Z',
          availableTo: null,
          ...overrides,
        },
      },
      TOKENS.admin,
    );
    expect(response.body.errors).toBeUndefined();
    return response.body.data.createCapacityPool as { id: string; version: number; deviceCount: number };
  };

  const reserve = (input: Record<string, unknown>, token = TOKENS.planner) =>
    graphql(
      `mutation($input: ReserveCapacityInput!) { reserveCapacity(input: $input) { replayed freeDevices reservation { id status quantity expiresAt poolId } } }`,
      { input },
      token,
    );

  beforeAll(async () => {
    t = await startTestSystem(transport, 'inventory', {
      apiTokens,
      wrapBus: (service, bus) => {
        if (service !== 'gateway') return bus;
        const counted = countingBus(bus);
        gatewayBus = counted.bus;
        gatewayRequests = counted.requests;
        return counted.bus;
      },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('serves the accelerator catalog with TPP and performance density computed from the specs', async () => {
    const response = await graphql(`{ accelerators(first: 100) { totalCount catalogVersion edges { node { id vendor originCountry tpp performanceDensity tppPerIntegratedCircuit } } } }`);
    expect(response.body.errors).toBeUndefined();
    const { totalCount, edges } = response.body.data.accelerators;
    expect(totalCount).toBe(accelerators.accelerators.length);
    const byId = new Map(edges.map((e: { node: { id: string } }) => [e.node.id, e.node]));
    const h100 = byId.get('nvidia-h100-sxm') as { tpp: number; performanceDensity: number };
    expect(Math.round(h100.tpp)).toBe(15_831);
    expect(h100.performanceDensity.toFixed(2)).toBe('19.45');
    expect(Math.round((byId.get('nvidia-h20') as { tpp: number }).tpp)).toBe(2_368);
  });

  it('filters accelerators by origin and answers one by id, or NOT_FOUND naming nothing it has', async () => {
    const cn = await graphql(`{ accelerators(first: 100, filter: { originCountry: "CN" }) { totalCount edges { node { originCountry } } } }`);
    expect(cn.body.data.accelerators.totalCount).toBe(accelerators.accelerators.filter((a) => a.originCountry === 'CN').length);
    expect(new Set(cn.body.data.accelerators.edges.map((e: { node: { originCountry: string } }) => e.node.originCountry))).toEqual(new Set(['CN']));

    const one = await graphql(`{ accelerator(id: "huawei-ascend-910b") { id vendor } }`);
    expect(one.body.data.accelerator).toEqual({ id: 'huawei-ascend-910b', vendor: 'Huawei' });
    const missing = await graphql(`{ accelerator(id: "acme-x1") { id } }`);
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const missingSite = await graphql(`{ site(id: "zz-nowhere") { id } }`);
    expect(missingSite.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const badId = await graphql(`{ site(id: "Not A Slug") { id } }`);
    expect(badId.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('pages through every pool in a stable order, nested site and accelerator batched (no N+1)', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    gatewayRequests.clear();
    let pages = 0;
    for (;;) {
      const response = await graphql(`query($after: String) { capacityPools(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${POOL_FIELDS} } } } }`, { after });
      expect(response.body.errors).toBeUndefined();
      pages += 1;
      seen.push(...response.body.data.capacityPools.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!response.body.data.capacityPools.pageInfo.hasNextPage) break;
      after = response.body.data.capacityPools.pageInfo.endCursor;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => pools.pools.some((p) => p.id === id))).toHaveLength(pools.pools.length);
    // One pools request per page, and one batched site and accelerator lookup per page.
    expect(gatewayRequests.get(ListPoolsV1.topic.name)).toBe(pages);
    expect(gatewayRequests.get('inventory.sites')).toBe(pages);
    expect(gatewayRequests.get('inventory.accelerators')).toBe(pages);
  });

  it.each([
    [{ vendor: 'Huawei' }, (p: PoolNode) => p.accelerator.vendor === 'Huawei'],
    [{ originCountry: 'CN' }, (p: PoolNode) => p.accelerator.originCountry === 'CN' && p.site.countryCode === 'CN'],
    [{ region: 'SOUTHEAST_ASIA', ownership: ['LEASED_IAAS'] }, (p: PoolNode) => p.site.region === 'SOUTHEAST_ASIA' && p.ownership === 'LEASED_IAAS'],
    [{ countryCode: 'MY', minMemoryGbPerDevice: 100 }, (p: PoolNode) => p.site.countryCode === 'MY' && (p.accelerator.memorySizeGb.value ?? 0) >= 100],
  ])('filters pools by %j', async (filter, holds) => {
    const response = await graphql(`query($filter: CapacityPoolFilter) { capacityPools(first: 100, filter: $filter) { totalCount edges { node { ${POOL_FIELDS} } } } }`, { filter });
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data.capacityPools.edges.map((e: { node: PoolNode }) => e.node) as PoolNode[];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.filter((n) => !holds(n))).toEqual([]);
  });

  it('never overbooks: 200 concurrent reservations of 1 device against 50 devices, exactly 50 succeed', async () => {
    const pool = await createPool(50);
    const window = { from: inDays(10), to: inDays(20) };
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => reserve({ poolId: pool.id, quantity: 1, window, workloadRef: `job-${i}`, idempotencyKey: `race-${pool.id}-${i}` })),
    );
    const ok = responses.filter((r) => r.body.data?.reserveCapacity);
    const refused = responses.filter((r) => r.body.errors);
    expect(ok).toHaveLength(50);
    expect(refused).toHaveLength(150);
    expect(new Set(refused.map((r) => r.body.errors[0].extensions.code))).toEqual(new Set(['CONFLICT']));

    const free = async (w: { from: string; to: string }) => {
      const nodes = await graphql(`query($w: TimeWindowInput) { capacityPools(first: 100, filter: { siteId: "${SITE}", window: $w }) { edges { node { id freeDevices } } } }`, { w });
      return (nodes.body.data.capacityPools.edges as { node: { id: string; freeDevices: number } }[]).find((e) => e.node.id === pool.id)!.node.freeDevices;
    };
    expect(await free(window)).toBe(0);
    // Overlapping windows count, non-overlapping ones do not.
    expect(await free({ from: inDays(15), to: inDays(30) })).toBe(0);
    expect(await free({ from: inDays(20), to: inDays(30) })).toBe(50);
    const later = await reserve({ poolId: pool.id, quantity: 50, window: { from: inDays(20), to: inDays(30) }, workloadRef: 'later', idempotencyKey: `later-${pool.id}` });
    expect(later.body.data.reserveCapacity.freeDevices).toBe(0);
    const overlapping = await reserve({ poolId: pool.id, quantity: 1, window: { from: inDays(19), to: inDays(21) }, workloadRef: 'x', idempotencyKey: `overlap-${pool.id}` });
    expect(overlapping.body.errors[0].extensions).toEqual({ code: 'CONFLICT', field: 'quantity' });
  });

  it('returns the first result for a repeated idempotency key and reserves nothing more', async () => {
    const pool = await createPool(10);
    const input = { poolId: pool.id, quantity: 4, window: { from: inDays(1), to: inDays(2) }, workloadRef: 'train-7b', idempotencyKey: `idem-${pool.id}` };
    const first = await reserve(input);
    const again = await Promise.all([reserve(input), reserve(input), reserve(input)]);
    expect(first.body.data.reserveCapacity).toMatchObject({ replayed: false, freeDevices: 6 });
    for (const r of again) {
      expect(r.body.data.reserveCapacity).toMatchObject({ replayed: true, freeDevices: 6, reservation: { id: first.body.data.reserveCapacity.reservation.id } });
    }
    const reused = await reserve({ ...input, quantity: 5 });
    expect(reused.body.errors[0].extensions).toEqual({ code: 'CONFLICT', field: 'idempotencyKey' });
  });

  it('frees an unconfirmed hold when it expires, and confirms and releases others', async () => {
    const pool = await createPool(8);
    const window = { from: inDays(40), to: inDays(41) };
    const hold = await reserve({ poolId: pool.id, quantity: 8, window, workloadRef: 'short', idempotencyKey: `hold-${pool.id}`, holdSeconds: 1 });
    expect(hold.body.data.reserveCapacity.freeDevices).toBe(0);
    await new Promise((r) => setTimeout(r, 1_500));
    const confirmLate = await graphql(`mutation($id: ID!) { confirmReservation(id: $id) { reservation { status } } }`, { id: hold.body.data.reserveCapacity.reservation.id }, TOKENS.planner);
    expect(confirmLate.body.errors[0].extensions).toEqual({ code: 'CONFLICT', field: 'reservationId' });

    const kept = await reserve({ poolId: pool.id, quantity: 8, window, workloadRef: 'kept', idempotencyKey: `kept-${pool.id}` });
    expect(kept.body.data.reserveCapacity.freeDevices).toBe(0);
    const id = kept.body.data.reserveCapacity.reservation.id;
    const confirmed = await graphql(`mutation($id: ID!) { confirmReservation(id: $id) { reservation { status expiresAt } } }`, { id }, TOKENS.planner);
    expect(confirmed.body.data.confirmReservation.reservation).toEqual({ status: 'CONFIRMED', expiresAt: null });
    const released = await graphql(`mutation($id: ID!) { releaseReservation(id: $id) { freeDevices reservation { status } } }`, { id }, TOKENS.planner);
    expect(released.body.data.releaseReservation).toEqual({ freeDevices: 8, reservation: { status: 'RELEASED' } });
  });

  it('lets only inventory admins change pools, and checks versions and reservations', async () => {
    const mutation = `mutation($input: AdjustPoolCapacityInput!) { adjustPoolCapacity(input: $input) { deviceCount version } }`;
    const pool = await createPool(16);
    const input = { poolId: pool.id, delta: 8, reason: 'new racks' };
    expect((await graphql(mutation, { input }, null)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await graphql(mutation, { input }, 'not-a-real-token-at-all')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await graphql(mutation, { input }, TOKENS.planner)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await graphql(mutation, { input }, TOKENS.finance)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    const grown = await graphql(mutation, { input }, TOKENS.admin);
    expect(grown.body.data.adjustPoolCapacity).toEqual({ deviceCount: 24, version: pool.version + 1 });

    await reserve({ poolId: pool.id, quantity: 20, window: { from: inDays(50), to: inDays(60) }, workloadRef: 'big', idempotencyKey: `big-${pool.id}` });
    const shrink = await graphql(mutation, { input: { poolId: pool.id, delta: -10, reason: 'decommission' } }, TOKENS.admin);
    expect(shrink.body.errors[0].extensions).toEqual({ code: 'CONFLICT', field: 'delta' });

    const update = `mutation($input: UpdateCapacityPoolInput!) { updateCapacityPool(input: $input) { version ownership } }`;
    const stale = await graphql(update, { input: { poolId: pool.id, expectedVersion: pool.version, ownership: 'OWNED' } }, TOKENS.admin);
    expect(stale.body.errors[0].extensions).toEqual({ code: 'CONFLICT', field: 'expectedVersion' });
    const updated = await graphql(update, { input: { poolId: pool.id, expectedVersion: pool.version + 1, ownership: 'OWNED' } }, TOKENS.admin);
    expect(updated.body.data.updateCapacityPool).toEqual({ version: pool.version + 2, ownership: 'OWNED' });

    // Every change is an inventory.pool.changed event, written with it and relayed.
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const rows = await eventually(async () => {
        const { rows } = await client.query(`SELECT payload->>'change' AS change, published_at FROM inventory.outbox WHERE topic = 'inventory.pool.changed' AND payload->>'poolId' = $1 ORDER BY created_at`, [pool.id]);
        return rows.length === 4 && rows.every((r) => r.published_at !== null) ? rows : undefined;
      });
      expect(rows.map((r) => r.change)).toEqual(['CREATED', 'CAPACITY_ADJUSTED', 'RESERVED', 'UPDATED']);
    } finally {
      await client.end();
    }
  });

  it.each([
    ['a negative quantity', { quantity: -1 }, 'quantity'],
    ['a window that ends before it starts', { window: { from: inDays(5), to: inDays(4) } }, 'window.to'],
    ['an unknown pool', { poolId: 'pool-does-not-exist' }, 'poolId'],
    ['a short idempotency key', { idempotencyKey: 'k' }, 'idempotencyKey'],
  ])('rejects a reservation with %s, naming the field', async (_case, change, field) => {
    const pool = await createPool(4);
    const response = await reserve({ poolId: pool.id, quantity: 1, window: { from: inDays(3), to: inDays(4) }, workloadRef: 'bad', idempotencyKey: `bad-${randomUUID()}`, ...change });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].extensions.field).toBe(field);
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(response.body.errors[0].extensions.code);
  });

  it.each([
    ['a fractional count', `{ capacityPools(first: 1, filter: { minFreeDevices: 1.5 }) { totalCount } }`],
    ['an unknown enum value', `{ capacityPools(first: 1, filter: { ownership: [RENTED] }) { totalCount } }`],
    ['an oversized filter', `{ capacityPools(first: 1, filter: { minFreeDevices: 2000000000 }) { totalCount } }`],
    ['a page too large', `{ capacityPools(first: 1000) { totalCount } }`],
  ])('rejects %s with a client error code', async (_case, query) => {
    const response = await graphql(query);
    expect(response.body.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
  });

  it('writes nothing when a change fails half way', async () => {
    const response = await graphql(
      `mutation($input: CreateCapacityPoolInput!) { createCapacityPool(input: $input) { id } }`,
      { input: { siteId: 'zz-nowhere', acceleratorId: 'nvidia-h100-sxm', deviceCount: 8, devicesPerNode: 8, ownership: 'OWNED', price: { basis: 'CAPEX', amount: '25000', currency: 'USD', source: 't' }, availableFrom: '2026-01-01T00:00:00Z' } },
      TOKENS.admin,
    );
    expect(response.body.errors[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'pool.siteId' });
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM inventory.capacity_pools WHERE site_id = 'zz-nowhere'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('answers inventory.candidates with exactly the pools that can hold the workload', async () => {
    const requirements = {
      deviceCount: 256,
      minMemoryGbPerDevice: 80,
      minInterconnectGBps: 400,
      precisions: ['FP8' as const],
      window: { from: inDays(100), to: inDays(130) },
      excludeOriginCountries: ['CN'],
    };
    const reply = await gatewayBus.request(CandidatesV1, { requirements, limit: 5_000 });
    expect(reply.matched).toBe(reply.candidates.length);
    expect(reply.candidates.length).toBeGreaterThan(0);
    const spec = new Map(accelerators.accelerators.map((a) => [a.id, a]));
    for (const c of reply.candidates) {
      expect(c.freeDevices).toBeGreaterThanOrEqual(256);
      expect(spec.get(c.acceleratorId)!.originCountry).not.toBe('CN');
      expect(spec.get(c.acceleratorId)!.memory.sizeGb.value!).toBeGreaterThanOrEqual(80);
    }
    // Cross-check against the full listing: every pool not returned fails a requirement.
    const all: CapacityPoolV1[] = [];
    let after: string | null = null;
    do {
      const page: ListPoolsReplyV1 = await gatewayBus.request(ListPoolsV1, { first: 500, after, filter: { window: requirements.window } });
      all.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const returned = new Set(reply.candidates.map((c) => c.id));
    const eligibleByCapacityAndOrigin = all.filter((p) => p.freeDevices >= 256 && spec.get(p.acceleratorId)?.originCountry !== 'CN' && (spec.get(p.acceleratorId)?.memory.sizeGb.value ?? 0) >= 80);
    expect(eligibleByCapacityAndOrigin.length).toBeGreaterThanOrEqual(returned.size);
    for (const id of returned) expect(eligibleByCapacityAndOrigin.some((p) => p.id === id)).toBe(true);
    expect(sites.sites.length).toBeGreaterThanOrEqual(25);
  });
});

interface PoolNode {
  id: string;
  ownership: string;
  freeDevices: number;
  site: { id: string; countryCode: string; region: string };
  accelerator: { id: string; vendor: string; originCountry: string; memorySizeGb: { value: number | null } };
}

describe.each(transports)('inventory administration of sites and accelerators on %s', (transport) => {
  let t: TestSystem;
  const graphql: TestSystem['graphql'] = (...args) => t.graphql(...args);
  const figure = (value: number | null, unknownReason: string | null = null) => ({ value, evidence: value === null ? 'UNVERIFIED' : 'P', source: 'https://example.test/datasheet', asOf: '2026-11-01', unknownReason });
  const acme = {
    id: 'acme-a1',
    name: 'Acme A1',
    vendor: 'Acme',
    originCountry: 'SG',
    formFactor: 'OAM',
    designedForDataCenter: true,
    denseRates: [{ precision: 'BF16', rate: figure(500) }, { precision: 'FP8', rate: figure(1_000) }],
    memorySizeGb: figure(96),
    memoryType: 'HBM3',
    memoryBandwidthTBps: figure(3.2),
    interconnectName: 'AcmeLink',
    interconnectGBps: figure(600),
    tdpW: figure(600),
    logicDieAreaMm2: figure(600),
  };
  const UPSERT = `mutation($input: AcceleratorInput!) { upsertAccelerator(input: $input) { id tpp tppPrecision performanceDensity catalogVersion } }`;

  beforeAll(async () => {
    t = await startTestSystem(transport, 'inventory_admin', { apiTokens });
  });

  afterAll(async () => {
    await t?.close();
  });

  // BF16 500 × 16 and FP8 1,000 × 8 tie at 8,000; the tie goes to the earlier precision (FP8).
  it('computes TPP and performance density for an accelerator an administrator enters', async () => {
    const response = await graphql(UPSERT, { input: acme }, TOKENS.admin);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.upsertAccelerator).toEqual({ id: 'acme-a1', tpp: 8_000, tppPrecision: 'FP8', performanceDensity: 8_000 / 600, catalogVersion: 'admin-edit' });
    const listed = await graphql(`{ accelerator(id: "acme-a1") { tpp } }`);
    expect(listed.body.data.accelerator.tpp).toBe(8_000);
  });

  it('refuses an unknown figure without its reason, naming the input field', async () => {
    const response = await graphql(UPSERT, { input: { ...acme, id: 'acme-a2', memorySizeGb: figure(null) } }, TOKENS.admin);
    expect(response.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'accelerator.memorySizeGb.unknownReason' });
    expect((await graphql(`{ accelerator(id: "acme-a2") { id } }`)).body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses accelerator and site changes from anyone but an inventory admin', async () => {
    expect((await graphql(UPSERT, { input: acme }, TOKENS.planner)).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('creates a site an administrator enters, and a pool on it', async () => {
    const site = await graphql(
      `mutation($input: SiteInput!) { upsertSite(input: $input) { id countryCode powerPrice { perKwh { amount currency } } } }`,
      {
        input: {
          id: 'vn-hanoi-test',
          name: 'Test DC, Hanoi',
          countryCode: 'VN',
          city: 'Hanoi',
          region: 'SOUTHEAST_ASIA',
          latitude: 21.03,
          longitude: 105.85,
          operator: 'Test Operator',
          operatorHqCountry: 'VN',
          stateFunded: false,
          powerPrice: { amount: '2100', currency: 'VND', asOf: '2026-01-01', source: 'test tariff' },
          source: 'test',
          asOf: '2026-11-01',
        },
      },
      TOKENS.admin,
    );
    expect(site.body.data.upsertSite).toEqual({ id: 'vn-hanoi-test', countryCode: 'VN', powerPrice: { perKwh: { amount: '2100', currency: 'VND' } } });
    const pool = await graphql(
      `mutation($input: CreateCapacityPoolInput!) { createCapacityPool(input: $input) { deviceCount site { id } accelerator { id tpp } } }`,
      { input: { siteId: 'vn-hanoi-test', acceleratorId: 'acme-a1', deviceCount: 64, devicesPerNode: 8, ownership: 'COLOCATION', price: { basis: 'CAPEX', amount: '20000', currency: 'USD', source: 'test' }, availableFrom: '2026-06-01T00:00:00Z' } },
      TOKENS.admin,
    );
    expect(pool.body.data.createCapacityPool).toEqual({ deviceCount: 64, site: { id: 'vn-hanoi-test' }, accelerator: { id: 'acme-a1', tpp: 8_000 } });
  });
});
