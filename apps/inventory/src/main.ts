import 'reflect-metadata';
import { allTopics } from '@cp/contracts';
import { KafkaBus } from '@cp/messaging';
import { initTelemetry, shutdownTelemetry } from '@cp/observability';
import { closeOnSignals, kafkaSecurity, loadConfigOrExit } from '@cp/service-kit';
import { InventoryConfig } from './config.js';
import { startInventory } from './service.js';

const config = loadConfigOrExit('inventory', InventoryConfig);
initTelemetry({ serviceName: 'inventory', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
const bus = new KafkaBus({ ...kafkaSecurity(config), brokers: config.KAFKA_BROKERS, namespace: config.KAFKA_NAMESPACE, service: 'inventory', topics: allTopics(), sends: [] });
const service = await startInventory({
  bus,
  databaseUrl: config.DATABASE_URL,
  http: { host: config.INVENTORY_HOST, port: config.INVENTORY_PORT },
  migrateOnStart: config.MIGRATE_ON_START,
  dataDir: config.SEED_ON_START ? config.DATA_DIR : null,
});
closeOnSignals([service], shutdownTelemetry);
console.log(`inventory ready at ${service.url}`);
