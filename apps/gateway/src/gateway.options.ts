import { ListSitesV1 } from '@cp/contracts';
import type { MessageBus } from '@cp/messaging';

export interface GatewayModuleOptions {
  readonly bus: MessageBus;
  readonly databaseUrl: string;
  readonly migrateOnStart: boolean;
  /** Serve the GraphQL IDE at /ide and allow introspection. */
  readonly ide: boolean;
  readonly requestTimeoutMs: number;
}

export const GATEWAY_OPTIONS = Symbol('GATEWAY_OPTIONS');
export const PLANNING_SCHEMA = 'planning';

/** Request contracts the gateway sends; over Kafka it listens on their reply topics. */
export const GATEWAY_SENDS = [ListSitesV1];
