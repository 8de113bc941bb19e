import 'reflect-metadata';
import { type RunningService, type ServiceStartOptions, startNestService } from '@cp/service-kit';
import { RegionComplianceModule } from './region-compliance.module.js';

export interface RegionComplianceStartOptions extends ServiceStartOptions {
  readonly dataDir: string | null;
}

export function startRegionCompliance(options: RegionComplianceStartOptions): Promise<RunningService> {
  return startNestService(
    'region-compliance',
    RegionComplianceModule.forRoot({ bus: options.bus, databaseUrl: options.databaseUrl, migrateOnStart: options.migrateOnStart, seedFromDataDir: options.dataDir }),
    options,
  );
}

export { regionComplianceEntities, COMPLIANCE_SCHEMA } from './region-compliance.module.js';
export { regionComplianceMigrations } from './migrations/index.js';
