import 'reflect-metadata';
import { type RunningService, type ServiceStartOptions, startNestService } from '@cp/service-kit';
import { CostEstimationModule } from './cost-estimation.module.js';

export function startCostEstimation(options: ServiceStartOptions): Promise<RunningService> {
  return startNestService(
    'cost-estimation',
    CostEstimationModule.forRoot({ bus: options.bus, databaseUrl: options.databaseUrl, migrateOnStart: options.migrateOnStart }),
    options,
  );
}

export { costEstimationEntities, COST_SCHEMA } from './cost-estimation.module.js';
export { costEstimationMigrations } from './migrations/index.js';
