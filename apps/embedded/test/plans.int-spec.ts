import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PlacementAcceptedV1, type PlacementAcceptedV1 as PlacementAccepted } from '@cp/contracts';
import { ApiTokensSetting } from '@cp/gateway-service';
import { eventually, transports } from '@cp/testing';
import { Decimal } from 'decimal.js';
import { startTestSystem, type TestSystem } from './support.js';

const TOKENS = { planner: `pln-${randomUUID()}`, finance: `fin-${randomUUID()}`, compliance: `cmp-${randomUUID()}` };
const apiTokens = ApiTokensSetting.parse(`${TOKENS.planner}:planner,${TOKENS.finance}:finance,${TOKENS.compliance}:compliance-admin`);

const RECOMMEND = `mutation($input: WorkloadInput!) { recommendPlacement(input: $input) { id chosen { candidateId poolId siteId countryCode objectives { totalCost { amount currency } }
  estimate { computeHours { expected } deviceHours { expected } components { name cost { expected } } } } } }`;
const ACCEPT = `mutation($id: ID!) { acceptPlan(id: $id) { planId placements { id poolId reservationId devices committed { amount currency } verdictOutcome rulePackVersion window { from to } } } }`;

function training(costCenter: string, window: { from: string; to: string }): Record<string, unknown> {
  return {
    name: `run-${costCenter}`,
    workload: { kind: 'TRAINING', activeParameters: 8e9, tokens: 1e12, modelType: 'DENSE', precision: 'BF16', devices: 64, mfu: { low: 0.35, expected: 0.4, high: 0.45 } },
    legalEntityId: 'demo-sg-subsidiary',
    costCenter,
    window,
    ownership: ['LEASED_IAAS'],
    weights: { cost: 1, time: 0, risk: 0, latency: 0 },
  };
}

describe.each(transports)('accepting plans and keeping them true on %s', (transport) => {
  let t: TestSystem;
  const accepted: PlacementAccepted[] = [];
  const graphql: TestSystem['graphql'] = (...args) => t.graphql(...args);

  async function recommend(costCenter: string, window: { from: string; to: string }) {
    const response = await graphql(RECOMMEND, { input: training(costCenter, window) }, TOKENS.planner);
    expect(response.body.errors).toBeUndefined();
    return response.body.data.recommendPlacement as {
      id: string;
      chosen: {
        poolId: string;
        siteId: string;
        countryCode: string;
        objectives: { totalCost: { amount: string; currency: string } };
        estimate: { computeHours: { expected: string }; deviceHours: { expected: string }; components: { name: string; cost: { expected: string } }[] };
      };
    };
  }

  beforeAll(async () => {
    t = await startTestSystem(transport, 'plans', {
      apiTokens,
      // An outside consumer of placement.accepted, subscribed before the buses start.
      wrapBus: (service, bus) => {
        if (service === 'inventory') bus.subscribe(PlacementAcceptedV1, async (event) => void accepted.push(event));
        return bus;
      },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('holds the capacity for the run (not the whole window), commits that hold by month and emits placement.accepted; accepting again changes nothing', async () => {
    const cc = `cc-${randomUUID().slice(0, 8)}`;
    const window = { from: '2027-03-15T00:00:00Z', to: '2027-05-15T00:00:00Z' };
    const rec = await recommend(cc, window);
    const first = await graphql(ACCEPT, { id: rec.id }, TOKENS.planner);
    expect(first.body.errors).toBeUndefined();
    const plan = first.body.data.acceptPlan;
    expect(plan.placements).toHaveLength(1);
    expect(plan.placements[0]).toMatchObject({ poolId: rec.chosen.poolId, devices: 64, committed: { currency: 'USD' } });

    // The hold: the expected run rounded up to whole hours, from the window start, inside the two-month window.
    const estimate = rec.chosen.estimate;
    const hours = Decimal.max(1, new Decimal(estimate.computeHours.expected).ceil());
    expect(hours.lt(24 * 61)).toBe(true); // a run shorter than the window, or the check below would see it clipped
    const held = plan.placements[0].window as { from: string; to: string };
    expect(new Date(held.from).toISOString()).toBe('2027-03-15T00:00:00.000Z');
    expect(new Decimal(Date.parse(held.to) - Date.parse(held.from)).div(3_600_000).eq(hours)).toBe(true);

    // Committed: the held device-hours at the estimate's rate plus data movement, no cost of delay; booked in cents.
    const of = (pick: (name: string) => boolean) => estimate.components.filter((c) => pick(c.name)).reduce((s, c) => s.add(c.cost.expected), new Decimal(0));
    const timeBound = of((n) => n !== 'DATA_MOVEMENT' && n !== 'DELAY');
    const deviceHours = hours.mul(64);
    const cents = timeBound.div(estimate.deviceHours.expected).mul(deviceHours).add(of((n) => n === 'DATA_MOVEMENT')).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    expect(new Decimal(plan.placements[0].committed.amount).eq(cents)).toBe(true);

    const again = await graphql(ACCEPT, { id: rec.id }, TOKENS.planner);
    expect(again.body.data.acceptPlan.placements[0].reservationId).toBe(plan.placements[0].reservationId);

    // Committed spend, by the months the hold touches, adds up to the committed amount and to the hold's device-hours exactly.
    const entries = await graphql(
      `query($f: LedgerFilterInput!) { ledgerEntries(filter: $f, first: 100) { entries { entryType source amount deviceHours chargePeriodStart chargePeriodEnd poolId } } }`,
      { f: { from: '2027-01-01', to: '2028-01-01', costCenters: [cc] } },
      TOKENS.finance,
    );
    const rows = entries.body.data.ledgerEntries.entries as { entryType: string; source: string; amount: string; deviceHours: string; chargePeriodStart: string; chargePeriodEnd: string }[];
    const months: string[] = [];
    for (let m = new Date(held.from); m.getTime() < Date.parse(held.to); m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) months.push(m.toISOString().slice(0, 7));
    expect(rows.map((r) => r.chargePeriodStart.slice(0, 7))).toEqual(months);
    expect(rows[0].chargePeriodStart).toBe('2027-03-15');
    expect(rows.at(-1)!.chargePeriodEnd <= '2027-05-15').toBe(true);
    expect(rows.every((r) => r.entryType === 'COMMITTED' && r.source === 'PLAN')).toBe(true);
    expect(rows.reduce((s, r) => s.add(r.amount), new Decimal(0)).eq(cents)).toBe(true);
    expect(rows.reduce((s, r) => s.add(r.deviceHours), new Decimal(0)).eq(deviceHours)).toBe(true);

    // The capacity is held during the run: one more device in the run's window leaves 64 + 1 fewer free.
    const probe = await graphql(
      `mutation($input: ReserveCapacityInput!) { reserveCapacity(input: $input) { freeDevices reservation { id } } }`,
      { input: { poolId: rec.chosen.poolId, quantity: 1, window: held, workloadRef: 'probe', idempotencyKey: `probe-${randomUUID()}` } },
      TOKENS.planner,
    );
    const free = probe.body.data.reserveCapacity.freeDevices as number;
    const pools = await graphql(`query($f: CapacityPoolFilter) { capacityPools(first: 50, filter: $f) { edges { node { id deviceCount } } } }`, { f: { siteId: rec.chosen.siteId } });
    const deviceCount = (pools.body.data.capacityPools.edges as { node: { id: string; deviceCount: number } }[]).find((e) => e.node.id === rec.chosen.poolId)?.node.deviceCount;
    expect(free).toBe(deviceCount! - 64 - 1);
    // After the run, the rest of the window is free again.
    const after = await graphql(
      `query($f: CapacityPoolFilter) { capacityPools(first: 50, filter: $f) { edges { node { id freeDevices } } } }`,
      { f: { siteId: rec.chosen.siteId, window: { from: new Date(Date.parse(held.to) + 3_600_000).toISOString(), to: window.to } } },
    );
    expect((after.body.data.capacityPools.edges as { node: { id: string; freeDevices: number } }[]).find((e) => e.node.id === rec.chosen.poolId)?.node.freeDevices).toBe(deviceCount);

    const event = await eventually(async () => accepted.find((e) => e.planId === rec.id));
    expect(event.placements[0]).toMatchObject({ poolId: rec.chosen.poolId, devices: 64, reservationId: plan.placements[0].reservationId });
  });

  it('holds an inference fleet for the whole window and commits the device-hours of that window, not the months the estimate priced', async () => {
    const cc = `cc-${randomUUID().slice(0, 8)}`;
    const window = { from: '2027-06-01T00:00:00Z', to: '2027-07-16T00:00:00Z' };
    const response = await graphql(
      RECOMMEND,
      {
        input: {
          name: `serve-${cc}`,
          workload: { kind: 'INFERENCE', averageTokensPerSecond: 2_000, peakTokensPerSecond: 4_000, tokensPerSecondPerDevice: { low: 800, expected: 1_000, high: 1_200 } },
          legalEntityId: 'demo-sg-subsidiary',
          costCenter: cc,
          window,
          ownership: ['LEASED_IAAS'],
          weights: { cost: 1, time: 0, risk: 0, latency: 0 },
        },
      },
      TOKENS.planner,
    );
    expect(response.body.errors).toBeUndefined();
    const rec = response.body.data.recommendPlacement;
    const accepted = await graphql(ACCEPT, { id: rec.id }, TOKENS.planner);
    expect(accepted.body.errors).toBeUndefined();
    const placement = accepted.body.data.acceptPlan.placements[0];
    expect({ from: new Date(placement.window.from).toISOString(), to: new Date(placement.window.to).toISOString() }).toEqual({ from: '2027-06-01T00:00:00.000Z', to: '2027-07-16T00:00:00.000Z' });

    const estimate = rec.chosen.estimate as { deviceHours: { expected: string }; components: { name: string; cost: { expected: string } }[] };
    const deviceHours = new Decimal(placement.devices).mul(45 * 24);
    const timeBound = estimate.components.filter((c) => c.name !== 'DATA_MOVEMENT' && c.name !== 'DELAY').reduce((s, c) => s.add(c.cost.expected), new Decimal(0));
    const oneOff = estimate.components.filter((c) => c.name === 'DATA_MOVEMENT').reduce((s, c) => s.add(c.cost.expected), new Decimal(0));
    const cents = timeBound.div(estimate.deviceHours.expected).mul(deviceHours).add(oneOff).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    expect(new Decimal(placement.committed.amount).eq(cents)).toBe(true);

    const entries = await graphql(
      `query($f: LedgerFilterInput!) { ledgerEntries(filter: $f, first: 100) { entries { amount deviceHours chargePeriodStart chargePeriodEnd } } }`,
      { f: { from: '2027-01-01', to: '2028-01-01', costCenters: [cc] } },
      TOKENS.finance,
    );
    const rows = entries.body.data.ledgerEntries.entries as { amount: string; deviceHours: string; chargePeriodStart: string; chargePeriodEnd: string }[];
    expect(rows.map((r) => [r.chargePeriodStart, r.chargePeriodEnd])).toEqual([
      ['2027-06-01', '2027-07-01'],
      ['2027-07-01', '2027-07-16'],
    ]);
    expect(rows.map((r) => new Decimal(r.deviceHours).toFixed())).toEqual([new Decimal(placement.devices).mul(30 * 24).toFixed(), new Decimal(placement.devices).mul(15 * 24).toFixed()]);
    expect(rows.reduce((s, r) => s.add(r.amount), new Decimal(0)).eq(cents)).toBe(true);
  });

  it('accepts all or nothing: when the capacity is gone it says CONFLICT and leaves no hold and no committed spend', async () => {
    const cc = `cc-${randomUUID().slice(0, 8)}`;
    const window = { from: '2027-08-01T00:00:00Z', to: '2027-09-01T00:00:00Z' };
    const rec = await recommend(cc, window);
    // Someone else takes the whole pool for the window first.
    const RESERVE = `mutation($input: ReserveCapacityInput!) { reserveCapacity(input: $input) { freeDevices } }`;
    const one = await graphql(RESERVE, { input: { poolId: rec.chosen.poolId, quantity: 1, window, workloadRef: 'rival', idempotencyKey: `rival-${randomUUID()}` } }, TOKENS.planner);
    const rest = one.body.data.reserveCapacity.freeDevices as number;
    if (rest > 0) {
      const all = await graphql(RESERVE, { input: { poolId: rec.chosen.poolId, quantity: rest, window, workloadRef: 'rival', idempotencyKey: `rival-${randomUUID()}` } }, TOKENS.planner);
      expect(all.body.data.reserveCapacity.freeDevices).toBe(0);
    }
    const refused = await graphql(ACCEPT, { id: rec.id }, TOKENS.planner);
    expect(refused.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(refused.body.errors[0].message).toMatch(new RegExp(`pool ${rec.chosen.poolId}: .*nothing was reserved or committed`));
    const report = await graphql(
      `query($f: LedgerFilterInput!) { costReport(filter: $f, groupBy: [], currency: "USD") { totals { committed entryCount } } }`,
      { f: { from: '2027-01-01', to: '2028-01-01', costCenters: [cc] } },
      TOKENS.finance,
    );
    expect(report.body.data.costReport.totals).toEqual({ committed: '0.00', entryCount: 0 });
    expect((await graphql(`query($id: ID!) { acceptedPlan(id: $id) { planId } }`, { id: rec.id })).body.data.acceptedPlan).toBeNull();
  });

  it('raises an alert with the new verdict and a suggested re-placement when a new rule pack prohibits an accepted placement', async () => {
    const cc = `cc-${randomUUID().slice(0, 8)}`;
    const rec = await recommend(cc, { from: '2027-10-01T00:00:00Z', to: '2027-11-01T00:00:00Z' });
    expect((await graphql(ACCEPT, { id: rec.id }, TOKENS.planner)).body.errors).toBeUndefined();
    const country = rec.chosen.countryCode;

    const current = (await graphql(`{ rulePacks { version current } }`)).body.data.rulePacks.find((p: { current: boolean }) => p.current).version as string;
    const pack = (await graphql(`query($v: String!) { rulePack(version: $v) { document } }`, { v: current })).body.data.rulePack.document;
    const draft = {
      ...pack,
      version: `${current.split('-')[0]}-a${Date.now() % 100_000}`,
      rules: [
        ...pack.rules,
        {
          id: 'test-host-moratorium',
          title: `Test: moratorium on foreign-run AI training in ${country}`,
          jurisdiction: country,
          family: 'HOST_COUNTRY',
          effectiveFrom: '2020-01-01',
          effectiveTo: null,
          status: 'IN_FORCE',
          condition: `placement.site.countryCode == "${country}"`,
          outcome: 'PROHIBITED',
          conditionsToSatisfy: [],
          leadTimeDays: null,
          citations: [{ text: 'test moratorium', url: 'https://example.org/moratorium', evidence: 'E' }],
        },
      ],
    };
    const published = await graphql(`mutation($p: JSONObject!) { publishRulePack(pack: $p) { summary { version } } }`, { p: draft }, TOKENS.compliance);
    expect(published.body.errors).toBeUndefined();

    const alerts = await eventually(
      async () => {
        const response = await graphql(
          `query($id: ID) { placementAlerts(planId: $id) { planId poolId before { outcome rulePackVersion } after { outcome rulePackVersion } decidingRules { ruleId citations } verdict { outcome } suggestedPoolId suggestedRecommendationId } }`,
          { id: rec.id },
        );
        const list = response.body.data?.placementAlerts as unknown[] | undefined;
        return list && list.length > 0 ? list : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(alerts).toHaveLength(1);
    const alert = alerts[0] as { before: { outcome: string }; after: { outcome: string; rulePackVersion: string }; decidingRules: { ruleId: string; citations: string[] }[]; poolId: string; suggestedPoolId: string | null; suggestedRecommendationId: string | null };
    expect(alert.poolId).toBe(rec.chosen.poolId);
    expect(alert.before.outcome).not.toBe('PROHIBITED');
    expect(alert.after).toEqual({ outcome: 'PROHIBITED', rulePackVersion: draft.version });
    expect(alert.decidingRules).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'test-host-moratorium', citations: ['test moratorium (https://example.org/moratorium)'] })]));
    expect(alert.suggestedPoolId).not.toBeNull();
    expect(alert.suggestedPoolId).not.toBe(rec.chosen.poolId);
    const suggestion = await graphql(`query($id: ID!) { recommendation(id: $id) { chosen { countryCode } } }`, { id: alert.suggestedRecommendationId });
    expect(suggestion.body.data.recommendation.chosen.countryCode).not.toBe(country);
  });
});
