import 'reflect-metadata';
import { join } from 'node:path';
import { InProcessBus } from '@cp/messaging';
import { initTelemetry, shutdownTelemetry } from '@cp/observability';
import { startEmbeddedDatabase } from '@cp/persistence';
import { closeOnSignals, loadConfigOrExit } from '@cp/service-kit';
import { securityFrom } from '@cp/gateway-service';
import { EmbeddedConfig } from './config.js';
import { startSystem } from './system.js';

const startedAt = performance.now();
const config = loadConfigOrExit('compute-planner', EmbeddedConfig);
initTelemetry({ serviceName: 'compute-planner', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
const reset = config.CP_RESET || process.argv.includes('--reset');

const database = await startEmbeddedDatabase({
  dataDir: join(config.CP_DATA_DIR, 'postgres'),
  port: config.EMBEDDED_POSTGRES_PORT,
  reset,
});
const bus = new InProcessBus();
const system = await startSystem({
  busFor: () => bus,
  databaseUrl: database.url,
  gatewayHttp: { host: config.GATEWAY_HOST, port: config.GATEWAY_PORT },
  serviceHttp: null,
  dataDir: config.DATA_DIR,
  ide: config.GRAPHQL_IDE,
  requestTimeoutMs: config.BUS_REQUEST_TIMEOUT_MS,
  security: securityFrom(config),
  bootstrapAdminKey: config.BOOTSTRAP_ADMIN_KEY,
});

closeOnSignals([system.gateway, ...system.services], async () => {
  await shutdownTelemetry();
  await database.stop();
});

const url = system.gateway.url!;
console.log(
  [
    `Compute Planner (embedded) ready in ${Math.round(performance.now() - startedAt)} ms`,
    `  console  ${url}/`,
    `  GraphQL  ${url}/graphql`,
    config.GRAPHQL_IDE ? `  IDE      ${url}/ide` : null,
    `  health   ${url}/health/ready`,
    `  data     ${database.dataDir}${reset ? ' (reset)' : ''}`,
    system.gateway.bootstrapAdminKey
      ? `  admin API key, shown this once — keep it (Authorization: Bearer …):\n    ${system.gateway.bootstrapAdminKey}\n  create other keys with the createApiKey mutation`
      : null,
  ]
    .filter(Boolean)
    .join('\n'),
);
