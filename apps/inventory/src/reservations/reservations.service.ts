import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PoolChangedV1, type ReservationCommandV1, type ReservationReplyV1, type ReservationV1 } from '@cp/contracts';
import { HandlerError } from '@cp/messaging';
import { enqueueEvent } from '@cp/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { INVENTORY_SCHEMA } from '../inventory.constants.js';
import { poolFrom, SqlParams } from '../pools/pool-query.js';
import { ReservationEntity } from './reservation.entity.js';

type Reserve = Extract<ReservationCommandV1, { command: 'reserve' }>;
type ById = Extract<ReservationCommandV1, { command: 'confirm' | 'release' }>;

const UNIQUE_VIOLATION = '23505';

function toReservationV1(row: ReservationEntity): ReservationV1 {
  return {
    id: row.id,
    poolId: row.poolId,
    quantity: row.quantity,
    window: { from: row.windowFrom.toISOString(), to: row.windowTo.toISOString() },
    workloadRef: row.workloadRef,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

function sameRequest(row: ReservationEntity, command: Reserve): boolean {
  return (
    row.poolId === command.poolId &&
    row.quantity === command.quantity &&
    row.windowFrom.getTime() === Date.parse(command.window.from) &&
    row.windowTo.getTime() === Date.parse(command.window.to)
  );
}

/**
 * Reservations never overbook: each one locks its pool row, measures the peak load of
 * the reservations that count in its window, and inserts only if the rest fits — all in
 * one transaction, with the pool-changed event written through the outbox beside it.
 */
@Injectable()
export class ReservationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute(command: ReservationCommandV1, now = new Date()): Promise<ReservationReplyV1> {
    switch (command.command) {
      case 'reserve':
        return this.reserve(command, now);
      case 'confirm':
        return this.transition(command, now);
      case 'release':
        return this.transition(command, now);
    }
  }

  /** Devices of a pool free in a window, as seen inside the caller's transaction. */
  async freeDevices(manager: EntityManager, poolId: string, window: { from: Date; to: Date }, now: Date): Promise<number> {
    const params = new SqlParams();
    const from = poolFrom(params, window, now);
    const [row] = (await manager.query(`SELECT f.free_devices ${from} WHERE p.id = ${params.add(poolId)}`, params.values)) as {
      free_devices: number;
    }[];
    return row?.free_devices ?? 0;
  }

  private async reserve(command: Reserve, now: Date): Promise<ReservationReplyV1> {
    const window = { from: new Date(command.window.from), to: new Date(command.window.to) };
    try {
      return await this.dataSource.transaction(async (manager) => {
        // The pool lock serialises every reservation of this pool; other pools proceed.
        const [pool] = (await manager.query(`SELECT id, device_count, version FROM inventory.capacity_pools WHERE id = $1 FOR UPDATE`, [command.poolId])) as {
          id: string;
          device_count: number;
          version: number;
        }[];
        if (!pool) throw new HandlerError('NOT_FOUND', `poolId: no capacity pool ${command.poolId}`, 'poolId');

        const replay = await this.replayOf(manager, command, window, now);
        if (replay) return replay;

        const free = await this.freeDevices(manager, command.poolId, window, now);
        if (command.quantity > free) {
          throw new HandlerError('CONFLICT', `quantity: only ${free} of ${pool.device_count} devices are free in that window`, 'quantity');
        }
        const saved = await manager.save(
          manager.create(ReservationEntity, {
            poolId: command.poolId,
            quantity: command.quantity,
            windowFrom: window.from,
            windowTo: window.to,
            workloadRef: command.workloadRef,
            idempotencyKey: command.idempotencyKey,
            status: 'HELD',
            expiresAt: new Date(now.getTime() + command.holdSeconds * 1_000),
            actorId: command.actor.id,
          }),
        );
        await this.poolChanged(manager, pool, 'RESERVED', command.actor.id, saved.id, now);
        return { reservation: toReservationV1(saved), freeDevices: free - command.quantity, replayed: false };
      });
    } catch (error) {
      // The same key raced on another pool lock (or another instance): the first one won.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const replay = await this.dataSource.transaction((manager) => this.replayOf(manager, command, window, now));
        if (replay) return replay;
      }
      throw error;
    }
  }

  private async replayOf(manager: EntityManager, command: Reserve, window: { from: Date; to: Date }, now: Date): Promise<ReservationReplyV1 | null> {
    const existing = await manager.findOneBy(ReservationEntity, { idempotencyKey: command.idempotencyKey });
    if (!existing) return null;
    if (!sameRequest(existing, command)) {
      throw new HandlerError('CONFLICT', 'idempotencyKey: already used for a different reservation', 'idempotencyKey');
    }
    return { reservation: toReservationV1(existing), freeDevices: await this.freeDevices(manager, existing.poolId, window, now), replayed: true };
  }

  private async transition(command: ById, now: Date): Promise<ReservationReplyV1> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(ReservationEntity, { where: { id: command.reservationId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new HandlerError('NOT_FOUND', `reservationId: no reservation ${command.reservationId}`, 'reservationId');
      const window = { from: row.windowFrom, to: row.windowTo };
      const target = command.command === 'confirm' ? 'CONFIRMED' : 'RELEASED';
      if (row.status === target) {
        return { reservation: toReservationV1(row), freeDevices: await this.freeDevices(manager, row.poolId, window, now), replayed: true };
      }
      const expired = row.status === 'EXPIRED' || (row.status === 'HELD' && row.expiresAt !== null && row.expiresAt <= now);
      if (command.command === 'confirm' && (expired || row.status === 'RELEASED')) {
        throw new HandlerError('CONFLICT', `reservationId: the reservation is ${expired ? 'expired' : 'released'} and can no longer be confirmed`, 'reservationId');
      }
      if (command.command === 'release' && row.status === 'EXPIRED') {
        return { reservation: toReservationV1(row), freeDevices: await this.freeDevices(manager, row.poolId, window, now), replayed: true };
      }
      row.status = target;
      row.expiresAt = target === 'CONFIRMED' ? null : row.expiresAt;
      const saved = await manager.save(row);
      const [pool] = (await manager.query(`SELECT id, device_count, version FROM inventory.capacity_pools WHERE id = $1`, [row.poolId])) as {
        id: string;
        device_count: number;
        version: number;
      }[];
      await this.poolChanged(manager, pool!, target, command.actor.id, row.id, now);
      return { reservation: toReservationV1(saved), freeDevices: await this.freeDevices(manager, row.poolId, window, now), replayed: false };
    });
  }

  private async poolChanged(
    manager: EntityManager,
    pool: { id: string; device_count: number; version: number },
    change: 'RESERVED' | 'CONFIRMED' | 'RELEASED',
    actorId: string,
    reservationId: string,
    now: Date,
  ): Promise<void> {
    await enqueueEvent(
      manager,
      INVENTORY_SCHEMA,
      PoolChangedV1,
      { poolId: pool.id, change, deviceCount: pool.device_count, version: pool.version, actorId, reason: null, reservationId, at: now.toISOString() },
      { key: pool.id },
    );
  }

  /** Marks holds past their expiry; capacity is already free without it (expired holds do not count). */
  async expireHolds(now = new Date()): Promise<number> {
    const result = (await this.dataSource.query(
      `UPDATE inventory.reservations SET status = 'EXPIRED', updated_at = now() WHERE status = 'HELD' AND expires_at <= $1`,
      [now.toISOString()],
    )) as [unknown, number];
    return result[1] ?? 0;
  }
}
