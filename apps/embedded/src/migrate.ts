import 'reflect-metadata';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '@cp/persistence';
import { env, loadConfigOrExit, migrateOnce } from '@cp/service-kit';
import { EmbeddedConfig } from './config.js';
import { serviceSchemas } from './schemas.js';

// `npm run migrate`: applies every service's pending migrations to DATABASE_URL, or to the
// embedded default's database (CP_DATA_DIR) when DATABASE_URL is not set.
const config = loadConfigOrExit('migrate', EmbeddedConfig.extend({ DATABASE_URL: env.databaseUrl.optional() }));
const url = config.DATABASE_URL;
const embedded = url
  ? null
  : await startEmbeddedDatabase({ dataDir: join(config.CP_DATA_DIR, 'postgres'), port: config.EMBEDDED_POSTGRES_PORT, reset: false });
try {
  for (const service of serviceSchemas) {
    const applied = await migrateOnce({ url: url ?? embedded!.url, ...service, applicationName: 'cp-migrate' });
    console.log(`${service.service} (schema ${service.schema}): ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`);
  }
} finally {
  await embedded?.stop();
}
