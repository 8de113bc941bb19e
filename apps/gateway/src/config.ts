import { checkKafkaSecurity, env, KafkaSecurityEnv } from '@cp/service-kit';
import { z } from 'zod';
import { checkJwtSettings, SecurityEnv } from './security.config.js';

export const GatewayConfig = z
  .object({
    KAFKA_BROKERS: env.kafkaBrokers,
    KAFKA_NAMESPACE: env.kafkaNamespace,
    DATABASE_URL: env.databaseUrl,
    GATEWAY_HOST: env.host,
    GATEWAY_PORT: env.port(4000),
    MIGRATE_ON_START: env.bool(true),
    OTEL_EXPORTER_OTLP_ENDPOINT: env.otlpEndpoint,
    /** The GraphQL IDE at /ide, introspection and field suggestions; off by default in production. */
    GRAPHQL_IDE: env.bool(process.env.NODE_ENV !== 'production'),
    BUS_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    ...SecurityEnv,
    ...KafkaSecurityEnv,
  })
  .superRefine(checkJwtSettings)
  .superRefine(checkKafkaSecurity);
export type GatewayConfig = z.output<typeof GatewayConfig>;
