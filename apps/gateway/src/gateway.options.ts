import {
  CandidatesV1,
  ComplianceAdminV1,
  CostAdminV1,
  CostLedgerV1,
  EstimateCostV1,
  EvaluateComplianceV1,
  InventoryAdminV1,
  ListAcceleratorsV1,
  ListPoolsV1,
  ListSitesV1,
  ReservationCommandsV1,
} from '@cp/contracts';
import type { MessageBus } from '@cp/messaging';
import type { GatewaySecurity } from './security.config.js';

export interface GatewayModuleOptions {
  readonly bus: MessageBus;
  readonly databaseUrl: string;
  readonly migrateOnStart: boolean;
  /** Serve the GraphQL IDE at /ide and allow introspection. */
  readonly ide: boolean;
  readonly requestTimeoutMs: number;
  /** Credentials, GraphQL limits, rate limits, CORS and the body size limit. */
  readonly security: GatewaySecurity;
}

export const GATEWAY_OPTIONS = Symbol('GATEWAY_OPTIONS');
export const PLANNING_SCHEMA = 'planning';

/** Request contracts the gateway sends; over Kafka it listens on their reply topics. */
export const GATEWAY_SENDS = [
  ListSitesV1,
  ListAcceleratorsV1,
  ListPoolsV1,
  CandidatesV1,
  ReservationCommandsV1,
  InventoryAdminV1,
  EvaluateComplianceV1,
  ComplianceAdminV1,
  EstimateCostV1,
  CostLedgerV1,
  CostAdminV1,
];
