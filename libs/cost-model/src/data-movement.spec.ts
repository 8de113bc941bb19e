import { describe, expect, it } from '@jest/globals';
import { dataMovement, type DataMovementInput, type ShippingTerms } from './data-movement.js';
import { costModelError } from './test/expect-error.js';

const shipping: ShippingTerms = { costPerShipment: { amount: '7200.00', currency: 'USD' }, daysPerShipment: 3, tbPerShipment: 80, source: 'scenario shipping' };
const egress = { amount: '0.09', currency: 'USD' };

describe('dataMovement', () => {
  const network: { name: string; volumeGb: number; gbps: number; days: string; cost: string }[] = [
    // Fact sheet §5.4: 80 TB takes ~7.4 days at 1 Gbps; 1 Gbps ≈ 10.8 TB/day; 10 Gbps ≈ 108 TB/day.
    { name: '80 TB at 1 Gbps', volumeGb: 80_000, gbps: 1, days: '7.4074074074', cost: '7200' },
    { name: '80 TB at 10 Gbps', volumeGb: 80_000, gbps: 10, days: '0.7407407407', cost: '7200' },
    { name: '10.8 TB at 1 Gbps is one day', volumeGb: 10_800, gbps: 1, days: '1', cost: '972' },
    { name: '108 TB at 10 Gbps is one day', volumeGb: 108_000, gbps: 10, days: '1', cost: '9720' },
  ];
  it.each(network)('NETWORK: $name takes $days days', ({ volumeGb, gbps, days, cost }) => {
    const e = dataMovement({ volumeGb, mode: 'NETWORK', linkGbps: gbps, egressPricePerGb: egress }).range.expected;
    expect(e).toEqual({ transferDays: days, cost: { amount: cost, currency: 'USD' }, shipments: null });
    expect(Number(e.transferDays)).toBeCloseTo(volumeGb / (gbps * 10_800), 9);
  });

  it('NETWORK: low is the fastest link', () => {
    const { range } = dataMovement({ volumeGb: 80_000, mode: 'NETWORK', linkGbps: { low: 0.5, expected: 1, high: 10 }, egressPricePerGb: egress });
    expect([range.low.transferDays, range.expected.transferDays, range.high.transferDays]).toEqual(['0.7407407407', '7.4074074074', '14.8148148148']);
  });

  const shipped: { name: string; volumeGb: number; terms: ShippingTerms; shipments: number; days: string; cost: string }[] = [
    { name: '80 TB, as the Kuala Lumpur team carried it (fact sheet §5.4)', volumeGb: 80_000, terms: shipping, shipments: 1, days: '3', cost: '7200' },
    { name: '200 TB one shipment after another', volumeGb: 200_000, terms: shipping, shipments: 3, days: '9', cost: '21600' },
    { name: '200 TB with three teams at once', volumeGb: 200_000, terms: { ...shipping, concurrentShipments: 3 }, shipments: 3, days: '3', cost: '21600' },
    { name: '200 TB with two teams at once', volumeGb: 200_000, terms: { ...shipping, concurrentShipments: 2 }, shipments: 3, days: '6', cost: '21600' },
  ];
  it.each(shipped)('SHIP_DRIVES: $name', ({ volumeGb, terms, shipments, days, cost }) => {
    const result = dataMovement({ volumeGb, mode: 'SHIP_DRIVES', shipping: terms });
    expect(result.range.expected).toEqual({ shipments, transferDays: days, cost: { amount: cost, currency: 'USD' } });
    expect(result.assumptions.find((a) => a.name === 'cost per shipment')?.source).toBe('scenario shipping');
  });

  it('SHIP_DRIVES: says when shipments are assumed sequential', () => {
    const { assumptions } = dataMovement({ volumeGb: 1, mode: 'SHIP_DRIVES', shipping });
    expect(assumptions.find((a) => a.name === 'concurrent shipments')?.value).toMatch(/none given/);
  });

  const missing: { name: string; input: DataMovementInput; code: 'MISSING_PRICE' | 'MISSING_INPUT'; what: string }[] = [
    { name: 'egress price', input: { volumeGb: 1, mode: 'NETWORK', linkGbps: 1 }, code: 'MISSING_PRICE', what: 'egressPricePerGb' },
    { name: 'link speed', input: { volumeGb: 1, mode: 'NETWORK', egressPricePerGb: egress }, code: 'MISSING_INPUT', what: 'linkGbps' },
    { name: 'null link speed', input: { volumeGb: 1, mode: 'NETWORK', egressPricePerGb: egress, linkGbps: null }, code: 'MISSING_INPUT', what: 'linkGbps' },
    { name: 'shipping terms', input: { volumeGb: 1, mode: 'SHIP_DRIVES' }, code: 'MISSING_INPUT', what: 'shipping' },
    { name: 'cost per shipment', input: { volumeGb: 1, mode: 'SHIP_DRIVES', shipping: { ...shipping, costPerShipment: null as never } }, code: 'MISSING_PRICE', what: 'shipping.costPerShipment' },
  ];
  it.each(missing)('throws $code when the $name is missing', ({ input, code, what }) => {
    expect(costModelError(() => dataMovement(input), code).missing).toBe(what);
  });

  it('prices a free path only when told so', () => {
    const e = dataMovement({ volumeGb: 80_000, mode: 'NETWORK', linkGbps: 1, egressPricePerGb: { amount: '0', currency: 'USD' } }).range.expected;
    expect(e.cost).toEqual({ amount: '0', currency: 'USD' });
  });
});
