import { checkKafkaSecurity, env, KafkaSecurityEnv } from '@cp/service-kit';
import { z } from 'zod';

export const RegionComplianceConfig = z
  .object({
    KAFKA_BROKERS: env.kafkaBrokers,
    KAFKA_NAMESPACE: env.kafkaNamespace,
    DATABASE_URL: env.databaseUrl,
    REGION_COMPLIANCE_HOST: env.host,
    REGION_COMPLIANCE_PORT: env.port(4002),
    MIGRATE_ON_START: env.bool(true),
    OTEL_EXPORTER_OTLP_ENDPOINT: env.otlpEndpoint,
    SEED_ON_START: env.bool(true),
    DATA_DIR: z.string().min(1).default('data'),
    ...KafkaSecurityEnv,
  })
  .superRefine(checkKafkaSecurity);
export type RegionComplianceConfig = z.output<typeof RegionComplianceConfig>;
