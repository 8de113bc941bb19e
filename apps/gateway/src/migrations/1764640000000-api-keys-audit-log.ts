import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys (argon2id hashes, never secrets) and the append-only audit log. */
export class ApiKeysAuditLog1764640000000 implements MigrationInterface {
  name = 'ApiKeysAuditLog1764640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "planning"."api_keys" ("id" uuid NOT NULL, "name" text NOT NULL, "roles" text array NOT NULL, "secret_hash" text NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" text, "last_used_at" TIMESTAMP WITH TIME ZONE, "bootstrap" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_keys_bootstrap_key" ON "planning"."api_keys" ("bootstrap") WHERE "bootstrap"`);
    await queryRunner.query(`CREATE TABLE "planning"."audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" text NOT NULL, "actor_roles" text array NOT NULL, "auth_method" text NOT NULL, "channel" text NOT NULL, "action" text NOT NULL, "outcome" text NOT NULL, "targets" text array NOT NULL DEFAULT '{}', "detail" jsonb NOT NULL, "client_ip" text, "duration_ms" integer, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_log_actor_idx" ON "planning"."audit_log" ("actor_id", "at")`);
    await queryRunner.query(`CREATE INDEX "audit_log_at_idx" ON "planning"."audit_log" ("at", "id")`);
    // History is not rewritten: refuse every change but INSERT, whoever connects.
    await queryRunner.query(`CREATE FUNCTION "planning"."audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(`CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "planning"."audit_log" FOR EACH ROW EXECUTE FUNCTION "planning"."audit_log_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "planning"."audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "planning"."audit_log_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "planning"."audit_log"`);
    await queryRunner.query(`DROP FUNCTION "planning"."audit_log_append_only"()`);
    await queryRunner.query(`DROP INDEX "planning"."api_keys_bootstrap_key"`);
    await queryRunner.query(`DROP TABLE "planning"."api_keys"`);
  }
}
