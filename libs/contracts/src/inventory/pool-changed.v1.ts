import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../contract.js';
import { Topics } from '../topics.js';

/** inventory -> anyone: a capacity pool changed (written through the outbox with the change). */
export const PoolChangedV1 = defineEvent(
  Topics.inventoryPoolChanged,
  1,
  z.object({
    poolId: z.string(),
    change: z.enum(['CREATED', 'UPDATED', 'CAPACITY_ADJUSTED', 'RESERVED', 'CONFIRMED', 'RELEASED']),
    deviceCount: z.number().int().nonnegative(),
    version: z.number().int().positive(),
    actorId: z.string(),
    reason: z.string().nullable(),
    reservationId: z.string().nullable(),
    at: z.iso.datetime({ offset: true }),
  }),
);
export type PoolChangedV1 = PayloadOf<typeof PoolChangedV1>;
