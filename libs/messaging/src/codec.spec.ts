import { describe, expect, it } from '@jest/globals';
import { Headers, ListSitesV1 } from '@cp/contracts';
import { decode, encode, PayloadValidationError } from './codec.js';

const valid = { first: 5, after: null, filter: { countryCode: 'MY' } };

describe('codec', () => {
  it('round-trips a valid payload with its correlation id and version', () => {
    const wire = encode(ListSitesV1, ListSitesV1.request, valid, { correlationId: 'corr-1' });
    expect(wire.headers[Headers.version]).toBe('1');
    expect(wire.headers[Headers.topic]).toBe('inventory.sites');
    const decoded = decode(ListSitesV1, ListSitesV1.request, wire);
    expect(decoded).toMatchObject({ ok: true, value: valid, context: { correlationId: 'corr-1', topic: 'inventory.sites' } });
  });

  it.each([
    [{ ...valid, first: 0 }, 'first'],
    [{ ...valid, filter: { countryCode: 'my' } }, 'filter.countryCode'],
    [{ ...valid, filter: { planet: 'Mars' } }, 'filter'],
  ])('refuses to send %j, naming %s', (payload, field) => {
    expect(() => encode(ListSitesV1, ListSitesV1.request, payload, {})).toThrow(PayloadValidationError);
    try {
      encode(ListSitesV1, ListSitesV1.request, payload, {});
    } catch (error) {
      expect((error as PayloadValidationError).field).toBe(field);
    }
  });

  it.each([
    ['a missing version', { [Headers.messageId]: 'm' }, Buffer.from(JSON.stringify(valid)), /missing header cp-version/],
    ['another version', { [Headers.version]: '2' }, Buffer.from(JSON.stringify(valid)), /unsupported version 2 on inventory.sites; this consumer reads version 1/],
    ['a body that is not JSON', { [Headers.version]: '1' }, Buffer.from('{"first":'), /body is not valid JSON/],
    ['a body of the wrong shape', { [Headers.version]: '1' }, Buffer.from(JSON.stringify({ ...valid, first: 'five' })), /^first: /],
  ])('rejects a message with %s, with the reason', (_case, headers, value, reason) => {
    const decoded = decode(ListSitesV1, ListSitesV1.request, { key: null, value, headers });
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? '' : decoded.reason).toMatch(reason);
  });
});
