import { outboxTableDdl } from '@cp/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialInventorySchema1764576000000 implements MigrationInterface {
  name = 'InitialInventorySchema1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "inventory"."dataset_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dataset" text NOT NULL, "version" text NOT NULL, "effective_from" date NOT NULL, "checksum" character(64) NOT NULL, "source" text NOT NULL, "item_count" integer NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dataset_versions_dataset_version_key" UNIQUE ("dataset", "version"), CONSTRAINT "PK_2335c164f3df47dabfe7d0fc6e5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "inventory"."sites" ("id" text NOT NULL, "name" text NOT NULL, "country_code" character(2) NOT NULL, "city" text NOT NULL, "region" text NOT NULL, "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "operator" text NOT NULL, "operator_hq_country" character(2), "ultimate_parent_hq_country" character(2), "state_funded" boolean NOT NULL, "power_price_amount" numeric(20,6), "power_price_currency" character(3), "power_price_as_of" date, "power_price_source" text, "pue" numeric(6,3), "pue_as_of" date, "pue_source" text, "egress_price_per_gb_amount" numeric(20,6), "egress_price_currency" character(3), "international_bandwidth_gbps" double precision, "network_as_of" date, "network_source" text, "notes" text, "source" text NOT NULL, "as_of" date NOT NULL, "catalog_version" text NOT NULL, "retired_in_version" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f5eccb1dfde10c9170502595a7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sites_country_idx" ON "inventory"."sites" ("country_code")`);
    for (const sql of outboxTableDdl('inventory')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inventory"."sites"`);
    await queryRunner.query(`DROP TABLE "inventory"."dataset_versions"`);
    await queryRunner.query(`DROP TABLE "inventory"."outbox"`);
  }
}
