import { outboxTraceContextDdl } from '@cp/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox rows keep the trace context of the transaction that wrote them, so relayed events continue its trace. */
export class OutboxTraceContext1764640000000 implements MigrationInterface {
  name = 'OutboxTraceContext1764640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of outboxTraceContextDdl('inventory').up) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of outboxTraceContextDdl('inventory').down) await queryRunner.query(sql);
  }
}
