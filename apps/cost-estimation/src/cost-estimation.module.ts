import { type DynamicModule, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CostDataPublishedV1, CostDataset } from '@cp/contracts';
import { HandlerError, MessagingModule, type MessageBus } from '@cp/messaging';
import type { OutboxRelay } from '@cp/persistence';
import { databaseModule, HealthModule, outboxRelayProvider } from '@cp/service-kit';
import { BudgetEntity } from './budgets/budget.entity.js';
import { BudgetsService } from './budgets/budgets.service.js';
import { COST_SCHEMA, OUTBOX_RELAY } from './cost-estimation.constants.js';
import { CostHandler } from './cost.handler.js';
import { EstimatesService } from './estimates/estimates.service.js';
import { LedgerEntryEntity } from './ledger/ledger-entry.entity.js';
import { LedgerService } from './ledger/ledger.service.js';
import { costEstimationMigrations } from './migrations/index.js';
import { CostDatasetEntity } from './reference-data/cost-dataset.entity.js';
import { CostDatasetsService } from './reference-data/cost-datasets.service.js';
import { readDatasetFile } from './reference-data/dataset-files.js';
import { ReportsService } from './reports/reports.service.js';

export { COST_SCHEMA } from './cost-estimation.constants.js';
export const costEstimationEntities = [CostDatasetEntity, LedgerEntryEntity, BudgetEntity];

export interface CostEstimationModuleOptions {
  readonly bus: MessageBus;
  readonly databaseUrl: string;
  readonly migrateOnStart: boolean;
  /** Publish the shipped price book, cost scenarios and FX table from this folder when their versions are absent; null skips. */
  readonly seedFromDataDir: string | null;
}

const OPTIONS = Symbol('COST_ESTIMATION_OPTIONS');

/** Seeds before the bus starts consuming, so the first estimate finds its reference data. */
class CostEstimationLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('cost-estimation');

  constructor(
    @Inject(OPTIONS) private readonly options: CostEstimationModuleOptions,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
    @Inject(CostDatasetsService) private readonly datasets: CostDatasetsService,
  ) {}

  async onModuleInit(): Promise<void> {
    const dir = this.options.seedFromDataDir;
    if (!dir) return;
    const system = { id: 'system-seed', roles: ['admin' as const] };
    for (const dataset of CostDataset.options) {
      try {
        const { version, created } = await this.datasets.publish(system, dataset, await readDatasetFile(dir, dataset));
        if (created) this.logger.log(`published ${dataset} ${version.version} from ${dir}`);
      } catch (error) {
        // An administrator published other content under the shipped version: theirs stands.
        if (error instanceof HandlerError && error.code === 'CONFLICT') this.logger.warn(`${dataset}: ${error.message}`);
        else throw error;
      }
    }
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/** Owns schema "cost": price books, FX, estimates, the cost ledger and finance reports. */
@Module({})
export class CostEstimationModule {
  static forRoot(options: CostEstimationModuleOptions): DynamicModule {
    return {
      module: CostEstimationModule,
      imports: [
        MessagingModule.forRoot(options.bus, { service: 'cost-estimation' }),
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
      providers: [
        { provide: OPTIONS, useValue: options },
        outboxRelayProvider(OUTBOX_RELAY, 'cost-estimation', COST_SCHEMA, [CostDataPublishedV1]),
        CostDatasetsService,
        EstimatesService,
        LedgerService,
        BudgetsService,
        ReportsService,
        CostHandler,
        CostEstimationLifecycle,
      ],
    };
  }
}
