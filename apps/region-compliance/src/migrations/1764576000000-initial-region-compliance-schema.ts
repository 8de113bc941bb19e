import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialRegionComplianceSchema1764576000000 implements MigrationInterface {
  name = 'InitialRegionComplianceSchema1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "compliance"."dataset_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dataset" text NOT NULL, "version" text NOT NULL, "effective_from" date NOT NULL, "checksum" character(64) NOT NULL, "source" text NOT NULL, "item_count" integer NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dataset_versions_dataset_version_key" UNIQUE ("dataset", "version"), CONSTRAINT "PK_2335c164f3df47dabfe7d0fc6e5" PRIMARY KEY ("id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "compliance"."dataset_versions"`);
  }
}
