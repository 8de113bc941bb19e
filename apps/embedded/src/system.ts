import { startCostEstimation } from '@cp/cost-estimation-service';
import { GATEWAY_SENDS, startGateway } from '@cp/gateway-service';
import { startInventory } from '@cp/inventory-service';
import type { LogLevel } from '@nestjs/common';
import type { RequestContract } from '@cp/contracts';
import type { MessageBus } from '@cp/messaging';
import { startRegionCompliance } from '@cp/region-compliance-service';
import type { RunningService } from '@cp/service-kit';
import type { GatewaySecurity, RunningGateway } from '@cp/gateway-service';

export interface SystemOptions {
  /** One bus for all four services (in-process), or a factory giving each its own (Kafka). */
  readonly busFor: (service: string, sends: readonly RequestContract[]) => MessageBus;
  readonly databaseUrl: string;
  readonly gatewayHttp: { readonly host: string; readonly port: number };
  /** HTTP (health) for the three back-end services; null keeps them bus-only. */
  readonly serviceHttp: { readonly host: string } | null;
  readonly dataDir: string | null;
  readonly ide: boolean;
  readonly requestTimeoutMs: number;
  readonly logLevels?: LogLevel[];
  readonly security: GatewaySecurity;
  /** Make an admin API key if this database never had one (the embedded default). */
  readonly bootstrapAdminKey?: boolean;
}

export interface RunningSystem {
  readonly gateway: RunningGateway;
  readonly services: readonly RunningService[];
  /** Closes the gateway first (no new requests), then the services. */
  close(): Promise<void>;
}

/**
 * The four services as four Nest applications. The embedded default runs them on one
 * in-process bus; the end-to-end tests run the very same composition on Kafka.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const http = options.serviceHttp ? { host: options.serviceHttp.host, port: 0 } : null;
  const common = { databaseUrl: options.databaseUrl, migrateOnStart: true, http, logLevels: options.logLevels };
  const inventory = await startInventory({ ...common, bus: options.busFor('inventory', []), dataDir: options.dataDir });
  const compliance = await startRegionCompliance({ ...common, bus: options.busFor('region-compliance', []), dataDir: options.dataDir });
  const cost = await startCostEstimation({ ...common, bus: options.busFor('cost-estimation', []), dataDir: options.dataDir });
  const gateway = await startGateway({
    ...common,
    bus: options.busFor('gateway', GATEWAY_SENDS),
    http: options.gatewayHttp,
    ide: options.ide,
    requestTimeoutMs: options.requestTimeoutMs,
    security: options.security,
    bootstrapAdminKey: options.bootstrapAdminKey ?? false,
  });
  const services = [inventory, compliance, cost];
  return {
    gateway,
    services,
    close: async () => {
      for (const service of [gateway, ...services]) await service.close();
    },
  };
}
