import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type RunningService, type ServiceStartOptions, startNestService } from '@cp/service-kit';
import { altairExpress } from 'altair-express-middleware';
import { ApiKeysService } from './auth/api-keys.service.js';
import { mountConsole } from './console/console-static.js';
import { GatewayModule } from './gateway.module.js';
import { applyHttpHardening } from './http-hardening.js';
import type { GatewaySecurity } from './security.config.js';
import { GraphQLTraceInterceptor } from './observability/graphql-trace.interceptor.js';

export interface GatewayStartOptions extends ServiceStartOptions {
  readonly ide: boolean;
  readonly requestTimeoutMs: number;
  readonly security: GatewaySecurity;
  /** Make an admin API key if this installation never had one, and return it (once). */
  readonly bootstrapAdminKey?: boolean;
}

export interface RunningGateway extends RunningService {
  /** The admin API key made on this start, if it was the first (shown once, then gone). */
  readonly bootstrapAdminKey: string | null;
}

/** Serves the GraphQL IDE from node_modules (no CDN: the product runs offline). */
function mountIde(app: INestApplication): void {
  const express = app.getHttpAdapter().getInstance() as { use: (path: string, handler: unknown) => void; get: (path: string, handler: unknown) => void };
  express.use('/ide', altairExpress({ endpointURL: '/graphql', initialQuery: '{ sites(first: 5) { totalCount edges { node { id name countryCode operator } } } }' }));
}

export async function startGateway(options: GatewayStartOptions): Promise<RunningGateway> {
  const service = await startNestService(
    'gateway',
    GatewayModule.forRoot({
      bus: options.bus,
      databaseUrl: options.databaseUrl,
      migrateOnStart: options.migrateOnStart,
      ide: options.ide,
      requestTimeoutMs: options.requestTimeoutMs,
      security: options.security,
    }),
    options,
    (app) => {
      applyHttpHardening(app, options.security, options.ide);
      app.useGlobalInterceptors(new GraphQLTraceInterceptor());
      if (options.ide) mountIde(app);
      mountConsole(app);
    },
  );
  const created = options.bootstrapAdminKey ? await service.app.get(ApiKeysService).createBootstrapAdminKey() : null;
  return { ...service, bootstrapAdminKey: created?.token ?? null };
}

export { gatewayEntities } from './gateway.module.js';
export { gatewayMigrations } from './migrations/index.js';
export { GATEWAY_SENDS, PLANNING_SCHEMA } from './gateway.options.js';
export { ApiTokensSetting, type ApiTokens } from './auth/api-tokens.js';
export { defaultSecurity, type GatewaySecurity, securityFrom, SecurityEnv, checkJwtSettings } from './security.config.js';
