/**
 * Where the integration tests find their real dependencies. `npm test` starts a local
 * Kafka broker when none answers (scripts/with-services.mjs); PostgreSQL comes from
 * DATABASE_URL. Tests never skip when either is missing: they fail and say why.
 */
export const testEnvironment = {
  kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()),
  adminDatabaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};
