import { CostModelError } from './cost-model.error.js';
import { invalid, nonNegative, positive, positiveInteger, quotient, text, type Dec, type DecimalInput } from './decimal.js';
import {
  CALLER_INPUT,
  CASES,
  decimalRange,
  describeRange,
  isRange,
  mapRange,
  quantity,
  sourceOf,
  type Assumption,
  type Case,
  type Estimate,
  type LineItem,
  type Range,
  type Uncertain,
} from './estimate.js';
import { convert, fxAssumption, type FxRate } from './fx.js';
import { money, moneyAmount, sumMoney, type Money, type SourcedMoney } from './money.js';
import { powerCost, type PowerCostInput } from './power-cost.js';

/** Price-book bases priced per device-hour (contracts' PriceReference also has CAPEX, per device). */
export type PriceBasis = 'ON_DEMAND' | 'COMMITTED';

/** Converts every component into one currency with effective-dated FX rows. */
export interface ReportIn {
  readonly currency: string;
  readonly fxRates: readonly FxRate[];
  readonly onDate: string;
}

interface CapacityUse {
  readonly devices: number;
  /** Hours each device is held (wall-clock hours of a run, or hours per month × months). */
  readonly hours: Uncertain<DecimalInput>;
  /** Without it, every component must already be in one currency (else CURRENCY_MISMATCH). */
  readonly reportIn?: ReportIn;
}

export interface LeasedCapacityInput extends CapacityUse {
  readonly ownership: 'LEASED_IAAS';
  readonly basis: PriceBasis;
  /** Rates per device-hour by basis; the chosen basis missing throws MISSING_PRICE. */
  readonly priceBook: Partial<Record<PriceBasis, Uncertain<SourcedMoney> | null>>;
}

/** Power of owned or colocated devices; devices and hours come from the capacity use. */
export type DevicePower = Omit<PowerCostInput, 'devices' | 'hours'>;

export interface OwnedCapacityInput extends CapacityUse {
  readonly ownership: 'OWNED';
  /** Capital as a purchase price per device, amortised straight-line over `lifeMonths`. */
  readonly purchasePricePerDevice?: Uncertain<SourcedMoney> | null;
  /**
   * Capital as an internal chargeback rate per device-hour instead of a purchase price (an
   * owner that prices its fleet per hour): capital = rate × device-hours, no amortisation.
   * Give this or `purchasePricePerDevice`, not both.
   */
  readonly chargebackRatePerDeviceHour?: Uncertain<SourcedMoney> | null;
  /** Straight-line life, months (a scenario-file assumption); needed with a purchase price. */
  readonly lifeMonths?: DecimalInput;
  readonly hoursPerMonth: DecimalInput;
  readonly power: DevicePower;
}

export interface ColocationCapacityInput extends Omit<OwnedCapacityInput, 'ownership'> {
  readonly ownership: 'COLOCATION';
  /** Fee per device-month; absent means the facility charges none, stated in assumptions. */
  readonly colocationFeePerDeviceMonth?: SourcedMoney | null;
}

export type CapacityCostInput = LeasedCapacityInput | OwnedCapacityInput | ColocationCapacityInput;

export interface CapacityCostOutcome {
  readonly deviceHours: string;
  readonly lease: Money | null;
  readonly capital: Money | null;
  readonly colocationFee: Money | null;
  readonly power: Money | null;
  readonly total: Money;
}

interface PriceRange {
  readonly range: Range<Dec>;
  readonly currency: string;
  readonly source: string;
  readonly text: string;
}

function missingPrice(missing: string, what: string): CostModelError {
  return new CostModelError('MISSING_PRICE', `capacityCost needs ${what} (${missing}); a missing price is never zero`, { missing });
}

function priceRange(name: string, value: Uncertain<SourcedMoney>): PriceRange {
  const points: Range<SourcedMoney> = isRange(value) ? value : { low: value, expected: value, high: value };
  const currency = points.expected.currency;
  const range = mapRange(points, (m, which) => {
    const amount = moneyAmount(`${name}.${which}`, m);
    if (m.currency !== currency) throw invalid(`${name}.${which}.currency`, `must match the expected price's ${currency}, got ${m.currency}`);
    return amount;
  });
  if (range.low.gt(range.expected) || range.expected.gt(range.high)) throw invalid(name, 'must satisfy low ≤ expected ≤ high');
  return { range, currency, source: sourceOf(value, sourceOf(points.expected)), text: `${describeRange(range)} ${currency}` };
}

/**
 * Cost of holding `devices` for `hours` under one ownership model:
 * - LEASED_IAAS: price-book rate (ON_DEMAND or COMMITTED) × device-hours; power is in the rate.
 * - OWNED: purchase price × device-hours / (life months × hours per month), straight-line with no
 *   residual value or financing cost, or an internal chargeback rate × device-hours; plus power.
 * - COLOCATION: OWNED plus the colocation fee × device-hours / hours per month (when given).
 * Each uncertain input (hours, price, power inputs) raises the cost, so `range.low` takes every low.
 */
export function capacityCost(input: CapacityCostInput): Estimate<CapacityCostOutcome> {
  const devices = positiveInteger('devices', input.devices);
  const hours = decimalRange('hours', input.hours, nonNegative);
  const deviceHours = mapRange(hours, (h) => h.mul(devices));
  const breakdown: LineItem[] = [{ name: 'device-hours', value: quantity(deviceHours.expected, 'device-hour'), formula: `${devices} devices × ${text(hours.expected)} h` }];
  const assumptions: Assumption[] = [
    { name: 'ownership', value: input.ownership, source: CALLER_INPUT },
    { name: 'hours per device', value: describeRange(hours, 'h'), source: sourceOf(input.hours) },
  ];

  type Parts = Omit<CapacityCostOutcome, 'deviceHours' | 'total'>;
  const parts: Record<Case, Parts> = { low: empty(), expected: empty(), high: empty() };

  if (input.ownership === 'LEASED_IAAS') {
    const quote = input.priceBook?.[input.basis];
    if (quote === null || quote === undefined) throw missingPrice(`priceBook.${input.basis}`, `a ${input.basis} rate per device-hour`);
    const price = priceRange(`priceBook.${input.basis}`, quote);
    for (const c of CASES) parts[c] = { ...parts[c], lease: money(price.range[c].mul(deviceHours[c]), price.currency) };
    breakdown.push({ name: `lease (${input.basis})`, value: parts.expected.lease as Money, formula: `${text(deviceHours.expected)} device-hours × ${text(price.range.expected)} ${price.currency}/device-hour` });
    assumptions.push(
      { name: `${input.basis} rate per device-hour`, value: price.text, source: price.source },
      { name: 'power', value: 'included in the lease rate', source: 'model convention' },
    );
  } else {
    const price = input.purchasePricePerDevice;
    const chargeback = input.chargebackRatePerDeviceHour;
    const hoursPerMonth = positive('hoursPerMonth', input.hoursPerMonth);
    if (chargeback !== null && chargeback !== undefined) {
      if (price !== null && price !== undefined) {
        throw invalid('chargebackRatePerDeviceHour', 'and purchasePricePerDevice are alternatives: give one');
      }
      const rate = priceRange('chargebackRatePerDeviceHour', chargeback);
      for (const c of CASES) parts[c] = { ...parts[c], capital: money(rate.range[c].mul(deviceHours[c]), rate.currency) };
      breakdown.push({
        name: 'capital (chargeback)',
        value: parts.expected.capital as Money,
        formula: `${text(deviceHours.expected)} device-hours × ${text(rate.range.expected)} ${rate.currency}/device-hour`,
      });
      assumptions.push(
        { name: 'chargeback rate per device-hour', value: rate.text, source: rate.source },
        { name: 'capital', value: 'an internal chargeback rate per device-hour stands in for capital (no purchase price amortised); power is charged on top', source: CALLER_INPUT },
      );
    } else {
      if (price === null || price === undefined) throw missingPrice('purchasePricePerDevice', 'a purchase price per device or a chargeback rate per device-hour');
      const purchase = priceRange('purchasePricePerDevice', price);
      if (input.lifeMonths === undefined) throw new CostModelError('MISSING_INPUT', 'capacityCost needs lifeMonths to amortise a purchase price', { missing: 'lifeMonths' });
      const lifeMonths = positive('lifeMonths', input.lifeMonths);
      const lifeHours = lifeMonths.mul(hoursPerMonth);
      for (const c of CASES) parts[c] = { ...parts[c], capital: money(quotient(purchase.range[c].mul(deviceHours[c]), lifeHours), purchase.currency) };
      breakdown.push({
        name: 'amortised capital',
        value: parts.expected.capital as Money,
        formula: `${text(purchase.range.expected)} ${purchase.currency} × ${text(deviceHours.expected)} device-hours / (${text(lifeMonths)} months × ${text(hoursPerMonth)} h)`,
      });
      assumptions.push(
        { name: 'purchase price per device', value: purchase.text, source: purchase.source },
        { name: 'amortisation', value: `straight-line over ${text(lifeMonths)} months of ${text(hoursPerMonth)} h, charged per hour held; no residual value, no financing cost`, source: CALLER_INPUT },
      );
    }

    if (input.ownership === 'COLOCATION') {
      const fee = input.colocationFeePerDeviceMonth;
      if (fee === null || fee === undefined) {
        assumptions.push({ name: 'colocation fee', value: 'none given: excluded (pass colocationFeePerDeviceMonth if the facility charges one)', source: CALLER_INPUT });
      } else {
        const perMonth = moneyAmount('colocationFeePerDeviceMonth', fee);
        for (const c of CASES) parts[c] = { ...parts[c], colocationFee: money(quotient(perMonth.mul(deviceHours[c]), hoursPerMonth), fee.currency) };
        breakdown.push({ name: 'colocation fee', value: parts.expected.colocationFee as Money, formula: `${fee.amount} ${fee.currency}/device-month × ${text(deviceHours.expected)} device-hours / ${text(hoursPerMonth)} h` });
        assumptions.push({ name: 'colocation fee per device-month', value: `${fee.amount} ${fee.currency}`, source: sourceOf(fee) });
      }
    }

    const power = powerCost({ ...input.power, devices, hours: { low: text(hours.low), expected: text(hours.expected), high: text(hours.high) } });
    for (const c of CASES) parts[c] = { ...parts[c], power: power.range[c].cost };
    breakdown.push(...power.breakdown);
    assumptions.push(...power.assumptions.filter((a) => a.name !== 'hours per device').map((a) => ({ ...a, name: `power: ${a.name}` })));
  }

  const currencies = new Set(Object.values(parts.expected).filter((m): m is Money => m !== null).map((m) => m.currency));
  const reportIn = input.reportIn;
  if (reportIn === undefined && currencies.size > 1) {
    throw new CostModelError('CURRENCY_MISMATCH', `capacityCost components are in ${[...currencies].join(', ')}; pass reportIn with FX rates`, { missing: 'reportIn' });
  }
  // Every ownership model yields at least one component, so the set is never empty.
  const target = reportIn?.currency ?? ([...currencies][0] as string);
  if (reportIn !== undefined) {
    for (const from of currencies) {
      if (from !== target) assumptions.push(fxAssumption(reportIn.fxRates, from, target, reportIn.onDate));
    }
  }
  const inTarget = (m: Money | null): Money | null => (m === null || reportIn === undefined ? m : convert(m, target, reportIn.fxRates, reportIn.onDate));

  const range = mapRange(deviceHours, (dh, c): CapacityCostOutcome => {
    const p = parts[c];
    const converted = { lease: inTarget(p.lease), capital: inTarget(p.capital), colocationFee: inTarget(p.colocationFee), power: inTarget(p.power) };
    const total = sumMoney(Object.values(converted).filter((m): m is Money => m !== null), target);
    return { deviceHours: text(dh), ...converted, total };
  });
  breakdown.push({ name: 'total', value: range.expected.total, formula: `sum of components in ${target}` });
  return { breakdown, assumptions, range };
}

function empty(): Omit<CapacityCostOutcome, 'deviceHours' | 'total'> {
  return { lease: null, capital: null, colocationFee: null, power: null };
}
