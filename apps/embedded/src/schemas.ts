import { COST_SCHEMA, costEstimationEntities, costEstimationMigrations } from '@cp/cost-estimation-service';
import { gatewayEntities, gatewayMigrations, PLANNING_SCHEMA } from '@cp/gateway-service';
import { INVENTORY_SCHEMA, inventoryEntities, inventoryMigrations } from '@cp/inventory-service';
import type { ServiceDatabaseOptions } from '@cp/persistence';
import { COMPLIANCE_SCHEMA, regionComplianceEntities, regionComplianceMigrations } from '@cp/region-compliance-service';

export type ServiceSchema = Pick<ServiceDatabaseOptions, 'schema' | 'entities' | 'migrations'> & { readonly service: string };

/** Every service's schema, entities and migrations: for `migrate`, the drift check and tooling. */
export const serviceSchemas: readonly ServiceSchema[] = [
  { service: 'inventory', schema: INVENTORY_SCHEMA, entities: inventoryEntities, migrations: inventoryMigrations },
  { service: 'region-compliance', schema: COMPLIANCE_SCHEMA, entities: regionComplianceEntities, migrations: regionComplianceMigrations },
  { service: 'cost-estimation', schema: COST_SCHEMA, entities: costEstimationEntities, migrations: costEstimationMigrations },
  { service: 'gateway', schema: PLANNING_SCHEMA, entities: gatewayEntities, migrations: gatewayMigrations },
];
