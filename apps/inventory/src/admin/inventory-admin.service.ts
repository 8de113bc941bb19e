import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type InventoryAdminCommandV1, type InventoryAdminReplyV1, PoolChangedV1 } from '@cp/contracts';
import { HandlerError } from '@cp/messaging';
import { enqueueEvent, type OutboxRelay } from '@cp/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { AcceleratorEntity } from '../accelerators/accelerator.entity.js';
import { acceleratorSpecFromInput, toAcceleratorEntity } from '../accelerators/accelerators-file.js';
import { toAcceleratorV1 } from '../accelerators/accelerators.service.js';
import { OUTBOX_RELAY } from '../catalog/catalog-loader.js';
import { INVENTORY_SCHEMA } from '../inventory.constants.js';
import { CapacityPoolEntity } from '../pools/capacity-pool.entity.js';
import { peakLoadSql, POOL_COLUMNS, poolFrom, type PoolRow, SqlParams } from '../pools/pool-query.js';
import { toPoolV1 } from '../pools/pools.mapper.js';
import { SiteEntity } from '../sites/site.entity.js';
import { toSiteEntity, toSiteV1 } from '../sites/sites.mapper.js';

type Command<K extends InventoryAdminCommandV1['command']> = Extract<InventoryAdminCommandV1, { command: K }>;

/** Catalog version recorded on rows an administrator wrote rather than a dataset load. */
export const ADMIN_EDIT = 'admin-edit';
const FAR_FUTURE = new Date('9999-01-01T00:00:00Z');

/**
 * Admin changes to sites and pools. Each runs in one transaction with its
 * inventory.pool.changed event (outbox), so a change and its event exist together or not at all.
 */
@Injectable()
export class InventoryAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
  ) {}

  async execute(command: InventoryAdminCommandV1, now = new Date()): Promise<InventoryAdminReplyV1> {
    const reply = await this.dataSource.transaction((manager) => {
      switch (command.command) {
        case 'upsertSite':
          return this.upsertSite(manager, command);
        case 'upsertAccelerator':
          return this.upsertAccelerator(manager, command);
        case 'createPool':
          return this.createPool(manager, command, now);
        case 'updatePool':
          return this.updatePool(manager, command, now);
        case 'adjustCapacity':
          return this.adjustCapacity(manager, command, now);
      }
    });
    this.relay.nudge();
    return reply;
  }

  private async upsertSite(manager: EntityManager, command: Command<'upsertSite'>): Promise<InventoryAdminReplyV1> {
    await manager.upsert(SiteEntity, toSiteEntity(command.site, ADMIN_EDIT), ['id']);
    const saved = await manager.findOneByOrFail(SiteEntity, { id: command.site.id });
    return { kind: 'site', site: toSiteV1(saved) };
  }

  /** TPP and performance density are computed here from the figures, as for catalog loads. */
  private async upsertAccelerator(manager: EntityManager, command: Command<'upsertAccelerator'>): Promise<InventoryAdminReplyV1> {
    const spec = acceleratorSpecFromInput(command.accelerator);
    await manager.upsert(AcceleratorEntity, toAcceleratorEntity(spec, ADMIN_EDIT), ['id']);
    return { kind: 'accelerator', accelerator: toAcceleratorV1(await manager.findOneByOrFail(AcceleratorEntity, { id: spec.id })) };
  }

  private async createPool(manager: EntityManager, command: Command<'createPool'>, now: Date): Promise<InventoryAdminReplyV1> {
    const { pool } = command;
    if (!(await manager.existsBy(SiteEntity, { id: pool.siteId }))) throw new HandlerError('NOT_FOUND', `pool.siteId: no site ${pool.siteId}`, 'pool.siteId');
    if (!(await manager.existsBy(AcceleratorEntity, { id: pool.acceleratorId }))) {
      throw new HandlerError('NOT_FOUND', `pool.acceleratorId: no accelerator ${pool.acceleratorId}`, 'pool.acceleratorId');
    }
    assertAvailability(pool.availableFrom, pool.availableTo, 'pool.availableTo');
    assertWholeNodes(pool.deviceCount, pool.devicesPerNode, 'pool.deviceCount');
    const id = `pool-${pool.siteId}-${pool.acceleratorId}-${randomUUID().slice(0, 8)}`;
    await manager.insert(CapacityPoolEntity, {
      id,
      siteId: pool.siteId,
      acceleratorId: pool.acceleratorId,
      deviceCount: pool.deviceCount,
      devicesPerNode: pool.devicesPerNode,
      ownership: pool.ownership,
      priceBasis: pool.price.basis,
      priceAmount: pool.price.amount,
      priceCurrency: pool.price.currency,
      priceSource: pool.price.source,
      availableFrom: new Date(pool.availableFrom),
      availableTo: pool.availableTo ? new Date(pool.availableTo) : null,
      catalogVersion: null,
    });
    return this.poolChanged(manager, id, 'CREATED', command.actor.id, null, now);
  }

  private async updatePool(manager: EntityManager, command: Command<'updatePool'>, now: Date): Promise<InventoryAdminReplyV1> {
    const row = await this.lockPool(manager, command.poolId);
    if (row.version !== command.expectedVersion) {
      throw new HandlerError('CONFLICT', `expectedVersion: the pool is at version ${row.version}; read it again and retry`, 'expectedVersion');
    }
    const { changes } = command;
    const from = changes.availableFrom ?? row.availableFrom.toISOString();
    const to = changes.availableTo === undefined ? (row.availableTo?.toISOString() ?? null) : changes.availableTo;
    assertAvailability(from, to, changes.availableTo !== undefined ? 'changes.availableTo' : 'changes.availableFrom');
    assertWholeNodes(row.deviceCount, changes.devicesPerNode ?? row.devicesPerNode, 'changes.devicesPerNode');
    await manager.update(CapacityPoolEntity, { id: row.id }, {
      devicesPerNode: changes.devicesPerNode ?? row.devicesPerNode,
      ownership: changes.ownership ?? row.ownership,
      priceBasis: changes.price?.basis ?? row.priceBasis,
      priceAmount: changes.price?.amount ?? row.priceAmount,
      priceCurrency: changes.price?.currency ?? row.priceCurrency,
      priceSource: changes.price?.source ?? row.priceSource,
      availableFrom: new Date(from),
      availableTo: to ? new Date(to) : null,
      version: row.version + 1,
    });
    return this.poolChanged(manager, row.id, 'UPDATED', command.actor.id, null, now);
  }

  private async adjustCapacity(manager: EntityManager, command: Command<'adjustCapacity'>, now: Date): Promise<InventoryAdminReplyV1> {
    const row = await this.lockPool(manager, command.poolId);
    const deviceCount = row.deviceCount + command.delta;
    if (deviceCount < 0) throw new HandlerError('BAD_REQUEST', `delta: would leave ${deviceCount} devices`, 'delta');
    // Shrinking must not strand reservations already granted, now or later.
    const committed = await this.peakCommittedLoad(manager, row.id, now);
    if (deviceCount < committed) {
      throw new HandlerError('CONFLICT', `delta: ${committed} devices are reserved at the busiest time; the pool cannot go below that`, 'delta');
    }
    await manager.update(CapacityPoolEntity, { id: row.id }, { deviceCount, version: row.version + 1 });
    return this.poolChanged(manager, row.id, 'CAPACITY_ADJUSTED', command.actor.id, command.reason, now);
  }

  private async lockPool(manager: EntityManager, poolId: string): Promise<CapacityPoolEntity> {
    const row = await manager.findOne(CapacityPoolEntity, { where: { id: poolId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new HandlerError('NOT_FOUND', `poolId: no capacity pool ${poolId}`, 'poolId');
    return row;
  }

  private async peakCommittedLoad(manager: EntityManager, poolId: string, now: Date): Promise<number> {
    const params = new SqlParams();
    const id = params.add(poolId);
    const [row] = (await manager.query(`SELECT ${peakLoadSql(params, `${id}::text`, { from: now, to: FAR_FUTURE }, now)} AS load`, params.values)) as {
      load: number;
    }[];
    return row?.load ?? 0;
  }

  private async poolChanged(
    manager: EntityManager,
    poolId: string,
    change: 'CREATED' | 'UPDATED' | 'CAPACITY_ADJUSTED',
    actorId: string,
    reason: string | null,
    now: Date,
  ): Promise<InventoryAdminReplyV1> {
    const params = new SqlParams();
    const from = poolFrom(params, { from: now, to: new Date(now.getTime() + 1_000) }, now);
    const [row] = (await manager.query(`SELECT ${POOL_COLUMNS} ${from} WHERE p.id = ${params.add(poolId)}`, params.values)) as PoolRow[];
    const pool = toPoolV1(row!);
    await enqueueEvent(
      manager,
      INVENTORY_SCHEMA,
      PoolChangedV1,
      { poolId, change, deviceCount: pool.deviceCount, version: pool.version, actorId, reason, reservationId: null, at: now.toISOString() },
      { key: poolId },
    );
    return { kind: 'pool', pool };
  }
}

function assertAvailability(from: string, to: string | null, field: string): void {
  if (to !== null && Date.parse(to) <= Date.parse(from)) throw new HandlerError('BAD_REQUEST', `${field}: must be after availableFrom`, field);
}

function assertWholeNodes(deviceCount: number, devicesPerNode: number, field: string): void {
  if (deviceCount % devicesPerNode !== 0) {
    throw new HandlerError('BAD_REQUEST', `${field}: ${deviceCount} devices is not a whole number of ${devicesPerNode}-device nodes`, field);
  }
}
