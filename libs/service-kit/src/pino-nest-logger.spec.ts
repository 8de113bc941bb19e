import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { createLogger } from '@cp/observability';
import { PinoNestLogger } from './pino-nest-logger.js';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), text: () => chunks.join('') };
}

describe('PinoNestLogger', () => {
  it('writes JSON lines with the service and Nest context, only at the enabled levels', () => {
    const out = capture();
    const logger = new PinoNestLogger('inventory', ['fatal', 'error', 'warn'], createLogger({ destination: out.stream, level: 'trace' }));
    logger.log('started', 'NestApplication');
    logger.warn('slow start', 'InventoryLifecycle');
    logger.error('failed', 'Error: boom\n    at x (y.ts:1:1)', 'ExceptionsHandler');
    expect(out.lines()).toEqual([
      expect.objectContaining({ level: 'warn', service: 'inventory', context: 'InventoryLifecycle', msg: 'slow start' }),
      expect.objectContaining({ level: 'error', service: 'inventory', context: 'ExceptionsHandler', msg: 'failed', stack: 'Error: boom\n    at x (y.ts:1:1)' }),
    ]);
  });

  it('redacts the authorization header of a logged request', () => {
    const out = capture();
    const logger = new PinoNestLogger('gateway', ['log'], createLogger({ destination: out.stream }));
    logger.log({ msg: 'request', req: { headers: { authorization: 'Bearer pln-0d6c1f0e-secret-token' } } }, 'Http');
    expect(out.text()).not.toContain('pln-0d6c1f0e-secret-token');
    expect(out.lines()[0]).toMatchObject({ msg: 'request', context: 'Http', req: { headers: { authorization: '[REDACTED]' } } });
  });
});
