import { z } from 'zod';
import { defineRequest, type ReplyOf, type RequestOf } from '../contract.js';
import { CountryCode } from '../common/reference.js';
import { Topics } from '../topics.js';
import { Precision } from './accelerator.v1.js';
import { CapacityPoolV1, Ownership, TimeWindow } from './capacity-pool.v1.js';

export const WorkloadRequirementsV1 = z
  .object({
    deviceCount: z.number().int().positive().max(1_000_000),
    minMemoryGbPerDevice: z.number().positive().max(100_000),
    minInterconnectGBps: z.number().positive().max(1_000_000).optional(),
    /** Every listed precision must have a known dense rate on the accelerator. */
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
 * gateway -> inventory: every pool that can physically hold the workload (enough free
 * devices in the window, memory, interconnect, precision, preferences), in one reply.
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
  }),
);
export type CandidatesRequestV1 = RequestOf<typeof CandidatesV1>;
export type CandidatesReplyV1 = ReplyOf<typeof CandidatesV1>;
