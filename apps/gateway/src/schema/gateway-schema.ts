import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AcceleratorsResolver } from '../accelerators/accelerators.resolver.js';
import { ComplianceResolver } from '../compliance/compliance.resolver.js';
import { CostsResolver } from '../costs/costs.resolver.js';
import { InventoryAdminResolver } from '../inventory-admin/inventory-admin.resolver.js';
import { PoolsResolver } from '../pools/pools.resolver.js';
import { IntakeResolver } from '../intake/intake.resolver.js';
import { PlansResolver } from '../plans/plans.resolver.js';
import { PortfoliosResolver } from '../portfolios/portfolios.resolver.js';
import { RecommendationsResolver } from '../recommendations/recommendations.resolver.js';
import { ReferenceDataResolver } from '../reference-data/reference-data.resolver.js';
import { ReservationsResolver } from '../reservations/reservations.resolver.js';
import { SitesResolver } from '../sites/sites.resolver.js';
import { ViewerResolver } from '../auth/viewer.resolver.js';
import { ApiKeysResolver } from '../auth/api-keys.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';

/** Every resolver of the public API; the module registers these and the SDL is printed from them. */
export const GATEWAY_RESOLVERS = [SitesResolver, AcceleratorsResolver, PoolsResolver, ReservationsResolver, InventoryAdminResolver, ComplianceResolver, CostsResolver, RecommendationsResolver, PlansResolver, PortfoliosResolver, IntakeResolver, ReferenceDataResolver, ViewerResolver, ApiKeysResolver, AuditResolver];

/** The public schema as SDL, sorted, exactly as committed in apps/gateway/schema.gql. */
export async function printGatewaySchema(): Promise<string> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await context.get(GraphQLSchemaFactory).create(GATEWAY_RESOLVERS);
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await context.close();
  }
}
