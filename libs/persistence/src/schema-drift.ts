import type { DataSource } from 'typeorm';

/**
 * SQL that TypeORM would run to make the database match the entities. Empty after
 * migrations means entities and migrations agree; the test suite asserts that for
 * every service, and `npm run migration:sql` prints it when writing a migration.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
