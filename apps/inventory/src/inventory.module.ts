import { type DynamicModule, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CatalogPublishedV1, PoolChangedV1 } from '@cp/contracts';
import { MessagingModule, type MessageBus } from '@cp/messaging';
import { DatasetVersionEntity, type OutboxRelay } from '@cp/persistence';
import { databaseModule, HealthModule, outboxRelayProvider } from '@cp/service-kit';
import { CatalogLoader, OUTBOX_RELAY } from './catalog/catalog-loader.js';
import { readAcceleratorsFile } from './accelerators/accelerators-file.js';
import { readSitesFile } from './catalog/sites-file.js';
import { readPoolsFile } from './pools/pools-file.js';
import { INVENTORY_SCHEMA } from './inventory.constants.js';
import { inventoryMigrations } from './migrations/index.js';
import { AcceleratorEntity } from './accelerators/accelerator.entity.js';
import { AcceleratorsHandler } from './accelerators/accelerators.handler.js';
import { AcceleratorsService } from './accelerators/accelerators.service.js';
import { InventoryAdminHandler } from './admin/inventory-admin.handler.js';
import { InventoryAdminService } from './admin/inventory-admin.service.js';
import { CapacityPoolEntity } from './pools/capacity-pool.entity.js';
import { PoolsHandler } from './pools/pools.handler.js';
import { PoolsService } from './pools/pools.service.js';
import { ReservationEntity } from './reservations/reservation.entity.js';
import { ReservationsHandler } from './reservations/reservations.handler.js';
import { ReservationsService } from './reservations/reservations.service.js';
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
export const inventoryEntities = [SiteEntity, AcceleratorEntity, CapacityPoolEntity, ReservationEntity, DatasetVersionEntity];

const HOLD_SWEEP_INTERVAL_MS = 30_000;

/**
 * Seeds before the bus starts consuming (module init precedes application bootstrap),
 * so no request is ever answered from a half-loaded catalog; then relays the outbox for
 * as long as the service runs.
 */
class InventoryLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(INVENTORY_OPTIONS) private readonly options: InventoryModuleOptions,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
    @Inject(CatalogLoader) private readonly loader: CatalogLoader,
    @Inject(ReservationsService) private readonly reservations: ReservationsService,
  ) {}

  private sweeper: NodeJS.Timeout | null = null;

  async onModuleInit(): Promise<void> {
    const dir = this.options.seedFromDataDir;
    if (!dir) return;
    // Order matters: pools refer to sites and accelerators.
    await this.loader.loadSites(await readSitesFile(dir));
    await this.loader.loadAccelerators(await readAcceleratorsFile(dir));
    const pools = await readPoolsFile(dir);
    if (pools) await this.loader.loadPools(pools);
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    // Expired holds already stop counting against capacity; this only records their status.
    this.sweeper = setInterval(() => void this.reservations.expireHolds().catch(() => undefined), HOLD_SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.relay.stop();
  }
}

@Module({})
export class InventoryModule {
  static forRoot(options: InventoryModuleOptions): DynamicModule {
    return {
      module: InventoryModule,
      imports: [
        MessagingModule.forRoot(options.bus, { service: 'inventory' }),
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
        outboxRelayProvider(OUTBOX_RELAY, 'inventory', INVENTORY_SCHEMA, [CatalogPublishedV1, PoolChangedV1]),
        CatalogLoader,
        SitesService,
        SitesHandler,
        AcceleratorsService,
        AcceleratorsHandler,
        PoolsService,
        PoolsHandler,
        ReservationsService,
        ReservationsHandler,
        InventoryAdminService,
        InventoryAdminHandler,
        InventoryLifecycle,
      ],
    };
  }
}
