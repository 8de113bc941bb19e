import { outboxTableDdl } from '@cp/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published cost data sets (whole documents, replacing the per-load records), the cost
 * ledger, monthly budgets and the outbox.
 */
export class LedgerBudgetsReferenceDatasets1764612000000 implements MigrationInterface {
  name = 'LedgerBudgetsReferenceDatasets1764612000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cost"."dataset_versions"`);
    await queryRunner.query(`CREATE TABLE "cost"."budgets" ("cost_center" text NOT NULL, "month" date NOT NULL, "amount" numeric(28,8) NOT NULL, "currency" character(3) NOT NULL, "set_by" text NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_61776344abe5f5370ddee8dc079" PRIMARY KEY ("cost_center", "month"))`);
    await queryRunner.query(`CREATE TABLE "cost"."reference_datasets" ("dataset" text NOT NULL, "version" text NOT NULL, "effective_from" date NOT NULL, "source" text NOT NULL, "checksum" character(64) NOT NULL, "item_count" integer NOT NULL, "document" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" text NOT NULL, CONSTRAINT "PK_2cec2ede07b58b03eaeb901f5d9" PRIMARY KEY ("dataset", "version"))`);
    await queryRunner.query(`CREATE INDEX "reference_datasets_in_force_idx" ON "cost"."reference_datasets" ("dataset", "effective_from", "published_at")`);
    await queryRunner.query(`CREATE TABLE "cost"."ledger_entries" ("id" uuid NOT NULL, "idempotency_key" text NOT NULL, "content_hash" character(64) NOT NULL, "entry_type" text NOT NULL, "cost_center" text NOT NULL, "workload_id" text, "workload_kind" text NOT NULL, "site_id" text NOT NULL, "country_code" character(2) NOT NULL, "vendor" text NOT NULL, "accelerator_id" text NOT NULL, "pool_id" text, "charge_period_start" date NOT NULL, "charge_period_end" date NOT NULL, "amount" numeric(28,8) NOT NULL, "currency" character(3) NOT NULL, "list_amount" numeric(28,8), "device_hours" numeric(28,8), "price_book_version" text, "description" text, "source" text NOT NULL, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ledger_entries_idempotency_key_key" ON "cost"."ledger_entries" ("idempotency_key")`);
    await queryRunner.query(`CREATE INDEX "ledger_entries_cost_center_idx" ON "cost"."ledger_entries" ("cost_center", "charge_period_start")`);
    await queryRunner.query(`CREATE INDEX "ledger_entries_period_idx" ON "cost"."ledger_entries" ("charge_period_start", "id")`);
    for (const sql of outboxTableDdl('cost')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cost"."outbox"`);
    await queryRunner.query(`DROP TABLE "cost"."ledger_entries"`);
    await queryRunner.query(`DROP TABLE "cost"."reference_datasets"`);
    await queryRunner.query(`DROP TABLE "cost"."budgets"`);
    await queryRunner.query(`CREATE TABLE "cost"."dataset_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dataset" text NOT NULL, "version" text NOT NULL, "effective_from" date NOT NULL, "checksum" character(64) NOT NULL, "source" text NOT NULL, "item_count" integer NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dataset_versions_dataset_version_key" UNIQUE ("dataset", "version"), CONSTRAINT "PK_2335c164f3df47dabfe7d0fc6e5" PRIMARY KEY ("id"))`);
  }
}
