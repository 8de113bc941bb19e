// Prints the SQL that would bring a service's schema in line with its entities, after
// applying its existing migrations: the starting point for a new migration.
// Usage: npm run build && DATABASE_URL=postgres://... node scripts/migration-sql.mjs inventory
import 'reflect-metadata';
import { createServiceDataSource, migrateServiceSchema, pendingSchemaChanges } from '../dist/libs/persistence/src/index.js';
import { serviceSchemas } from '../dist/apps/embedded/src/schemas.js';

const name = process.argv[2];
const service = serviceSchemas.find((s) => s.service === name);
if (!service) {
  console.error(`usage: node scripts/migration-sql.mjs <${serviceSchemas.map((s) => s.service).join('|')}>`);
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL: is required (use a scratch database)');
  process.exit(2);
}
const dataSource = createServiceDataSource({ url, ...service, applicationName: 'cp-migration-sql' });
await dataSource.initialize();
await migrateServiceSchema(dataSource, service.schema);
for (const sql of await pendingSchemaChanges(dataSource)) console.log(`${sql};`);
await dataSource.destroy();
