import 'reflect-metadata';
import { join } from 'node:path';
import { type RunningService, type ServiceStartOptions, startNestService } from '@cp/service-kit';
import { InventoryModule } from './inventory.module.js';

export interface InventoryStartOptions extends ServiceStartOptions {
  readonly dataDir: string | null;
}

/** Starts the inventory service on the given bus and database; used by `main` and the embedded launcher. */
export function startInventory(options: InventoryStartOptions): Promise<RunningService> {
  return startNestService(
    'inventory',
    InventoryModule.forRoot({
      bus: options.bus,
      databaseUrl: options.databaseUrl,
      migrateOnStart: options.migrateOnStart,
      seedFromDataDir: options.dataDir ? join(options.dataDir) : null,
    }),
    options,
  );
}

export { inventoryEntities } from './inventory.module.js';
export { inventoryMigrations } from './migrations/index.js';
export { INVENTORY_SCHEMA } from './inventory.constants.js';
