import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored recommendations: input snapshot, data versions and the whole result. */
export class Recommendations1764620000000 implements MigrationInterface {
  name = 'Recommendations1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "planning"."recommendations" ("id" uuid NOT NULL, "name" text, "kind" text NOT NULL, "cost_center" text NOT NULL, "legal_entity_id" text NOT NULL, "input" jsonb NOT NULL, "versions" jsonb NOT NULL, "result" jsonb NOT NULL, "chosen_pool_id" text, "requested_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_23a8d2db26db8cabb6ae9d6cd87" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "recommendations_created_at_idx" ON "planning"."recommendations" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "planning"."recommendations_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "planning"."recommendations"`);
  }
}
