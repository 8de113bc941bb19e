import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CatalogPublishedV1, CostDataPublishedV1, RulePackPublishedV1 } from '@cp/contracts';
import { type MessageContext, OnEvent } from '@cp/messaging';
import type { DataSource } from 'typeorm';
import { ReferenceVersionEntity } from './reference-version.entity.js';

type PublishedVersion = Pick<ReferenceVersionEntity, 'dataset' | 'version' | 'effectiveFrom' | 'itemCount' | 'checksum' | 'publishedAt'>;

/** The reference-data versions the services publish; recommendations cite the ones they used. */
@Injectable()
export class ReferenceDataConsumer {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @OnEvent(CatalogPublishedV1)
  async onCatalogPublished(event: CatalogPublishedV1, context: MessageContext): Promise<void> {
    await this.record({ ...event, publishedAt: new Date(event.publishedAt) }, context);
  }

  @OnEvent(RulePackPublishedV1)
  async onRulePackPublished(event: RulePackPublishedV1, context: MessageContext): Promise<void> {
    await this.record(
      { dataset: 'rule-packs', version: event.version, effectiveFrom: event.publishedAt.slice(0, 10), itemCount: event.ruleCount, checksum: event.checksum, publishedAt: new Date(event.publishedAt) },
      context,
    );
  }

  /** Price books, cost scenarios and FX tables. */
  @OnEvent(CostDataPublishedV1)
  async onCostDataPublished(event: CostDataPublishedV1, context: MessageContext): Promise<void> {
    await this.record({ ...event, publishedAt: new Date(event.publishedAt) }, context);
  }

  /** Idempotent: a redelivered event finds its row and changes nothing. */
  private async record(version: PublishedVersion, context: MessageContext): Promise<void> {
    const { dataset, effectiveFrom, itemCount, checksum, publishedAt } = version;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ReferenceVersionEntity)
      .values({ dataset, version: version.version, effectiveFrom, itemCount, checksum, publishedAt, messageId: context.messageId })
      .orIgnore()
      .execute();
  }
}
