import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Solved portfolio plans: input, the solver's answer and what accepting each assignment needs. */
export class PortfolioPlans1764628000000 implements MigrationInterface {
  name = 'PortfolioPlans1764628000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "planning"."portfolio_plans" ("id" uuid NOT NULL, "status" text NOT NULL, "input" jsonb NOT NULL, "result" jsonb NOT NULL, "requested_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a1a6c4c0b5b17855bb61c221ce9" PRIMARY KEY ("id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "planning"."portfolio_plans"`);
  }
}
