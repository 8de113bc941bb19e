import { z } from 'zod';

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "MY"');
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"');
/** Exact decimal as a string: money and tariffs are never floats. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number written as a string');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO 8601 date (YYYY-MM-DD)');
export const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug such as "my-johor-sedenak"');

export const Money = z.object({ amount: DecimalString, currency: CurrencyCode });
