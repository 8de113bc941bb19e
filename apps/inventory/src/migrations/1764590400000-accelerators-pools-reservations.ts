import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The accelerator catalog, capacity pools and reservations. */
export class AcceleratorsPoolsReservations1764590400000 implements MigrationInterface {
  name = 'AcceleratorsPoolsReservations1764590400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "inventory"."accelerators" ("id" text NOT NULL, "name" text NOT NULL, "vendor" text NOT NULL, "origin_country" character(2) NOT NULL, "memory_gb" double precision, "interconnect_gbps" double precision, "precisions" text array NOT NULL, "tpp" double precision, "performance_density" double precision, "spec" jsonb NOT NULL, "catalog_version" text NOT NULL, "retired_in_version" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_395f94076a9e374bf5204d3f3b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "accelerators_vendor_idx" ON "inventory"."accelerators" ("vendor") `);
    await queryRunner.query(`CREATE TABLE "inventory"."capacity_pools" ("id" text NOT NULL, "site_id" text NOT NULL, "accelerator_id" text NOT NULL, "device_count" integer NOT NULL, "devices_per_node" integer NOT NULL, "ownership" text NOT NULL, "price_basis" text NOT NULL, "price_amount" numeric(20,6) NOT NULL, "price_currency" character(3) NOT NULL, "price_source" text NOT NULL, "available_from" TIMESTAMP WITH TIME ZONE NOT NULL, "available_to" TIMESTAMP WITH TIME ZONE, "catalog_version" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "capacity_pools_price_basis_check" CHECK ("price_basis" IN ('ON_DEMAND', 'COMMITTED', 'CAPEX')), CONSTRAINT "capacity_pools_ownership_check" CHECK ("ownership" IN ('OWNED', 'LEASED_IAAS', 'COLOCATION')), CONSTRAINT "capacity_pools_device_count_check" CHECK ("device_count" >= 0), CONSTRAINT "PK_d02468218951a5e7825bb29e736" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "capacity_pools_accelerator_idx" ON "inventory"."capacity_pools" ("accelerator_id") `);
    await queryRunner.query(`CREATE INDEX "capacity_pools_site_idx" ON "inventory"."capacity_pools" ("site_id") `);
    await queryRunner.query(`CREATE TABLE "inventory"."reservations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pool_id" text NOT NULL, "quantity" integer NOT NULL, "window_from" TIMESTAMP WITH TIME ZONE NOT NULL, "window_to" TIMESTAMP WITH TIME ZONE NOT NULL, "workload_ref" text NOT NULL, "idempotency_key" text NOT NULL, "status" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "actor_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reservations_idempotency_key_key" UNIQUE ("idempotency_key"), CONSTRAINT "reservations_status_check" CHECK ("status" IN ('HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED')), CONSTRAINT "reservations_window_check" CHECK ("window_to" > "window_from"), CONSTRAINT "reservations_quantity_check" CHECK ("quantity" > 0), CONSTRAINT "PK_da95cef71b617ac35dc5bcda243" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "reservations_pool_window_idx" ON "inventory"."reservations" ("pool_id", "window_from", "window_to") `);
    await queryRunner.query(`ALTER TABLE "inventory"."capacity_pools" ADD CONSTRAINT "capacity_pools_site_fk" FOREIGN KEY ("site_id") REFERENCES "inventory"."sites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inventory"."capacity_pools" ADD CONSTRAINT "capacity_pools_accelerator_fk" FOREIGN KEY ("accelerator_id") REFERENCES "inventory"."accelerators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inventory"."reservations" ADD CONSTRAINT "reservations_pool_fk" FOREIGN KEY ("pool_id") REFERENCES "inventory"."capacity_pools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inventory"."reservations" DROP CONSTRAINT "reservations_pool_fk"`);
    await queryRunner.query(`ALTER TABLE "inventory"."capacity_pools" DROP CONSTRAINT "capacity_pools_accelerator_fk"`);
    await queryRunner.query(`ALTER TABLE "inventory"."capacity_pools" DROP CONSTRAINT "capacity_pools_site_fk"`);
    await queryRunner.query(`DROP INDEX "inventory"."reservations_pool_window_idx"`);
    await queryRunner.query(`DROP TABLE "inventory"."reservations"`);
    await queryRunner.query(`DROP INDEX "inventory"."capacity_pools_site_idx"`);
    await queryRunner.query(`DROP INDEX "inventory"."capacity_pools_accelerator_idx"`);
    await queryRunner.query(`DROP TABLE "inventory"."capacity_pools"`);
    await queryRunner.query(`DROP INDEX "inventory"."accelerators_vendor_idx"`);
    await queryRunner.query(`DROP TABLE "inventory"."accelerators"`);
  }
}
