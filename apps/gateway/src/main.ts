import 'reflect-metadata';
import { allTopics } from '@cp/contracts';
import { KafkaBus } from '@cp/messaging';
import { initTelemetry, shutdownTelemetry } from '@cp/observability';
import { closeOnSignals, kafkaSecurity, loadConfigOrExit } from '@cp/service-kit';
import { GatewayConfig } from './config.js';
import { securityFrom } from './security.config.js';
import { GATEWAY_SENDS, startGateway } from './service.js';

const config = loadConfigOrExit('gateway', GatewayConfig);
initTelemetry({ serviceName: 'gateway', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
const bus = new KafkaBus({ ...kafkaSecurity(config), brokers: config.KAFKA_BROKERS, namespace: config.KAFKA_NAMESPACE, service: 'gateway', topics: allTopics(), sends: GATEWAY_SENDS });
const service = await startGateway({
  bus,
  databaseUrl: config.DATABASE_URL,
  http: { host: config.GATEWAY_HOST, port: config.GATEWAY_PORT },
  migrateOnStart: config.MIGRATE_ON_START,
  ide: config.GRAPHQL_IDE,
  requestTimeoutMs: config.BUS_REQUEST_TIMEOUT_MS,
  security: securityFrom(config),
  bootstrapAdminKey: config.BOOTSTRAP_ADMIN_KEY,
});
closeOnSignals([service], shutdownTelemetry);
console.log(`gateway ready: GraphQL at ${service.url}/graphql${config.GRAPHQL_IDE ? `, IDE at ${service.url}/ide` : ''}`);
if (service.bootstrapAdminKey) console.log(`admin API key, shown this once (Authorization: Bearer …): ${service.bootstrapAdminKey}`);
