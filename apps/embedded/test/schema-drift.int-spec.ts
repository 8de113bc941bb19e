import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServiceDataSource, migrateServiceSchema, pendingSchemaChanges } from '@cp/persistence';
import { createTestDatabase, type TestDatabase } from '@cp/testing';
import { serviceSchemas } from '../src/schemas.js';

describe('migrations and entities agree', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('drift');
  });

  afterAll(async () => {
    await database.drop();
  });

  it.each(serviceSchemas.map((s) => [s.service, s] as const))('%s: migrations leave nothing for the entities to change, and revert', async (_name, service) => {
    const dataSource = createServiceDataSource({ url: database.url, ...service, applicationName: 'cp-drift-test' });
    await dataSource.initialize();
    try {
      const applied = await migrateServiceSchema(dataSource, service.schema);
      expect(applied.length).toBe(service.migrations.length);
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);

      // A second run applies nothing: migrations are recorded.
      expect(await migrateServiceSchema(dataSource, service.schema)).toEqual([]);

      for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const tables = (await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'`,
        [service.schema],
      )) as { table_name: string }[];
      expect(tables).toEqual([]);
      expect(await migrateServiceSchema(dataSource, service.schema)).toHaveLength(applied.length);
    } finally {
      await dataSource.destroy();
    }
  });

  it('keeps each service in its own schema', () => {
    const schemas = serviceSchemas.map((s) => s.schema);
    expect(new Set(schemas).size).toBe(schemas.length);
  });
});
