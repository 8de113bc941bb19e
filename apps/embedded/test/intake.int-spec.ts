import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Headers, PlacementRecommendedV1, type PlacementRecommendedV1 as PlacementRecommended, WorkloadRequestedV1 } from '@cp/contracts';
import { ApiTokensSetting } from '@cp/gateway-service';
import { deadLetterReader, eventually, rawKafka, transports } from '@cp/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestSystem, type TestSystem } from './support.js';

const TOKENS = { pipeline: `pip-${randomUUID()}` };
const apiTokens = ApiTokensSetting.parse(`${TOKENS.pipeline}:pipeline`);

function request(overrides: Record<string, unknown> = {}) {
  return {
    name: 'nightly fine-tune',
    workload: { kind: 'FINE_TUNING', activeParameters: 8e9, tokens: 2e10, modelType: 'DENSE', precision: 'BF16', devices: 16, mfu: { low: 0.3, expected: 0.35, high: 0.4 } },
    legalEntityId: 'demo-sg-subsidiary',
    costCenter: 'cc-pipelines',
    window: { from: '2027-02-01T00:00:00Z', to: '2027-02-15T00:00:00Z' },
    weights: { cost: 1, time: 0, risk: 0, latency: 0 },
    ...overrides,
  };
}

const STATUS = `query($key: String!) { workloadRequest(idempotencyKey: $key) { id status source duplicates error { code message field } recommendation { id chosen { poolId } } } }`;

describe.each(transports)('pipeline intake on %s', (transport) => {
  let t: TestSystem;
  const results: PlacementRecommended[] = [];

  beforeAll(async () => {
    t = await startTestSystem(transport, 'intake', {
      apiTokens,
      // A pipeline reading placement.recommendations, subscribed before the buses start.
      wrapBus: (service, bus) => {
        if (service === 'inventory') bus.subscribe(PlacementRecommendedV1, async (event) => void results.push(event));
        return bus;
      },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('turns each idempotency key into one stored request and one result, however often it arrives', async () => {
    const bus = t.buses.get('inventory')!;
    const a = `pipe-${randomUUID()}`;
    const b = `pipe-${randomUUID()}`;
    for (const key of [a, a, b, a]) await bus.publish(WorkloadRequestedV1, { idempotencyKey: key, submittedBy: 'orchestrator', request: request() as never }, { key });

    const mine = () => results.filter((r) => r.idempotencyKey === a || r.idempotencyKey === b);
    await eventually(async () => (mine().length >= 2 ? true : undefined), { timeoutMs: 60_000 });
    // Duplicates behind the first are recognised once the first finished: give them time to arrive.
    await eventually(async () => {
      const status = (await t.graphql(STATUS, { key: a })).body.data.workloadRequest;
      return status?.duplicates === 2 ? status : undefined;
    }, { timeoutMs: 30_000 });
    expect(mine().map((r) => r.idempotencyKey).sort()).toEqual([a, b].sort());
    const first = mine().find((r) => r.idempotencyKey === a)!;
    expect(first).toMatchObject({ status: 'RECOMMENDED', error: null });
    expect(first.chosen).not.toBeNull();

    const status = (await t.graphql(STATUS, { key: a })).body.data.workloadRequest;
    expect(status).toMatchObject({ status: 'RECOMMENDED', source: 'KAFKA', duplicates: 2, error: null, recommendation: { id: first.recommendationId, chosen: { poolId: first.chosen!.poolId } } });
  });

  it('fails a request it cannot evaluate, with the reason, and publishes that result too', async () => {
    const bus = t.buses.get('inventory')!;
    const key = `pipe-${randomUUID()}`;
    await bus.publish(WorkloadRequestedV1, { idempotencyKey: key, submittedBy: 'orchestrator', request: request({ workload: { kind: 'TRAINING', activeParameters: 8e9, tokens: 2e10, modelType: 'DENSE', precision: 'BF16' } }) as never }, { key });
    const result = await eventually(async () => results.find((r) => r.idempotencyKey === key), { timeoutMs: 60_000 });
    expect(result).toMatchObject({ status: 'FAILED', recommendationId: null, error: { code: 'BAD_USER_INPUT', field: 'input.workload.devices' } });
    const status = (await t.graphql(STATUS, { key })).body.data.workloadRequest;
    expect(status).toMatchObject({ status: 'FAILED', error: { code: 'BAD_USER_INPUT', field: 'input.workload.devices' } });
  });

  it('takes the same path over GraphQL: submitWorkloadRequest is idempotent per key', async () => {
    const key = `http-${randomUUID()}`;
    const SUBMIT = `mutation($key: String!, $input: WorkloadInput!) { submitWorkloadRequest(idempotencyKey: $key, input: $input) { id status source duplicates recommendation { id } } }`;
    const once = await t.graphql(SUBMIT, { key, input: request() }, TOKENS.pipeline);
    expect(once.body.errors).toBeUndefined();
    expect(once.body.data.submitWorkloadRequest).toMatchObject({ status: 'RECOMMENDED', source: 'GRAPHQL', duplicates: 0 });
    const twice = await t.graphql(SUBMIT, { key, input: request() }, TOKENS.pipeline);
    expect(twice.body.data.submitWorkloadRequest).toMatchObject({ id: once.body.data.submitWorkloadRequest.id, duplicates: 1, recommendation: { id: once.body.data.submitWorkloadRequest.recommendation.id } });
    const result = await eventually(async () => results.find((r) => r.idempotencyKey === key));
    expect(result.recommendationId).toBe(once.body.data.submitWorkloadRequest.recommendation.id);
    expect(results.filter((r) => r.idempotencyKey === key)).toHaveLength(1);
  });

  it('pushes status changes over graphql-ws: EVALUATING, then RECOMMENDED with the recommendation', async () => {
    const key = `ws-${randomUUID()}`;
    const url = `${t.system.gateway.url!.replace(/^http/, 'ws')}/graphql`;
    const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${t.adminToken}` } });
    const seen: { status: string; recommendation: { id: string } | null }[] = [];
    const subscribed = new Promise<void>((resolve, reject) => {
      const dispose = client.subscribe(
        { query: `subscription($key: String) { workloadRequestChanged(idempotencyKey: $key) { idempotencyKey status recommendation { id } } }`, variables: { key } },
        {
          next: (message) => {
            const change = (message.data as { workloadRequestChanged: { status: string; recommendation: { id: string } | null } }).workloadRequestChanged;
            seen.push(change);
            if (change.status === 'RECOMMENDED' || change.status === 'FAILED') {
              dispose();
              resolve();
            }
          },
          error: reject,
          complete: () => resolve(),
        },
      );
    });
    try {
      // Subscribed before the request exists: wait until the server has the subscription.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await t.buses.get('inventory')!.publish(WorkloadRequestedV1, { idempotencyKey: key, submittedBy: 'orchestrator', request: request() as never }, { key });
      await Promise.race([subscribed, new Promise((_, reject) => setTimeout(() => reject(new Error(`no RECOMMENDED push; saw ${JSON.stringify(seen)}`)), 60_000))]);
      expect(seen.map((c) => c.status)).toEqual(['EVALUATING', 'RECOMMENDED']);
      expect(seen[1]!.recommendation).not.toBeNull();
    } finally {
      await client.dispose();
    }
  });

  if (transport === 'kafka') {
    it('sends bad bytes, a wrong version, a failed validation and a NUL character to workload.requests.dlq with the reason, and goes on', async () => {
      const topic = `${t.namespace}.${WorkloadRequestedV1.topic.name}`;
      const producer = rawKafka().producer();
      const reader = deadLetterReader('kafka', t.namespace, t.buses.get('gateway')!);
      const key = `pipe-${randomUUID()}`;
      try {
        await producer.connect();
        await producer.send({
          topic,
          messages: [
            { key: 'poison', value: '{not json', headers: { [Headers.version]: '1' } },
            { key: 'poison', value: JSON.stringify({ idempotencyKey: 'poison-1', submittedBy: 'x', request: request() }), headers: { [Headers.version]: '7' } },
            { key: 'poison', value: JSON.stringify({ idempotencyKey: 'short', submittedBy: 'x', request: request() }), headers: { [Headers.version]: '1' } },
            // A NUL in a name would fail in PostgreSQL, and be retried for ever: refused at the door.
            { key: 'poison', value: JSON.stringify({ idempotencyKey: 'poison-nul-1', submittedBy: 'x', request: request({ name: 'nul\u0000name' }) }), headers: { [Headers.version]: '1' } },
          ],
        });
        await t.buses.get('inventory')!.publish(WorkloadRequestedV1, { idempotencyKey: key, submittedBy: 'orchestrator', request: request() as never }, { key });
        const dead = await eventually(async () => {
          const letters = await reader.read(WorkloadRequestedV1.topic.name);
          return letters.length >= 4 ? letters : undefined;
        }, { timeoutMs: 60_000 });
        expect(dead.map((d) => d.reason)).toEqual([expect.stringMatching(/not valid JSON/), expect.stringMatching(/unsupported version 7/), expect.stringMatching(/^idempotencyKey: /), 'request.name: contains a NUL character']);
        expect(dead[0]!.value).toBe('{not json');
        // The good request behind them is answered.
        await eventually(async () => results.find((r) => r.idempotencyKey === key), { timeoutMs: 60_000 });
      } finally {
        await Promise.allSettled([producer.disconnect(), reader.close()]);
      }
    });
  }
});
