import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, type MessageBus } from '@cp/messaging';
import { DatasetVersionEntity } from '@cp/persistence';
import { databaseModule, HealthModule } from '@cp/service-kit';
import { regionComplianceMigrations } from './migrations/index.js';

export const COMPLIANCE_SCHEMA = 'compliance';
export const regionComplianceEntities = [DatasetVersionEntity];

export interface RegionComplianceModuleOptions {
  readonly bus: MessageBus;
  readonly databaseUrl: string;
  readonly migrateOnStart: boolean;
}

/** Owns schema "compliance": legal entities, rule packs and verdicts. */
@Module({})
export class RegionComplianceModule {
  static forRoot(options: RegionComplianceModuleOptions): DynamicModule {
    return {
      module: RegionComplianceModule,
      imports: [
        MessagingModule.forRoot(options.bus),
        databaseModule({
          url: options.databaseUrl,
          schema: COMPLIANCE_SCHEMA,
          entities: regionComplianceEntities,
          migrations: regionComplianceMigrations,
          applicationName: 'cp-region-compliance',
          migrateOnStart: options.migrateOnStart,
        }),
        HealthModule.forService(),
      ],
    };
  }
}
