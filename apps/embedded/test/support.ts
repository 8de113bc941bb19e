import type { RequestContract } from '@cp/contracts';
import type { ApiTokens } from '@cp/gateway-service';
import type { MessageBus } from '@cp/messaging';
import { busFactory, createTestDatabase, type TestDatabase, type TransportKind, uniqueNamespace } from '@cp/testing';
import request from 'supertest';
import { type RunningSystem, startSystem } from '../src/system.js';

export interface TestSystem {
  readonly system: RunningSystem;
  readonly database: TestDatabase;
  /** The Kafka namespace of this system's topics and groups (unused in-process). */
  readonly namespace: string;
  /** The bus each service was given, by service name. */
  readonly buses: ReadonlyMap<string, MessageBus>;
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
  const namespace = uniqueNamespace(label);
  const makeBus = busFactory(transport, namespace);
  const buses = new Map<string, MessageBus>();
  const system = await startSystem({
    busFor: (service: string, sends: readonly RequestContract[]) => {
      const bus = (options.wrapBus ?? ((_s, b) => b))(service, makeBus(service, sends));
      buses.set(service, bus);
      return bus;
    },
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
    namespace,
    buses,
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
