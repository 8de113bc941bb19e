import type { RequestContract } from '@cp/contracts';
import { randomUUID } from 'node:crypto';
import { type ApiTokens, ApiTokensSetting, defaultSecurity, type GatewaySecurity } from '@cp/gateway-service';
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
  /** An admin token of this system: what `graphql` sends when no token is given. */
  readonly adminToken: string;
  /** POST /graphql as the bearer of `token` (default: the admin token; null: no credentials). */
  graphql(query: string, variables?: Record<string, unknown>, token?: string | null): request.Test;
  close(): Promise<void>;
}

/** The four services on a fresh database and the given transport, as the end-to-end suites use them. */
export async function startTestSystem(
  transport: TransportKind,
  label: string,
  options: { apiTokens?: ApiTokens; security?: Partial<GatewaySecurity>; ide?: boolean; serviceHttp?: boolean; wrapBus?: (service: string, bus: MessageBus) => MessageBus } = {},
): Promise<TestSystem> {
  const database = await createTestDatabase(label);
  const namespace = uniqueNamespace(label);
  const makeBus = busFactory(transport, namespace);
  const buses = new Map<string, MessageBus>();
  const adminToken = `admin-${randomUUID()}`;
  // Suites exercise features, not the rate limit: it gets a budget no suite reaches (the limit has tests of its own).
  const security = defaultSecurity({
    rateLimit: { perMinute: 1_000_000, anonymousPerMinute: 1_000_000, failedAuthPerMinute: 1_000_000 },
    ...options.security,
    apiTokens: [
      ...ApiTokensSetting.parse(`${adminToken}:admin`).map((t) => ({ ...t, actor: { id: 'test-admin', roles: t.actor.roles } })),
      ...(options.apiTokens ?? options.security?.apiTokens ?? []),
    ],
  });
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
    ide: options.ide ?? true,
    requestTimeoutMs: 20_000,
    logLevels: ['fatal', 'error'],
    security,
  });
  return {
    system,
    database,
    namespace,
    buses,
    adminToken,
    graphql: (query, variables = {}, token = adminToken) => {
      const call = request(system.gateway.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
      if (token !== null) call.set('authorization', `Bearer ${token}`);
      return call.send({ query, variables });
    },
    close: async () => {
      await system.close();
      await database.drop();
    },
  };
}
