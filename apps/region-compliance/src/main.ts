import 'reflect-metadata';
import { allTopics } from '@cp/contracts';
import { KafkaBus } from '@cp/messaging';
import { initTelemetry, shutdownTelemetry } from '@cp/observability';
import { closeOnSignals, kafkaSecurity, loadConfigOrExit } from '@cp/service-kit';
import { RegionComplianceConfig } from './config.js';
import { startRegionCompliance } from './service.js';

const config = loadConfigOrExit('region-compliance', RegionComplianceConfig);
initTelemetry({ serviceName: 'region-compliance', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
const bus = new KafkaBus({ ...kafkaSecurity(config), brokers: config.KAFKA_BROKERS, namespace: config.KAFKA_NAMESPACE, service: 'region-compliance', topics: allTopics(), sends: [] });
const service = await startRegionCompliance({
  bus,
  databaseUrl: config.DATABASE_URL,
  http: { host: config.REGION_COMPLIANCE_HOST, port: config.REGION_COMPLIANCE_PORT },
  migrateOnStart: config.MIGRATE_ON_START,
  dataDir: config.SEED_ON_START ? config.DATA_DIR : null,
});
closeOnSignals([service], shutdownTelemetry);
console.log(`region-compliance ready at ${service.url}`);
