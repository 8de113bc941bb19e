import { outboxTableDdl } from '@cp/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Legal entities, published rule packs, placements tracked for what-if runs, and the outbox. */
export class LegalEntitiesRulePacks1764594000000 implements MigrationInterface {
  name = 'LegalEntitiesRulePacks1764594000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "compliance"."tracked_placements" ("id" text NOT NULL, "legal_entity_id" text NOT NULL, "date" date NOT NULL, "workload" jsonb NOT NULL, "placement" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c850f60e7559a623ba96525534" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "compliance"."legal_entities" ("id" text NOT NULL, "name" text NOT NULL, "hq_country" character(2) NOT NULL, "ultimate_parent_hq_country" character(2), "is_ciio" boolean NOT NULL, "restricted_party" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_957140fc9f028601347fbe28f89" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "compliance"."rule_packs" ("version" text NOT NULL, "title" text NOT NULL, "pack" jsonb NOT NULL, "checksum" character(64) NOT NULL, "rule_count" integer NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" text NOT NULL, "is_current" boolean NOT NULL, CONSTRAINT "PK_d72312f9418ecd03ed27d6b6541" PRIMARY KEY ("version"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "rule_packs_one_current_idx" ON "compliance"."rule_packs" ("is_current") WHERE "is_current"`);
    for (const sql of outboxTableDdl('compliance')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "compliance"."outbox"`);
    await queryRunner.query(`DROP INDEX "compliance"."rule_packs_one_current_idx"`);
    await queryRunner.query(`DROP TABLE "compliance"."rule_packs"`);
    await queryRunner.query(`DROP TABLE "compliance"."legal_entities"`);
    await queryRunner.query(`DROP TABLE "compliance"."tracked_placements"`);
  }
}
