import { z } from 'zod';
import { CountryCode, CurrencyCode, DecimalString, IsoDate, Money, Slug } from '../common/reference.js';

export const SiteRegion = z.enum(['Southeast Asia', 'China', 'Japan', 'Gulf', 'United States']);

export const SiteV1 = z.object({
  id: Slug,
  name: z.string().min(1),
  countryCode: CountryCode,
  city: z.string().min(1),
  region: SiteRegion,
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  operator: z.string().min(1),
  operatorHqCountry: CountryCode.nullable(),
  ultimateParentHqCountry: CountryCode.nullable(),
  stateFunded: z.boolean(),
  powerPrice: z
    .object({ amount: DecimalString, currency: CurrencyCode, unit: z.literal('kWh'), asOf: IsoDate, source: z.string() })
    .nullable(),
  pue: z.object({ value: DecimalString, asOf: IsoDate.nullable(), source: z.string() }).nullable(),
  network: z.object({
    egressPricePerGb: Money.nullable(),
    internationalBandwidthGbps: z.number().positive().nullable(),
    asOf: IsoDate.nullable(),
    source: z.string().nullable(),
  }),
  notes: z.string().nullable(),
  source: z.string().min(1),
  asOf: IsoDate,
});
export type SiteV1 = z.output<typeof SiteV1>;
