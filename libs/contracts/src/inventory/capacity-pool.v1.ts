import { z } from 'zod';
import { CurrencyCode, DecimalString, Slug } from '../common/reference.js';

export const Ownership = z.enum(['OWNED', 'LEASED_IAAS', 'COLOCATION']);
export type Ownership = z.output<typeof Ownership>;

/** Half-open [from, to) in UTC, ISO 8601 date-times. */
export const TimeWindow = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((w) => Date.parse(w.to) > Date.parse(w.from), { message: 'must end after it starts', path: ['to'] });
export type TimeWindow = z.output<typeof TimeWindow>;

export const PriceReference = z.object({
  /** ON_DEMAND and COMMITTED are per device-hour; CAPEX is the purchase price per device. */
  basis: z.enum(['ON_DEMAND', 'COMMITTED', 'CAPEX']),
  amount: DecimalString,
  currency: CurrencyCode,
  source: z.string(),
});

export const CapacityPoolV1 = z.object({
  id: z.string().regex(/^pool-[a-z0-9-]+$/, 'must be a pool id such as "pool-my-johor-sedenak-h100-1"'),
  siteId: Slug,
  acceleratorId: Slug,
  deviceCount: z.number().int().nonnegative(),
  devicesPerNode: z.number().int().positive(),
  ownership: Ownership,
  price: PriceReference,
  availableFrom: z.iso.datetime({ offset: true }),
  availableTo: z.iso.datetime({ offset: true }).nullable(),
  /** Devices not held or reserved in the requested window (or now, when no window was given). */
  freeDevices: z.number().int().nonnegative(),
  version: z.number().int().positive(),
});
export type CapacityPoolV1 = z.output<typeof CapacityPoolV1>;
