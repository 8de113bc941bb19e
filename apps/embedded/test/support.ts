import type { RequestContract } from '@cp/contracts';
import type { ApiTokens } from '@cp/gateway-service';
import type { MessageBus } from '@cp/messaging';
import { busFactory, createTestDatabase, type TestDatabase, type TransportKind, uniqueNamespace } from '@cp/testing';
import request from 'supertest';
import { type RunningSystem, startSystem } from '../src/system.js';

export interface TestSystem {
  readonly system: RunningSystem;
  readonly database: TestDatabase;
  /** POST /graphql, optionally as the bearer of `token`. */
  graphql(query: string, variables?: Record<string, unknown>, token?: string): request.Test;
  close(): Promise<void>;
}

/** The four services on a fresh database and the given transport, as the end-to-end suites use them. */
export async function startTestSystem(
  transport: TransportKind,
  label: string,
  options: { apiTokens?: ApiTokens; serviceHttp?: boolean; wrapBus?: (service: string, bus: MessageBus) => MessageBus } = {},
): Promise<TestSystem> {
  const database = await createTestDatabase(label);
  const makeBus = busFactory(transport, uniqueNamespace(label));
  const system = await startSystem({
    busFor: (service: string, sends: readonly RequestContract[]) => (options.wrapBus ?? ((_s, bus) => bus))(service, makeBus(service, sends)),
    databaseUrl: database.url,
    gatewayHttp: { host: '127.0.0.1', port: 0 },
    serviceHttp: options.serviceHttp ? { host: '127.0.0.1' } : null,
    dataDir: 'data',
    ide: true,
    requestTimeoutMs: 20_000,
    logLevels: ['fatal', 'error'],
    apiTokens: options.apiTokens ?? [],
  });
  return {
    system,
    database,
    graphql: (query, variables = {}, token) => {
      const call = request(system.gateway.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
      if (token) call.set('authorization', `Bearer ${token}`);
      return call.send({ query, variables });
    },
    close: async () => {
      await system.close();
      await database.drop();
    },
  };
}
