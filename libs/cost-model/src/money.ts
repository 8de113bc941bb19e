import { CostModelError } from './cost-model.error.js';
import { D, invalid, text, type Dec } from './decimal.js';

/** `{ amount: decimal string, currency: ISO 4217 }`, the shape of `Money` in @cp/contracts; never a float. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

/** A price as given by its owner: Money, optionally with where it came from (recorded in assumptions). */
export type SourcedMoney = Money & { readonly source?: string; readonly asOf?: string | null };

const AMOUNT = /^-?\d+(\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

export function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null && typeof (value as Money).amount === 'string' && typeof (value as Money).currency === 'string';
}

/** Validates a Money input and returns its amount as a Decimal. */
export function moneyAmount(name: string, money: Money, options: { allowNegative?: boolean } = {}): Dec {
  if (!isMoney(money)) throw invalid(name, 'must be { amount, currency }');
  if (!AMOUNT.test(money.amount)) throw invalid(`${name}.amount`, `must be a decimal string such as "12.50", got ${JSON.stringify(money.amount)}`);
  if (!CURRENCY.test(money.currency)) throw invalid(`${name}.currency`, `must be an ISO 4217 code, got ${JSON.stringify(money.currency)}`);
  const amount = new D(money.amount);
  if (!options.allowNegative && amount.lt(0)) throw invalid(`${name}.amount`, `must not be negative, got ${money.amount}`);
  return amount;
}

export function money(amount: Dec, currency: string): Money {
  return { amount: text(amount), currency };
}

/** Number of digits after the point as written ("10.50" → 2), so a sum keeps its inputs' scale. */
function scaleOf(amount: string): number {
  const point = amount.indexOf('.');
  return point === -1 ? 0 : amount.length - point - 1;
}

/**
 * Exact sum of amounts in one currency. The result keeps the largest scale among its inputs, so
 * 100,000 × "0.10" is "10000.00". An empty list needs `currency`; mixed currencies throw
 * CURRENCY_MISMATCH (convert first).
 */
export function sumMoney(list: readonly Money[], currency?: string): Money {
  const target = currency ?? list[0]?.currency;
  if (target === undefined) throw new CostModelError('MISSING_INPUT', 'sumMoney of an empty list needs a currency', { missing: 'currency' });
  if (!CURRENCY.test(target)) throw invalid('currency', `must be an ISO 4217 code, got ${JSON.stringify(target)}`);
  let total = new D(0);
  let scale = 0;
  list.forEach((item, index) => {
    const amount = moneyAmount(`list[${index}]`, item, { allowNegative: true });
    if (item.currency !== target) {
      throw new CostModelError('CURRENCY_MISMATCH', `list[${index}] is in ${item.currency}, the sum is in ${target}; convert first`, { missing: `fx ${item.currency}/${target}` });
    }
    total = total.add(amount);
    scale = Math.max(scale, scaleOf(item.amount));
  });
  return { amount: total.isZero() ? new D(0).toFixed(scale) : total.toFixed(scale), currency: target };
}
