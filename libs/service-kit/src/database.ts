import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createServiceDataSource, migrateServiceSchema, type ServiceDatabaseOptions } from '@cp/persistence';
import { QueryTelemetrySubscriber } from './query-telemetry.js';

export interface DatabaseModuleOptions extends ServiceDatabaseOptions {
  /** Apply pending migrations before the data source is handed to anyone. */
  readonly migrateOnStart: boolean;
}

/**
 * The service's TypeORM connection, migrated before any provider can use it, so no
 * code path ever sees a schema older than the code.
 */
export function databaseModule(options: DatabaseModuleOptions): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => ({}),
    dataSourceFactory: async () => {
      const dataSource = createServiceDataSource(options);
      await dataSource.initialize();
      // Added once the data source is built: TypeORM instantiates configured subscribers itself, without arguments.
      dataSource.subscribers.push(new QueryTelemetrySubscriber(options.applicationName.replace(/^cp-/, ''), options.schema));
      if (options.migrateOnStart) await migrateServiceSchema(dataSource, options.schema);
      return dataSource;
    },
  });
}

/** For the `migrate` command: applies pending migrations and closes the connection. */
export async function migrateOnce(options: ServiceDatabaseOptions): Promise<string[]> {
  const dataSource = createServiceDataSource({ ...options, poolSize: 2 });
  await dataSource.initialize();
  try {
    return await migrateServiceSchema(dataSource, options.schema);
  } finally {
    await dataSource.destroy();
  }
}
