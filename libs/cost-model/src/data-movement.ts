import { CostModelError } from './cost-model.error.js';
import { nonNegative, positive, positiveInteger, quotient, text, type Dec, type DecimalInput } from './decimal.js';
import { CALLER_INPUT, decimalRange, describeRange, mapRange, quantity, reversed, sourceOf, type Assumption, type Estimate, type LineItem, type Uncertain } from './estimate.js';
import { money, moneyAmount, type Money, type SourcedMoney } from './money.js';

export type DataMovementMode = 'NETWORK' | 'SHIP_DRIVES';

/** Terms of carrying drives (fact sheet §5.4 observed practice); the scenario file holds defaults. */
export interface ShippingTerms {
  readonly costPerShipment: SourcedMoney;
  /** Door-to-door days of one shipment, including copying on and off the drives. */
  readonly daysPerShipment: DecimalInput;
  /** Decimal terabytes (1 TB = 1,000 GB) one shipment carries. */
  readonly tbPerShipment: DecimalInput;
  /** Shipments that can travel at once; absent means one at a time, stated in assumptions. */
  readonly concurrentShipments?: number;
  readonly source?: string;
}

export interface DataMovementInput {
  /** Decimal gigabytes (1 GB = 10⁹ bytes). */
  readonly volumeGb: DecimalInput;
  readonly mode: DataMovementMode;
  /** NETWORK: price per GB leaving the source; absent throws MISSING_PRICE (pass "0" for free ingress). */
  readonly egressPricePerGb?: SourcedMoney | null;
  /** NETWORK: sustained throughput of the path, Gbit/s; absent throws MISSING_INPUT. */
  readonly linkGbps?: Uncertain<DecimalInput> | null;
  /** SHIP_DRIVES: absent throws MISSING_INPUT. */
  readonly shipping?: ShippingTerms | null;
}

export interface DataMovementOutcome {
  readonly cost: Money;
  readonly transferDays: string;
  /** Shipments for SHIP_DRIVES; null for NETWORK. */
  readonly shipments: number | null;
}

const BITS_PER_BYTE = 8;
const SECONDS_PER_DAY = 86_400;
const GB_PER_TB = 1_000;

/**
 * Cost and calendar days of moving a data set. NETWORK: days = GB × 8 / (Gbps × 86,400) at the
 * sustained rate, cost = GB × egress price. SHIP_DRIVES: shipments = ceil(TB / TB per shipment),
 * cost = shipments × cost per shipment, days = ceil(shipments / concurrent) × days per shipment.
 * `range.low` is the fastest case (for NETWORK, the high link speed).
 */
export function dataMovement(input: DataMovementInput): Estimate<DataMovementOutcome> {
  const volumeGb = nonNegative('volumeGb', input.volumeGb);
  if (input.mode === 'NETWORK') return network(volumeGb, input);
  if (input.mode === 'SHIP_DRIVES') return shipDrives(volumeGb, input);
  throw new CostModelError('INVALID_INPUT', `mode must be NETWORK or SHIP_DRIVES, got ${JSON.stringify(input.mode)}`, { missing: 'mode' });
}

function network(volumeGb: Dec, input: DataMovementInput): Estimate<DataMovementOutcome> {
  if (input.linkGbps === null || input.linkGbps === undefined) {
    throw new CostModelError('MISSING_INPUT', 'NETWORK data movement needs linkGbps (sustained throughput)', { missing: 'linkGbps' });
  }
  const price = input.egressPricePerGb;
  if (price === null || price === undefined) {
    throw new CostModelError('MISSING_PRICE', 'NETWORK data movement needs egressPricePerGb; pass "0" for a free path, it is never assumed', { missing: 'egressPricePerGb' });
  }
  const gbps = decimalRange('linkGbps', input.linkGbps, positive);
  const cost = money(volumeGb.mul(moneyAmount('egressPricePerGb', price)), price.currency);
  const gigabits = volumeGb.mul(BITS_PER_BYTE);
  const range = mapRange(reversed(gbps), (rate): DataMovementOutcome => ({ cost, transferDays: text(quotient(gigabits, rate.mul(SECONDS_PER_DAY))), shipments: null }));
  return {
    breakdown: [
      { name: 'transfer days', value: { value: range.expected.transferDays, unit: 'day' }, formula: `${text(volumeGb)} GB × 8 / (${text(gbps.expected)} Gbps × 86,400 s/day)` },
      { name: 'egress', value: cost, formula: `${text(volumeGb)} GB × ${price.amount} ${price.currency}/GB` },
    ],
    assumptions: [
      { name: 'volume', value: `${text(volumeGb)} GB (decimal)`, source: CALLER_INPUT },
      { name: 'sustained link throughput', value: describeRange(gbps, 'Gbps'), source: sourceOf(input.linkGbps) },
      { name: 'egress price', value: `${price.amount} ${price.currency}/GB`, source: sourceOf(price) },
      { name: 'protocol overhead', value: 'none beyond the sustained rate given (pass a goodput, not a port speed)', source: 'model convention' },
    ],
    range,
  };
}

function shipDrives(volumeGb: Dec, input: DataMovementInput): Estimate<DataMovementOutcome> {
  const shipping = input.shipping;
  if (shipping === null || shipping === undefined) {
    throw new CostModelError('MISSING_INPUT', 'SHIP_DRIVES data movement needs shipping terms', { missing: 'shipping' });
  }
  const given = shipping.costPerShipment as SourcedMoney | null | undefined;
  if (given === null || given === undefined) throw new CostModelError('MISSING_PRICE', 'shipping needs costPerShipment', { missing: 'shipping.costPerShipment' });
  const perShipment = moneyAmount('shipping.costPerShipment', shipping.costPerShipment);
  const days = positive('shipping.daysPerShipment', shipping.daysPerShipment);
  const tb = positive('shipping.tbPerShipment', shipping.tbPerShipment);
  const concurrentGiven = shipping.concurrentShipments !== undefined;
  const concurrent = concurrentGiven ? positiveInteger('shipping.concurrentShipments', shipping.concurrentShipments as number) : 1;

  const volumeTb = volumeGb.div(GB_PER_TB);
  const shipments = volumeTb.div(tb).ceil();
  const waves = shipments.div(concurrent).ceil();
  const outcome: DataMovementOutcome = {
    cost: money(shipments.mul(perShipment), shipping.costPerShipment.currency),
    transferDays: text(waves.mul(days)),
    shipments: shipments.toNumber(),
  };
  const source = shipping.source ?? CALLER_INPUT;
  const breakdown: LineItem[] = [
    { name: 'shipments', value: quantity(shipments, 'shipment'), formula: `ceil(${text(volumeTb)} TB / ${text(tb)} TB per shipment)` },
    { name: 'transfer days', value: { value: outcome.transferDays, unit: 'day' }, formula: `ceil(${text(shipments)} / ${concurrent} at once) × ${text(days)} days` },
    { name: 'shipping', value: outcome.cost, formula: `${text(shipments)} × ${shipping.costPerShipment.amount} ${shipping.costPerShipment.currency}` },
  ];
  const assumptions: Assumption[] = [
    { name: 'volume', value: `${text(volumeGb)} GB = ${text(volumeTb)} TB (decimal)`, source: CALLER_INPUT },
    { name: 'cost per shipment', value: `${shipping.costPerShipment.amount} ${shipping.costPerShipment.currency}`, source: sourceOf(shipping.costPerShipment, source) },
    { name: 'days per shipment', value: text(days), source },
    { name: 'TB per shipment', value: text(tb), source },
    { name: 'concurrent shipments', value: concurrentGiven ? String(concurrent) : '1 (none given: shipments travel one after another)', source: concurrentGiven ? source : 'model convention' },
  ];
  return { breakdown, assumptions, range: { low: outcome, expected: outcome, high: outcome } };
}
