import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CatalogPublishedV1, CostDataPublishedV1, RulePackPublishedV1 } from '@cp/contracts';
import { type MessageContext, OnEvent } from '@cp/messaging';
import type { DataSource } from 'typeorm';
import { ReferenceVersionEntity } from './reference-version.entity.js';

@Injectable()
export class ReferenceDataConsumer {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Idempotent: a redelivered event finds its row and changes nothing. */
  @OnEvent(CatalogPublishedV1)
  async onCatalogPublished(event: CatalogPublishedV1, context: MessageContext): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ReferenceVersionEntity)
      .values({
        dataset: event.dataset,
        version: event.version,
        effectiveFrom: event.effectiveFrom,
        itemCount: event.itemCount,
        checksum: event.checksum,
        publishedAt: new Date(event.publishedAt),
        messageId: context.messageId,
      })
      .orIgnore()
      .execute();
  }

  /** Rule packs are versioned reference data too; recommendations will cite the version they used. */
  @OnEvent(RulePackPublishedV1)
  async onRulePackPublished(event: RulePackPublishedV1, context: MessageContext): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ReferenceVersionEntity)
      .values({
        dataset: 'rule-packs',
        version: event.version,
        effectiveFrom: event.publishedAt.slice(0, 10),
        itemCount: event.ruleCount,
        checksum: event.checksum,
        publishedAt: new Date(event.publishedAt),
        messageId: context.messageId,
      })
      .orIgnore()
      .execute();
  }

  /** Price books, cost scenarios and FX tables: estimates and recommendations cite these versions. */
  @OnEvent(CostDataPublishedV1)
  async onCostDataPublished(event: CostDataPublishedV1, context: MessageContext): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ReferenceVersionEntity)
      .values({
        dataset: event.dataset,
        version: event.version,
        effectiveFrom: event.effectiveFrom,
        itemCount: event.itemCount,
        checksum: event.checksum,
        publishedAt: new Date(event.publishedAt),
        messageId: context.messageId,
      })
      .orIgnore()
      .execute();
  }
}
