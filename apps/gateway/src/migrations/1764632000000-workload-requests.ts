import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Workload requests from pipelines and GraphQL, one per idempotency key. */
export class WorkloadRequests1764632000000 implements MigrationInterface {
  name = 'WorkloadRequests1764632000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "planning"."workload_requests" ("id" uuid NOT NULL, "idempotency_key" text NOT NULL, "status" text NOT NULL, "source" text NOT NULL, "submitted_by" text NOT NULL, "request" jsonb NOT NULL, "recommendation_id" uuid, "error" jsonb, "duplicates" integer NOT NULL DEFAULT '0', "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4230f5a2b0cf294bfb015a32b21" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "workload_requests_idempotency_key_key" ON "planning"."workload_requests" ("idempotency_key")`);
    await queryRunner.query(`CREATE INDEX "workload_requests_status_idx" ON "planning"."workload_requests" ("status", "received_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "planning"."workload_requests_status_idx"`);
    await queryRunner.query(`DROP INDEX "planning"."workload_requests_idempotency_key_key"`);
    await queryRunner.query(`DROP TABLE "planning"."workload_requests"`);
  }
}
