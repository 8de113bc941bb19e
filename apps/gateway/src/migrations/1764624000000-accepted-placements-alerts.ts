import { outboxTableDdl } from '@cp/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accepted placements (reservation, committed spend, facts to re-check), alerts, and the planning outbox. */
export class AcceptedPlacementsAlerts1764624000000 implements MigrationInterface {
  name = 'AcceptedPlacementsAlerts1764624000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "planning"."accepted_placements" ("id" text NOT NULL, "plan_id" text NOT NULL, "workload_ref" text NOT NULL, "pool_id" text NOT NULL, "reservation_id" uuid NOT NULL, "devices" integer NOT NULL, "window_from" TIMESTAMP WITH TIME ZONE NOT NULL, "window_to" TIMESTAMP WITH TIME ZONE NOT NULL, "committed_amount" numeric(28,8) NOT NULL, "committed_currency" character(3) NOT NULL, "legal_entity_id" text NOT NULL, "facts" jsonb NOT NULL, "verdict_outcome" text NOT NULL, "rule_pack_version" text NOT NULL, "accepted_by" text NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b242e67f0763b76138531a9d0cf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "accepted_placements_plan_idx" ON "planning"."accepted_placements" ("plan_id")`);
    await queryRunner.query(`CREATE TABLE "planning"."placement_alerts" ("id" uuid NOT NULL, "placement_id" text NOT NULL, "plan_id" text NOT NULL, "pool_id" text NOT NULL, "outcome_before" text NOT NULL, "rule_pack_before" text NOT NULL, "outcome_after" text NOT NULL, "rule_pack_version" text NOT NULL, "deciding_rules" jsonb NOT NULL, "verdict_after" jsonb NOT NULL, "suggested_pool_id" text, "suggested_recommendation_id" uuid, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_85d66f631913002b26eeebb44da" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "placement_alerts_once_per_pack_idx" ON "planning"."placement_alerts" ("placement_id", "rule_pack_version")`);
    for (const sql of outboxTableDdl('planning')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "planning"."outbox"`);
    await queryRunner.query(`DROP INDEX "planning"."placement_alerts_once_per_pack_idx"`);
    await queryRunner.query(`DROP TABLE "planning"."placement_alerts"`);
    await queryRunner.query(`DROP INDEX "planning"."accepted_placements_plan_idx"`);
    await queryRunner.query(`DROP TABLE "planning"."accepted_placements"`);
  }
}
