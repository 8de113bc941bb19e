import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { InProcessBus } from '@cp/messaging';
import { startEmbeddedDatabase } from '@cp/persistence';
import { closeOnSignals, loadConfigOrExit } from '@cp/service-kit';
import { ApiTokensSetting } from '@cp/gateway-service';
import { EmbeddedConfig } from './config.js';
import { startSystem } from './system.js';

const startedAt = performance.now();
const config = loadConfigOrExit('compute-planner', EmbeddedConfig);
const reset = config.CP_RESET || process.argv.includes('--reset');

const database = await startEmbeddedDatabase({
  dataDir: join(config.CP_DATA_DIR, 'postgres'),
  port: config.EMBEDDED_POSTGRES_PORT,
  reset,
});
const bus = new InProcessBus();
// No tokens configured: make an admin token for this run, shown once below.
const generatedToken = config.CP_API_TOKENS.length === 0 ? randomBytes(24).toString('base64url') : null;
const apiTokens = generatedToken ? ApiTokensSetting.parse(`${generatedToken}:admin`) : config.CP_API_TOKENS;
const system = await startSystem({
  busFor: () => bus,
  databaseUrl: database.url,
  gatewayHttp: { host: config.GATEWAY_HOST, port: config.GATEWAY_PORT },
  serviceHttp: null,
  dataDir: config.DATA_DIR,
  ide: config.GRAPHQL_IDE,
  requestTimeoutMs: config.BUS_REQUEST_TIMEOUT_MS,
  apiTokens,
});

closeOnSignals([system.gateway, ...system.services], () => database.stop());

const url = system.gateway.url!;
console.log(
  [
    `Compute Planner (embedded) ready in ${Math.round(performance.now() - startedAt)} ms`,
    `  console  ${url}/`,
    `  GraphQL  ${url}/graphql`,
    config.GRAPHQL_IDE ? `  IDE      ${url}/ide` : null,
    `  health   ${url}/health/ready`,
    `  data     ${database.dataDir}${reset ? ' (reset)' : ''}`,
    generatedToken ? `  admin token for this run (Authorization: Bearer …): ${generatedToken}` : null,
  ]
    .filter(Boolean)
    .join('\n'),
);
