import { z } from 'zod';

/** Keyset pagination: `after` is the opaque cursor of the last row already seen. */
export const PageRequest = z.object({
  first: z.number().int().min(1).max(500),
  after: z.string().min(1).max(200).nullable(),
});

export const PageInfo = z.object({
  hasNextPage: z.boolean(),
  endCursor: z.string().nullable(),
});
