// Jest global setup for integration tests (loaded outside Jest's module system, hence
// plain JavaScript). Both dependencies must answer; a missing one fails the whole run
// at once with the reason, instead of tests skipping.
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

export default async function globalSetup() {
  process.env.TZ = 'UTC';
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());

  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at DATABASE_URL=${databaseUrl}: ${error.message}`);
  } finally {
    await client.end().catch(() => undefined);
  }

  // A broker that has just started may still be electing its controller: retry that for a while.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING, connectionTimeout: 3_000, retry: { retries: 3 } }).admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch (error) {
      const electing = /leader|election|not available/i.test(String(error.message));
      if (!electing || Date.now() > deadline) {
        throw new Error(
          `Kafka is not reachable at KAFKA_BROKERS=${brokers.join(',')}: ${error.message}. ` +
            '`npm test` starts a local broker itself (infra/kafka: Java 17 and Maven); or run `npm run kafka:start`.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
