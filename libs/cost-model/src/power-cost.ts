import { CostModelError } from './cost-model.error.js';
import { invalid, nonNegative, positive, positiveInteger, text, type Dec, type DecimalInput } from './decimal.js';
import { CASES, CALLER_INPUT, decimalRange, describeRange, sourceOf, type Estimate, type Range, type Uncertain } from './estimate.js';
import { money, moneyAmount, type Money, type SourcedMoney } from './money.js';

export interface PowerCostInput {
  /** Board power per device, W. Null (an UNVERIFIED TDP) throws MISSING_INPUT. */
  readonly tdpW: DecimalInput | null;
  readonly devices: number;
  /** Hours each device runs. */
  readonly hours: Uncertain<DecimalInput>;
  /** Average draw as a fraction of TDP, in [0, 1]. */
  readonly utilisation: Uncertain<DecimalInput>;
  /** Facility power / IT power, ≥ 1. */
  readonly pue: Uncertain<DecimalInput>;
  /** Price per kWh. Null or absent throws MISSING_PRICE: power is never priced at zero by default. */
  readonly powerPrice: SourcedMoney | null | undefined;
}

export interface PowerCostOutcome {
  readonly energyKwh: string;
  readonly cost: Money;
}

function utilisationOf(name: string, value: DecimalInput): Dec {
  const d = nonNegative(name, value);
  if (d.gt(1)) throw invalid(name, `must be a fraction in [0, 1], got ${text(d)}`);
  return d;
}

function pueOf(name: string, value: DecimalInput): Dec {
  const d = positive(name, value);
  if (d.lt(1)) throw invalid(name, `must be at least 1, got ${text(d)}`);
  return d;
}

/**
 * Energy (kWh) = TDP × devices × hours × utilisation × PUE / 1000, and its cost at the power
 * price, both exact. Every input raises the cost, so `range.low` takes each input's low.
 */
export function powerCost(input: PowerCostInput): Estimate<PowerCostOutcome> {
  if (input.tdpW === null || input.tdpW === undefined) throw new CostModelError('MISSING_INPUT', 'powerCost needs tdpW (no TDP is known for this device)', { missing: 'tdpW' });
  if (input.powerPrice === null || input.powerPrice === undefined) {
    throw new CostModelError('MISSING_PRICE', 'powerCost needs powerPrice (per kWh); it is never assumed to be zero', { missing: 'powerPrice' });
  }
  const tdp = positive('tdpW', input.tdpW);
  const devices = positiveInteger('devices', input.devices);
  const hours = decimalRange('hours', input.hours, nonNegative);
  const utilisation = decimalRange('utilisation', input.utilisation, utilisationOf);
  const pue = decimalRange('pue', input.pue, pueOf);
  const price = moneyAmount('powerPrice', input.powerPrice);
  const currency = input.powerPrice.currency;

  const energy = (which: (typeof CASES)[number]): Dec => tdp.mul(devices).mul(hours[which]).mul(utilisation[which]).mul(pue[which]).div(1000);
  const outcome = (which: (typeof CASES)[number]): PowerCostOutcome => {
    const kwh = energy(which);
    return { energyKwh: text(kwh), cost: money(kwh.mul(price), currency) };
  };
  const range: Range<PowerCostOutcome> = { low: outcome('low'), expected: outcome('expected'), high: outcome('high') };
  const e = range.expected;

  return {
    breakdown: [
      {
        name: 'energy',
        value: { value: e.energyKwh, unit: 'kWh' },
        formula: `${text(tdp)} W × ${devices} devices × ${text(hours.expected)} h × utilisation ${text(utilisation.expected)} × PUE ${text(pue.expected)} / 1000`,
      },
      { name: 'power cost', value: e.cost, formula: `${e.energyKwh} kWh × ${input.powerPrice.amount} ${currency}/kWh` },
    ],
    assumptions: [
      { name: 'TDP per device', value: `${text(tdp)} W`, source: CALLER_INPUT },
      { name: 'hours per device', value: describeRange(hours, 'h'), source: sourceOf(input.hours) },
      { name: 'utilisation', value: describeRange(utilisation), source: sourceOf(input.utilisation) },
      { name: 'PUE', value: describeRange(pue), source: sourceOf(input.pue) },
      { name: 'power price', value: `${input.powerPrice.amount} ${currency}/kWh${input.powerPrice.asOf ? ` as of ${input.powerPrice.asOf}` : ''}`, source: sourceOf(input.powerPrice) },
      { name: 'draw model', value: 'draw = TDP × utilisation (idle draw ignored; pass utilisation 1 for a conservative figure)', source: 'model convention' },
    ],
    range,
  };
}

