import { type DynamicModule, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { CatalogPublishedV1 } from '@cp/contracts';
import { MESSAGE_BUS, MessagingModule, type MessageBus } from '@cp/messaging';
import { DatasetVersionEntity, OutboxRelay } from '@cp/persistence';
import { databaseModule, HealthModule } from '@cp/service-kit';
import type { DataSource } from 'typeorm';
import { OUTBOX_RELAY, SiteCatalogLoader } from './catalog/site-catalog.loader.js';
import { readSitesFile } from './catalog/sites-file.js';
import { INVENTORY_SCHEMA } from './inventory.constants.js';
import { inventoryMigrations } from './migrations/index.js';
import { SiteEntity } from './sites/site.entity.js';
import { SitesHandler } from './sites/sites.handler.js';
import { SitesService } from './sites/sites.service.js';

export interface InventoryModuleOptions {
  readonly bus: MessageBus;
  readonly databaseUrl: string;
  readonly migrateOnStart: boolean;
  /** Load the reference datasets from this folder at start; null skips seeding. */
  readonly seedFromDataDir: string | null;
}

export const INVENTORY_OPTIONS = Symbol('INVENTORY_OPTIONS');
export const inventoryEntities = [SiteEntity, DatasetVersionEntity];

/**
 * Seeds before the bus starts consuming (module init precedes application bootstrap),
 * so no request is ever answered from a half-loaded catalog; then relays the outbox for
 * as long as the service runs.
 */
class InventoryLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(INVENTORY_OPTIONS) private readonly options: InventoryModuleOptions,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
    @Inject(SiteCatalogLoader) private readonly loader: SiteCatalogLoader,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.options.seedFromDataDir) await this.loader.load(await readSitesFile(this.options.seedFromDataDir));
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

@Module({})
export class InventoryModule {
  static forRoot(options: InventoryModuleOptions): DynamicModule {
    return {
      module: InventoryModule,
      imports: [
        MessagingModule.forRoot(options.bus),
        databaseModule({
          url: options.databaseUrl,
          schema: INVENTORY_SCHEMA,
          entities: inventoryEntities,
          migrations: inventoryMigrations,
          applicationName: 'cp-inventory',
          migrateOnStart: options.migrateOnStart,
        }),
        HealthModule.forService(),
      ],
      providers: [
        { provide: INVENTORY_OPTIONS, useValue: options },
        {
          provide: OUTBOX_RELAY,
          inject: [getDataSourceToken(), MESSAGE_BUS],
          useFactory: (dataSource: DataSource, bus: MessageBus) =>
            new OutboxRelay({
              dataSource,
              schema: INVENTORY_SCHEMA,
              contracts: [CatalogPublishedV1],
              publish: (contract, payload, publishOptions) => bus.publish(contract, payload as never, publishOptions),
              onError: (error) => console.error(JSON.stringify({ level: 'error', service: 'inventory', message: 'outbox relay failed', error: String(error) })),
            }),
        },
        SiteCatalogLoader,
        SitesService,
        SitesHandler,
        InventoryLifecycle,
      ],
    };
  }
}
