import { InitialGatewaySchema1764576000000 } from './1764576000000-initial-gateway-schema.js';
import { Recommendations1764620000000 } from './1764620000000-recommendations.js';
import { AcceptedPlacementsAlerts1764624000000 } from './1764624000000-accepted-placements-alerts.js';
import { PortfolioPlans1764628000000 } from './1764628000000-portfolio-plans.js';
import { WorkloadRequests1764632000000 } from './1764632000000-workload-requests.js';
import { ApiKeysAuditLog1764640000000 } from './1764640000000-api-keys-audit-log.js';
import { OutboxTraceContext1764644000000 } from './1764644000000-outbox-trace-context.js';

/** In order of application; TypeORM runs the pending ones. */
export const gatewayMigrations = [
  InitialGatewaySchema1764576000000,
  Recommendations1764620000000,
  AcceptedPlacementsAlerts1764624000000,
  PortfolioPlans1764628000000,
  WorkloadRequests1764632000000,
  ApiKeysAuditLog1764640000000,
  OutboxTraceContext1764644000000,
];
