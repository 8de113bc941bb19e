import 'reflect-metadata';
import { allTopics } from '@cp/contracts';
import { KafkaBus } from '@cp/messaging';
import { initTelemetry, shutdownTelemetry } from '@cp/observability';
import { closeOnSignals, kafkaSecurity, loadConfigOrExit } from '@cp/service-kit';
import { CostEstimationConfig } from './config.js';
import { startCostEstimation } from './service.js';

const config = loadConfigOrExit('cost-estimation', CostEstimationConfig);
initTelemetry({ serviceName: 'cost-estimation', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
const bus = new KafkaBus({ ...kafkaSecurity(config), brokers: config.KAFKA_BROKERS, namespace: config.KAFKA_NAMESPACE, service: 'cost-estimation', topics: allTopics(), sends: [] });
const service = await startCostEstimation({
  bus,
  databaseUrl: config.DATABASE_URL,
  http: { host: config.COST_ESTIMATION_HOST, port: config.COST_ESTIMATION_PORT },
  migrateOnStart: config.MIGRATE_ON_START,
  dataDir: config.SEED_ON_START ? config.DATA_DIR : null,
});
closeOnSignals([service], shutdownTelemetry);
console.log(`cost-estimation ready at ${service.url}`);
