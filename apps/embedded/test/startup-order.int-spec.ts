import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ApiTokensSetting, defaultSecurity, GATEWAY_SENDS, startGateway } from '@cp/gateway-service';
import { startInventory } from '@cp/inventory-service';
import type { RunningService } from '@cp/service-kit';
import { busFactory, createTestDatabase, type TestDatabase, transports, uniqueNamespace } from '@cp/testing';
import request from 'supertest';

const TOKEN = `planner-${randomUUID()}`;

describe.each(transports)('start-up order on %s', (transport) => {
  const running: RunningService[] = [];
  let database: TestDatabase | undefined;

  afterEach(async () => {
    for (const service of running.splice(0).reverse()) await service.close();
    await database?.drop();
  });

  it('answers a query sent before the inventory service was up', async () => {
    database = await createTestDatabase('startup');
    const busFor = busFactory(transport, uniqueNamespace('startup'));
    const common = { databaseUrl: database.url, migrateOnStart: true, http: { host: '127.0.0.1', port: 0 }, logLevels: ['fatal' as const, 'error' as const] };
    const gateway = await startGateway({ ...common, bus: busFor('gateway', GATEWAY_SENDS), ide: false, requestTimeoutMs: 60_000, security: defaultSecurity({ apiTokens: ApiTokensSetting.parse(`${TOKEN}:planner`) }) });
    running.push(gateway);

    const pending = request(gateway.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${TOKEN}`)
      .send({ query: '{ sites(first: 1) { totalCount edges { node { id } } } }' })
      .then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    running.push(await startInventory({ ...common, bus: busFor('inventory', []), dataDir: 'data' }));

    const response = await pending;
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.sites.totalCount).toBeGreaterThanOrEqual(25);
    expect(response.body.data.sites.edges).toHaveLength(1);
  });
});
