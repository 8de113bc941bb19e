import { checkKafkaSecurity, env, KafkaSecurityEnv } from '@cp/service-kit';
import { z } from 'zod';

export const CostEstimationConfig = z
  .object({
    KAFKA_BROKERS: env.kafkaBrokers,
    KAFKA_NAMESPACE: env.kafkaNamespace,
    DATABASE_URL: env.databaseUrl,
    COST_ESTIMATION_HOST: env.host,
    COST_ESTIMATION_PORT: env.port(4003),
    MIGRATE_ON_START: env.bool(true),
    OTEL_EXPORTER_OTLP_ENDPOINT: env.otlpEndpoint,
    SEED_ON_START: env.bool(true),
    DATA_DIR: z.string().min(1).default('data'),
    ...KafkaSecurityEnv,
  })
  .superRefine(checkKafkaSecurity);
export type CostEstimationConfig = z.output<typeof CostEstimationConfig>;
