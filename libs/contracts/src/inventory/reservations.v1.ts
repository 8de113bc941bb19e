import { z } from 'zod';
import { defineRequest, type ReplyOf, type RequestOf } from '../contract.js';
import { Actor } from '../common/actor.js';
import { Topics } from '../topics.js';
import { TimeWindow } from './capacity-pool.v1.js';

export const ReservationStatus = z.enum(['HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED']);

export const ReservationV1 = z.object({
  id: z.uuid(),
  poolId: z.string(),
  quantity: z.number().int().positive(),
  window: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }),
  workloadRef: z.string(),
  idempotencyKey: z.string(),
  status: ReservationStatus,
  /** A hold not confirmed by then frees its capacity by itself. */
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ReservationV1 = z.output<typeof ReservationV1>;

const IdempotencyKey = z.string().min(8, 'must be at least 8 characters').max(200);

export const ReservationCommandV1 = z.discriminatedUnion('command', [
  z
    .object({
      command: z.literal('reserve'),
      actor: Actor,
      poolId: z.string().min(1).max(200),
      quantity: z.number().int('must be a whole number of devices').positive('must be positive').max(10_000_000),
      window: TimeWindow,
      workloadRef: z.string().min(1).max(200),
      idempotencyKey: IdempotencyKey,
      /** Hold lifetime; the hold expires unless confirmed. */
      holdSeconds: z.number().int().min(1).max(30 * 24 * 3600).default(900),
    })
    .strict(),
  z.object({ command: z.literal('confirm'), actor: Actor, reservationId: z.uuid() }).strict(),
  z.object({ command: z.literal('release'), actor: Actor, reservationId: z.uuid() }).strict(),
]);

/** gateway -> inventory: reserve, confirm or release capacity; never overbooks. */
export const ReservationCommandsV1 = defineRequest(
  Topics.inventoryReservations,
  Topics.inventoryReservationsReply,
  1,
  ReservationCommandV1,
  z.object({ reservation: ReservationV1, freeDevices: z.number().int().nonnegative(), replayed: z.boolean() }),
);
export type ReservationCommandV1 = RequestOf<typeof ReservationCommandsV1>;
export type ReservationReplyV1 = ReplyOf<typeof ReservationCommandsV1>;
