import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type RunningService, type ServiceStartOptions, startNestService } from '@cp/service-kit';
import { altairExpress } from 'altair-express-middleware';
import type { ApiTokens } from './auth/api-tokens.js';
import { mountConsole } from './console/console-static.js';
import { GatewayModule } from './gateway.module.js';

export interface GatewayStartOptions extends ServiceStartOptions {
  readonly ide: boolean;
  readonly requestTimeoutMs: number;
  readonly apiTokens: ApiTokens;
}

/** Serves the GraphQL IDE from node_modules (no CDN: the product runs offline). */
function mountIde(app: INestApplication): void {
  const express = app.getHttpAdapter().getInstance() as { use: (path: string, handler: unknown) => void; get: (path: string, handler: unknown) => void };
  express.use('/ide', altairExpress({ endpointURL: '/graphql', initialQuery: '{ sites(first: 5) { totalCount edges { node { id name countryCode operator } } } }' }));
}

export function startGateway(options: GatewayStartOptions): Promise<RunningService> {
  return startNestService(
    'gateway',
    GatewayModule.forRoot({
      bus: options.bus,
      databaseUrl: options.databaseUrl,
      migrateOnStart: options.migrateOnStart,
      ide: options.ide,
      requestTimeoutMs: options.requestTimeoutMs,
      apiTokens: options.apiTokens,
    }),
    options,
    (app) => {
      if (options.ide) mountIde(app);
      mountConsole(app);
    },
  );
}

export { gatewayEntities } from './gateway.module.js';
export { gatewayMigrations } from './migrations/index.js';
export { GATEWAY_SENDS, PLANNING_SCHEMA } from './gateway.options.js';
export { ApiTokensSetting, type ApiTokens } from './auth/api-tokens.js';
