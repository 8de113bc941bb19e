import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MessagingModule } from '@cp/messaging';
import { databaseModule, HealthModule, outboxRelayProvider } from '@cp/service-kit';
import { PlacementAcceptedV1, PlacementAlertRaisedV1, PlacementRecommendedV1 } from '@cp/contracts';
import type { OutboxRelay } from '@cp/persistence';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { AccessGuard } from './auth/access.guard.js';
import { ApiKeysService } from './auth/api-keys.service.js';
import { Authenticator } from './auth/authenticator.js';
import { RateLimitGuard } from './auth/rate-limit.guard.js';
import { AuditPlugin } from './audit/audit.plugin.js';
import { AuditService } from './audit/audit.service.js';
import { formatError } from './common/graphql-errors.js';
import { clientErrorStatusPlugin, textInputPlugin } from './common/text-input.plugin.js';
import { createLoaders, type GatewayContext } from './common/loaders.js';
import { GraphQLExceptionFilter } from './common/graphql-exception.filter.js';
import { LedgerExportController } from './exports/ledger-export.controller.js';
import { GATEWAY_OPTIONS, type GatewayModuleOptions, PLANNING_SCHEMA } from './gateway.options.js';
import { gatewayMigrations } from './migrations/index.js';
import { ReferenceDataConsumer } from './reference-data/reference-data.consumer.js';
import { ReferenceVersionEntity } from './reference-data/reference-version.entity.js';
import { RecommendationEntity } from './recommendations/recommendation.entity.js';
import { RecommendationsService } from './recommendations/recommendations.service.js';
import { AcceptedPlacementEntity } from './plans/accepted-placement.entity.js';
import { PlacementAlertEntity } from './plans/placement-alert.entity.js';
import { PlacementAlertsConsumer } from './plans/placement-alerts.consumer.js';
import { GATEWAY_OUTBOX, PlansService } from './plans/plans.service.js';
import { PortfolioPlanEntity } from './portfolios/portfolio-plan.entity.js';
import { PortfoliosService } from './portfolios/portfolios.service.js';
import { IntakeConsumer } from './intake/intake.consumer.js';
import { IntakeService } from './intake/intake.service.js';
import { WORKLOAD_REQUEST_EVENTS, workloadRequestEvents } from './intake/workload-request.events.js';
import { WorkloadRequestEntity } from './intake/workload-request.entity.js';
import { GATEWAY_RESOLVERS } from './schema/gateway-schema.js';
import { ApiKeyEntity } from './auth/api-key.entity.js';
import { AuditEntryEntity } from './audit/audit-entry.entity.js';
import { graphqlTelemetryPlugin } from './observability/graphql-telemetry.plugin.js';

export const gatewayEntities = [ReferenceVersionEntity, RecommendationEntity, AcceptedPlacementEntity, PlacementAlertEntity, PortfolioPlanEntity, WorkloadRequestEntity, ApiKeyEntity, AuditEntryEntity];

/** Relays the planning outbox (placement.accepted, placement.alerts) while the gateway runs. */
class GatewayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(GATEWAY_OUTBOX) private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

@Module({})
export class GatewayModule {
  static forRoot(options: GatewayModuleOptions): DynamicModule {
    const limits = documentLimits(options);
    return {
      module: GatewayModule,
      imports: [
        MessagingModule.forRoot(options.bus, { service: 'gateway' }),
        databaseModule({
          url: options.databaseUrl,
          schema: PLANNING_SCHEMA,
          entities: gatewayEntities,
          migrations: gatewayMigrations,
          applicationName: 'cp-gateway',
          migrateOnStart: options.migrateOnStart,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: options.ide,
          includeStacktraceInErrorResponses: false,
          // One operation per request: a batch would multiply every limit below by its length.
          allowBatchedHttpRequests: false,
          formatError,
          // Guards (the access table) also run on field resolvers: sensitive fields are guarded.
          fieldResolverEnhancers: ['guards'],
          parseOptions: limits.parseOptions,
          validationRules: limits.validationRules,
          plugins: [
            graphqlTelemetryPlugin(),
            ...limits.plugins,
            // Before anything runs: strings that are not text are refused, naming where they are.
            textInputPlugin(),
            // Documents refused before execution are the client's mistake: 400, not 500.
            clientErrorStatusPlugin(),
          ],
          // Status changes of workload requests; the same path as queries and mutations.
          subscriptions: { 'graphql-ws': { path: '/graphql' } },
          context: (ctx: { req?: GatewayContext['req']; connectionParams?: Record<string, unknown>; extra?: { request?: { socket?: { remoteAddress?: string } } } }): GatewayContext => ({
            req: ctx.req ?? webSocketRequest(ctx.connectionParams, ctx.extra?.request?.socket),
            loaders: createLoaders(options.bus, options.requestTimeoutMs),
          }),
        }),
        HealthModule.forService(),
      ],
      controllers: [LedgerExportController],
      providers: [
        { provide: GATEWAY_OPTIONS, useValue: options },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        Authenticator,
        ApiKeysService,
        AuditService,
        AuditPlugin,
        // In this order: refused requests count against the caller's rate limit too.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        ...GATEWAY_RESOLVERS,
        ReferenceDataConsumer,
        RecommendationsService,
        PlansService,
        PortfoliosService,
        IntakeService,
        { provide: WORKLOAD_REQUEST_EVENTS, useFactory: workloadRequestEvents },
        IntakeConsumer,
        PlacementAlertsConsumer,
        outboxRelayProvider(GATEWAY_OUTBOX, 'gateway', PLANNING_SCHEMA, [PlacementAcceptedV1, PlacementAlertRaisedV1, PlacementRecommendedV1]),
        GatewayLifecycle,
      ],
    };
  }
}

/** graphql-armor's validation rules and plugins at the configured limits (field suggestions only with the IDE). */
function documentLimits(options: GatewayModuleOptions): Pick<ApolloDriverConfig, 'parseOptions' | 'validationRules'> & { plugins: NonNullable<ApolloDriverConfig['plugins']> } {
  const { limits } = options.security;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Tokens are counted by graphql-js itself (parseOptions): a parse error, answered with 400.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !options.ide },
  }).protect();
  // graphql-armor is typed against Apollo's CommonJS build, the gateway loads its ES build: same objects.
  return { parseOptions: { maxTokens: limits.maxTokens }, validationRules: armor.validationRules, plugins: armor.plugins as NonNullable<ApolloDriverConfig['plugins']> };
}

/** A graphql-ws connection's credentials, read like an HTTP request's: `{ "authorization": "Bearer …" }`. */
function webSocketRequest(connectionParams: Record<string, unknown> | undefined, socket: { remoteAddress?: string } | undefined): GatewayContext['req'] {
  const authorization = connectionParams?.authorization ?? connectionParams?.Authorization;
  return { headers: { authorization: typeof authorization === 'string' ? authorization : undefined }, ip: socket?.remoteAddress };
}

