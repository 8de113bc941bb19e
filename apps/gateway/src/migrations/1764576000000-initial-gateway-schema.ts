import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialGatewaySchema1764576000000 implements MigrationInterface {
  name = 'InitialGatewaySchema1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "planning"."reference_versions" ("dataset" text NOT NULL, "version" text NOT NULL, "effective_from" date NOT NULL, "item_count" integer NOT NULL, "checksum" character(64) NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "message_id" uuid NOT NULL, CONSTRAINT "PK_f128360591fbf99454bcba8d572" PRIMARY KEY ("dataset", "version"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "planning"."reference_versions"`);
  }
}
