import { describe, expect, it } from '@jest/globals';
import { auditDetail, auditTargets } from './audit-detail.js';

describe('auditDetail', () => {
  it('redacts fields that carry secrets, at any depth', () => {
    expect(auditDetail({ input: { name: 'ci', apiKey: 'cpk_x', nested: { password: 'p', clientSecret: 's' } }, token: 't' })).toEqual({
      input: { name: 'ci', apiKey: '[redacted]', nested: { password: '[redacted]', clientSecret: '[redacted]' } },
      token: '[redacted]',
    });
  });

  it('cuts long strings and long lists, and keeps non-finite numbers readable', () => {
    const detail = auditDetail({ text: 'x'.repeat(1_000), list: Array.from({ length: 25 }, (_, i) => i), n: Number.NaN }) as Record<string, unknown>;
    expect(detail.text).toBe(`${'x'.repeat(256)}… (1000 characters)`);
    expect(detail.list).toHaveLength(21);
    expect((detail.list as unknown[])[20]).toBe('… 5 more');
    expect(detail.n).toBe('NaN');
  });

  it('stops at depth six', () => {
    expect(auditDetail({ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } })).toEqual({ a: { b: { c: { d: { e: { f: '…' } } } } } });
  });
});

describe('auditTargets', () => {
  it('collects the result id and ids one level down', () => {
    expect(auditTargets({ id: 'r1', key: { id: 'k1', deeper: { id: 'no' } }, items: [{ id: 'i1' }] })).toEqual(['r1', 'k1', 'i1']);
  });
});
