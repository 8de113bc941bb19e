import 'reflect-metadata';
import { type RunningService, type ServiceStartOptions, startNestService } from '@cp/service-kit';
import { CostEstimationModule } from './cost-estimation.module.js';

export interface CostEstimationStartOptions extends ServiceStartOptions {
  readonly dataDir: string | null;
}

export function startCostEstimation(options: CostEstimationStartOptions): Promise<RunningService> {
  return startNestService(
    'cost-estimation',
    CostEstimationModule.forRoot({ bus: options.bus, databaseUrl: options.databaseUrl, migrateOnStart: options.migrateOnStart, seedFromDataDir: options.dataDir }),
    options,
  );
}

export { costEstimationEntities, COST_SCHEMA } from './cost-estimation.module.js';
export { costEstimationMigrations } from './migrations/index.js';
