import 'reflect-metadata';
import { type RunningService, type ServiceStartOptions, startNestService } from '@cp/service-kit';
import { RegionComplianceModule } from './region-compliance.module.js';

export function startRegionCompliance(options: ServiceStartOptions): Promise<RunningService> {
  return startNestService(
    'region-compliance',
    RegionComplianceModule.forRoot({ bus: options.bus, databaseUrl: options.databaseUrl, migrateOnStart: options.migrateOnStart }),
    options,
  );
}

export { regionComplianceEntities, COMPLIANCE_SCHEMA } from './region-compliance.module.js';
export { regionComplianceMigrations } from './migrations/index.js';
