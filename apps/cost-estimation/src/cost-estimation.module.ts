import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, type MessageBus } from '@cp/messaging';
import { DatasetVersionEntity } from '@cp/persistence';
import { databaseModule, HealthModule } from '@cp/service-kit';
import { costEstimationMigrations } from './migrations/index.js';

export const COST_SCHEMA = 'cost';
export const costEstimationEntities = [DatasetVersionEntity];

export interface CostEstimationModuleOptions {
  readonly bus: MessageBus;
  readonly databaseUrl: string;
  readonly migrateOnStart: boolean;
}

/** Owns schema "cost": price books, FX, estimates, the cost ledger and finance reports. */
@Module({})
export class CostEstimationModule {
  static forRoot(options: CostEstimationModuleOptions): DynamicModule {
    return {
      module: CostEstimationModule,
      imports: [
        MessagingModule.forRoot(options.bus),
        databaseModule({
          url: options.databaseUrl,
          schema: COST_SCHEMA,
          entities: costEstimationEntities,
          migrations: costEstimationMigrations,
          applicationName: 'cp-cost-estimation',
          migrateOnStart: options.migrateOnStart,
        }),
        HealthModule.forService(),
      ],
    };
  }
}
