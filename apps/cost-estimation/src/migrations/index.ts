import { InitialCostEstimationSchema1764576000000 } from './1764576000000-initial-cost-estimation-schema.js';
import { LedgerBudgetsReferenceDatasets1764612000000 } from './1764612000000-ledger-budgets-reference-datasets.js';
import { OutboxTraceContext1764640000000 } from './1764640000000-outbox-trace-context.js';

/** In order of application; TypeORM runs the pending ones. */
export const costEstimationMigrations = [InitialCostEstimationSchema1764576000000, LedgerBudgetsReferenceDatasets1764612000000, OutboxTraceContext1764640000000];
