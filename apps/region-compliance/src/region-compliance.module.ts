import { type DynamicModule, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RulePackPublishedV1 } from '@cp/contracts';
import { MessagingModule, type MessageBus } from '@cp/messaging';
import { DatasetVersionEntity, type OutboxRelay } from '@cp/persistence';
import { databaseModule, HealthModule, outboxRelayProvider } from '@cp/service-kit';
import type { DataSource } from 'typeorm';
import { ComplianceHandler } from './evaluation/compliance.handler.js';
import { EvaluationService } from './evaluation/evaluation.service.js';
import { TrackedPlacementEntity } from './evaluation/tracked-placement.entity.js';
import { LegalEntitiesService } from './legal-entities/legal-entities.service.js';
import { LegalEntityEntity } from './legal-entities/legal-entity.entity.js';
import { regionComplianceMigrations } from './migrations/index.js';
import { readLegalEntitiesFile, readRulePackFile } from './reference-data.js';
import { COMPLIANCE_SCHEMA, OUTBOX_RELAY } from './region-compliance.constants.js';
import { RulePackEntity } from './rule-packs/rule-pack.entity.js';
import { RulePacksService } from './rule-packs/rule-packs.service.js';

export { COMPLIANCE_SCHEMA } from './region-compliance.constants.js';
export const regionComplianceEntities = [LegalEntityEntity, RulePackEntity, TrackedPlacementEntity, DatasetVersionEntity];

export interface RegionComplianceModuleOptions {
  readonly bus: MessageBus;
  readonly databaseUrl: string;
  readonly migrateOnStart: boolean;
  /** Seed the rule pack and demo legal entities from this folder when none exist; null skips. */
  readonly seedFromDataDir: string | null;
}

const OPTIONS = Symbol('REGION_COMPLIANCE_OPTIONS');

/**
 * First start: publishes the shipped rule pack and the demo legal entities, before the bus
 * starts consuming. Later starts keep what administrators published; a newer shipped pack
 * replaces only a current pack that an earlier start seeded (an upgrade of the shipped data).
 */
class RegionComplianceLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OPTIONS) private readonly options: RegionComplianceModuleOptions,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
    @Inject(RulePacksService) private readonly rulePacks: RulePacksService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    const dir = this.options.seedFromDataDir;
    if (!dir) return;
    const system = { id: 'system-seed', roles: ['admin' as const] };
    const published = await this.rulePacks.list();
    const shipped = await readRulePackFile(dir);
    const current = published.find((p) => p.current);
    const seededOnly = current === undefined || current.publishedBy === system.id;
    if (seededOnly && !published.some((p) => p.version === shipped.version)) await this.rulePacks.publish(system, shipped);
    const entities = await readLegalEntitiesFile(dir);
    if ((await this.dataSource.getRepository(LegalEntityEntity).count()) === 0) {
      await this.dataSource.getRepository(LegalEntityEntity).insert(entities.entities);
    }
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/** Owns schema "compliance": legal entities, rule packs and verdicts. */
@Module({})
export class RegionComplianceModule {
  static forRoot(options: RegionComplianceModuleOptions): DynamicModule {
    return {
      module: RegionComplianceModule,
      imports: [
        MessagingModule.forRoot(options.bus, { service: 'region-compliance' }),
        databaseModule({
          url: options.databaseUrl,
          schema: COMPLIANCE_SCHEMA,
          entities: regionComplianceEntities,
          migrations: regionComplianceMigrations,
          applicationName: 'cp-region-compliance',
          migrateOnStart: options.migrateOnStart,
        }),
        HealthModule.forService(),
      ],
      providers: [
        { provide: OPTIONS, useValue: options },
        outboxRelayProvider(OUTBOX_RELAY, 'region-compliance', COMPLIANCE_SCHEMA, [RulePackPublishedV1]),
        RulePacksService,
        LegalEntitiesService,
        EvaluationService,
        ComplianceHandler,
        RegionComplianceLifecycle,
      ],
    };
  }
}
