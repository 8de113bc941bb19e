import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiTokensSetting } from '@cp/gateway-service';
import type { MessageBus } from '@cp/messaging';
import { configureRootLogger, initTelemetry, rootLogger } from '@cp/observability';
import { eventually, transports } from '@cp/testing';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import request from 'supertest';
import { startTestSystem, type TestSystem } from './support.js';

// Registered before any service starts: startNestService keeps the first configuration.
const exporter = new InMemorySpanExporter();
initTelemetry({ serviceName: 'tracing-test', spanProcessors: [new SimpleSpanProcessor(exporter)] });

// Every JSON line the process writes, services included (their Nest loggers derive from the root logger).
const logged: string[] = [];
configureRootLogger({
  level: 'info',
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  }),
});

/** Each service logs a line as it starts handling a request, as handlers do when they have something to say. */
function loggingHandlers(service: string, bus: MessageBus): MessageBus {
  return {
    handle: (contract, handler, options) =>
      bus.handle(contract, async (request, context) => {
        rootLogger().info({ service, topic: context.topic }, 'handling request');
        return handler(request, context);
      }, options),
    subscribe: (contract, handler, options) => bus.subscribe(contract, handler, options),
    request: (contract, payload, options) => bus.request(contract, payload, options),
    publish: (contract, payload, options) => bus.publish(contract, payload, options),
    start: () => bus.start(),
    stop: () => bus.stop(),
    health: () => bus.health(),
  };
}

const TOKENS = { planner: `pln-${randomUUID()}` };
const apiTokens = ApiTokensSetting.parse(`${TOKENS.planner}:planner`);

const RECOMMEND = `mutation Recommend($input: WorkloadInput!) { recommendPlacement(input: $input) { id chosen { poolId } counts { candidates } } }`;

const INPUT = {
  name: 'a traced 70B pre-training run',
  workload: { kind: 'TRAINING', activeParameters: 70e9, tokens: 2e12, modelType: 'DENSE', precision: 'BF16', devices: 256 },
  legalEntityId: 'demo-sg-subsidiary',
  costCenter: 'cc-llm',
  window: { from: '2027-03-01T00:00:00Z', to: '2027-04-01T00:00:00Z' },
  data: { originCountry: null },
  weights: { cost: 1, time: 0, risk: 0, latency: 0 },
};

const service = (span: ReadableSpan) => span.attributes['cp.service'];
const topic = (span: ReadableSpan) => span.attributes['messaging.destination.name'];

describe.each(transports)('tracing on %s', (transport) => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem(transport, 'tracing', { apiTokens, wrapBus: loggingHandlers });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('one recommendPlacement is one trace: the gateway, inventory candidates, compliance evaluate, cost estimate and Postgres', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await t
      .graphql(RECOMMEND, { input: INPUT }, TOKENS.planner)
      .set('traceparent', `00-${traceId}-${randomBytes(8).toString('hex')}-01`);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.recommendPlacement.counts.candidates).toBeGreaterThan(0);

    // The root span ends as the response is sent; wait for it rather than for a fixed time.
    const spans = await eventually(async () => {
      const ofTrace = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      return ofTrace.some((s) => s.name === 'mutation Recommend') ? ofTrace : undefined;
    });

    const root = spans.find((s) => s.name === 'mutation Recommend')!;
    expect(service(root)).toBe('gateway');
    const consumers = spans.filter((s) => s.attributes['messaging.operation.type'] === 'process');
    const handled = consumers.map((s) => [topic(s), service(s)]);
    expect(handled).toEqual(
      expect.arrayContaining([
        ['inventory.candidates', 'inventory'],
        ['compliance.evaluate', 'region-compliance'],
        ['cost.estimate', 'cost-estimation'],
      ]),
    );
    // Each service's handler queried PostgreSQL inside its own span, and the gateway stored the recommendation.
    const queries = spans.filter((s) => s.attributes['db.system.name'] === 'postgresql');
    expect(new Set(queries.map(service))).toEqual(new Set(['gateway', 'inventory', 'region-compliance', 'cost-estimation']));
    expect(queries.some((s) => service(s) === 'gateway' && String(s.attributes['db.query.text']).includes('recommendations'))).toBe(true);

    // One tree: every span's parent is in the trace, up to the caller's span.
    const ids = new Set(spans.map((s) => s.spanContext().spanId));
    const orphans = spans.filter((s) => s !== root && !ids.has(s.parentSpanContext?.spanId ?? ''));
    expect(orphans.map((s) => s.name)).toEqual([]);
    // The handlers' spans hang under the gateway's request spans, not beside them.
    const candidates = consumers.find((s) => topic(s) === 'inventory.candidates')!;
    const sender = spans.find((s) => s.spanContext().spanId === candidates.parentSpanContext?.spanId)!;
    expect([sender.name, service(sender)]).toEqual(['inventory.candidates request', transport === 'kafka' ? 'gateway' : 'embedded']);
  });

  it('an event relayed through the outbox continues the trace of the request that wrote it', async () => {
    const traceId = randomBytes(16).toString('hex');
    const SUBMIT = `mutation Submit($key: String!, $input: WorkloadInput!) { submitWorkloadRequest(idempotencyKey: $key, input: $input) { status } }`;
    const response = await t
      .graphql(SUBMIT, { key: `traced-${randomUUID()}`, input: INPUT }, TOKENS.planner)
      .set('traceparent', `00-${traceId}-${randomBytes(8).toString('hex')}-01`);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.submitWorkloadRequest.status).toBe('RECOMMENDED');
    // The result goes out on placement.recommendations by the gateway's outbox relay, later.
    const published = await eventually(async () =>
      exporter.getFinishedSpans().find((s) => s.spanContext().traceId === traceId && topic(s) === 'placement.recommendations' && s.attributes['messaging.operation.type'] === 'send'),
    );
    expect(published.name).toBe('placement.recommendations publish');
  });

  it('every line a service logs while handling the request carries its trace id as correlationId; the bearer token is never logged', async () => {
    const traceId = randomBytes(16).toString('hex');
    logged.length = 0;
    const response = await t
      .graphql(RECOMMEND, { input: INPUT }, TOKENS.planner)
      .set('traceparent', `00-${traceId}-${randomBytes(8).toString('hex')}-01`);
    expect(response.body.errors).toBeUndefined();
    const lines = logged.map((l) => JSON.parse(l) as Record<string, unknown>);
    const handling = lines.filter((l) => l['msg'] === 'handling request');
    expect(handling.map((l) => [l['service'], l['topic']])).toEqual(
      expect.arrayContaining([
        ['inventory', 'inventory.candidates'],
        ['region-compliance', 'compliance.evaluate'],
        ['cost-estimation', 'cost.estimate'],
      ]),
    );
    expect(handling.filter((l) => l['correlationId'] !== traceId)).toEqual([]);
    expect(logged.join('\n')).not.toContain(TOKENS.planner);
  });

  it('serves Prometheus metrics at /metrics: the operation, the bus hops by handling service, queries and the outbox', async () => {
    const response = await t.graphql(RECOMMEND, { input: INPUT }, TOKENS.planner);
    expect(response.body.errors).toBeUndefined();
    const metrics = await request(t.system.gateway.app.getHttpServer()).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    const sender = transport === 'kafka' ? 'gateway' : 'embedded';
    const transportLabel = transport === 'kafka' ? 'kafka' : 'inprocess';
    expect(metrics.text).toMatch(/^cp_graphql_operations_total\{service="gateway",operation="Recommend",type="mutation"\} [1-9]/m);
    expect(metrics.text).toMatch(/^cp_graphql_operation_duration_seconds_count\{service="gateway",operation="Recommend",type="mutation"\} [1-9]/m);
    for (const [topic, handler] of [['inventory.candidates', 'inventory'], ['compliance.evaluate', 'region-compliance'], ['cost.estimate', 'cost-estimation']]) {
      expect(metrics.text).toContain(`cp_messages_produced_total{service="${sender}",topic="${topic}",transport="${transportLabel}"}`);
      expect(metrics.text).toContain(`cp_messages_consumed_total{service="${handler}",topic="${topic}",transport="${transportLabel}",outcome="ok"}`);
      expect(metrics.text).toContain(`cp_message_handler_duration_seconds_count{service="${handler}",topic="${topic}",transport="${transportLabel}",outcome="ok"}`);
    }
    expect(metrics.text).toMatch(/^cp_db_query_duration_seconds_count\{service="inventory",statement="SELECT",success="true"\} [1-9]/m);
    expect(metrics.text).toMatch(/^cp_outbox_pending_rows\{schema="planning"\} \d+/m);
    if (transport === 'kafka') expect(metrics.text).toMatch(/^cp_kafka_consumer_lag\{service="inventory",group="[^"]+",topic="inventory.candidates",partition="\d"\} \d+/m);
  });
});
