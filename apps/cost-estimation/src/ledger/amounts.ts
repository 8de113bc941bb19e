import { Decimal as BaseDecimal } from 'decimal.js';

/**
 * decimal.js defaults to 20 significant digits, fewer than a numeric(28,8) sum can hold;
 * a private clone with 60 keeps every sum exact without touching the global settings.
 */
export const Decimal = BaseDecimal.clone({ precision: 60, rounding: BaseDecimal.ROUND_HALF_EVEN, toExpNeg: -60, toExpPos: 60 });
export type Decimal = InstanceType<typeof Decimal>;

/** numeric(28,8) comes back as "12.50000000": show at least cents, and every significant place. */
export function formatAmount(value: string | Decimal): string {
  const d = new Decimal(value);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

/** Quantities (device-hours) without trailing zeros. */
export function formatQuantity(value: string | null): string | null {
  return value === null ? null : new Decimal(value).toFixed();
}
