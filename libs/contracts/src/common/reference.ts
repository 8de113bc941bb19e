import { z } from 'zod';

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "MY"');
/** ISO 4217 codes in circulation, from the runtime's ICU data rather than a list kept here. */
const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"')
  .refine((code) => KNOWN_CURRENCIES.has(code), { error: (issue) => `unknown currency ${JSON.stringify(issue.input)}: not an ISO 4217 code` });
/** Exact decimal as a string: money and tariffs are never floats. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number written as a string');
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO 8601 date (YYYY-MM-DD)')
  // A calendar date, not just its shape: 2027-13-01 and 2027-02-30 are refused.
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'must be a real calendar date (YYYY-MM-DD)');
export const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug such as "my-johor-sedenak"');

export const Money = z.object({ amount: DecimalString, currency: CurrencyCode });
