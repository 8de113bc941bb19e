import { z } from 'zod';
import { defineRequest, type ReplyOf, type RequestOf } from '../contract.js';
import { CountryCode, Slug } from '../common/reference.js';
import { Topics } from '../topics.js';
import { Precision } from './accelerator.v1.js';
import { CapacityPoolV1, Ownership, TimeWindow } from './capacity-pool.v1.js';

export const WorkloadRequirementsV1 = z
  .object({
    deviceCount: z.number().int().positive().max(1_000_000),
    minMemoryGbPerDevice: z.number().positive().max(100_000),
    minInterconnectGBps: z.number().positive().max(1_000_000).optional(),
    /**
     * Every listed precision must have a known dense rate on the accelerator at it or at the
     * nearest one acceptable for it (`nearestPrecision` of @cp/hardware: BF16 ↔ FP16, an 8-bit
     * format, else 16-bit); the reply's `precisionAssumptions` name each substitution.
     */
    precisions: z.array(Precision).max(7).optional(),
    window: TimeWindow,
    vendors: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
    excludeVendors: z.array(z.string().min(1).max(100)).max(50).optional(),
    originCountries: z.array(CountryCode).min(1).max(50).optional(),
    excludeOriginCountries: z.array(CountryCode).max(50).optional(),
    ownership: z.array(Ownership).min(1).max(3).optional(),
  })
  .strict();
export type WorkloadRequirementsV1 = z.output<typeof WorkloadRequirementsV1>;

/**
 * Why inventory held a pool back, in the order it checks: the caller's wishes first (a pool the
 * caller excluded is not news), then the chip (precision, memory, interconnect), then the pool
 * (size, availability in the window, free devices in the window). A pool counts under the first
 * filter it fails.
 */
export const HELD_BACK_FILTERS = ['VENDOR', 'ORIGIN', 'OWNERSHIP', 'PRECISION', 'MEMORY', 'INTERCONNECT', 'POOL_SIZE', 'WINDOW', 'CAPACITY'] as const;
export const HeldBackFilter = z.enum(HELD_BACK_FILTERS);
export type HeldBackFilter = z.output<typeof HeldBackFilter>;

/** At most this many held-back pools are listed in a reply; the rest are only counted. */
export const HELD_BACK_LIST_MAX = 200;

export const HeldBackPoolV1 = z.object({
  poolId: z.string().min(1),
  siteId: Slug,
  acceleratorId: Slug,
  ownership: Ownership,
  filter: HeldBackFilter,
  /** One line with the numbers, e.g. "needs 100000 devices, pool has 4096". */
  reason: z.string().min(1).max(500),
});
export type HeldBackPoolV1 = z.output<typeof HeldBackPoolV1>;

export const HeldBackV1 = z.object({
  /** Pools held back per filter, listed or not; filters that held back nothing are absent. */
  byFilter: z.partialRecord(HeldBackFilter, z.number().int().positive()),
  /** The pools closest to qualifying first (the last filter they failed, then pool id), at most HELD_BACK_LIST_MAX. */
  pools: z.array(HeldBackPoolV1).max(HELD_BACK_LIST_MAX),
  /** Held back but not listed in `pools`. */
  omitted: z.number().int().nonnegative(),
});
export type HeldBackV1 = z.output<typeof HeldBackV1>;

/** A returned accelerator that lacks a requested precision and is kept at the nearest one it has. */
export const PrecisionAssumptionV1 = z.object({
  acceleratorId: Slug,
  requested: Precision,
  runAt: Precision,
  /** What running at `runAt` assumes, in one sentence. */
  assumption: z.string().min(1).max(500),
});
export type PrecisionAssumptionV1 = z.output<typeof PrecisionAssumptionV1>;

/**
 * gateway -> inventory: every pool that can physically hold the workload (enough free
 * devices in the window, memory, interconnect, precision, preferences), in one reply, and
 * what it held back and why. `heldBack` and `precisionAssumptions` were added to V1 with
 * defaults, so a reply without them still parses.
 */
export const CandidatesV1 = defineRequest(
  Topics.inventoryCandidates,
  Topics.inventoryCandidatesReply,
  1,
  z.object({ requirements: WorkloadRequirementsV1, limit: z.number().int().positive().max(20_000).default(5_000) }).strict(),
  z.object({
    candidates: z.array(CapacityPoolV1),
    /** How many pools matched before `limit` cut the list. */
    matched: z.number().int().nonnegative(),
    catalogVersion: z.string().nullable(),
    heldBack: HeldBackV1.default({ byFilter: {}, pools: [], omitted: 0 }),
    /** One per returned accelerator and requested precision it runs at another precision. */
    precisionAssumptions: z.array(PrecisionAssumptionV1).max(1_000).default([]),
  }),
);
export type CandidatesRequestV1 = RequestOf<typeof CandidatesV1>;
export type CandidatesReplyV1 = ReplyOf<typeof CandidatesV1>;
