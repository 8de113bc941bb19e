import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { createLogger, REDACTED, scrubText } from './logging.js';
import { initTelemetry, inSpan } from './tracing.js';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join(''), lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const SECRET = 'sk-live-5f1e0c9a2b7d4e8f';

describe('createLogger', () => {
  it('never writes a bearer token, whether in headers, in secret-named fields or in the message text', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream });
    logger.info(
      {
        req: { method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' } },
        token: SECRET,
        config: { password: SECRET, apiKey: SECRET, nested: { secret: SECRET } },
      },
      `request with authorization: Bearer ${SECRET}`,
    );
    logger.warn(`retrying postgres://planner:${SECRET}@db:5432/cp with token=${SECRET}`);
    expect(out.text()).not.toContain(SECRET);
    const [first, second] = out.lines();
    expect(first).toMatchObject({
      level: 'info',
      msg: `request with authorization: Bearer ${REDACTED}`,
      req: { method: 'POST', headers: { authorization: REDACTED, 'content-type': 'application/json' } },
      token: REDACTED,
      config: { password: REDACTED, apiKey: REDACTED, nested: { secret: REDACTED } },
    });
    expect(second).toMatchObject({ level: 'warn', msg: `retrying postgres://planner:${REDACTED}@db:5432/cp with token=${REDACTED}` });
  });

  it('adds the trace id of the span being handled as correlationId, and none outside a span', async () => {
    initTelemetry({ serviceName: 'logging-spec' });
    const out = capture();
    const logger = createLogger({ destination: out.stream });
    let traceId = '';
    await inSpan('handle', {}, async (span) => {
      traceId = span.spanContext().traceId;
      await Promise.resolve();
      logger.info('inside');
    });
    logger.info('outside');
    const [inside, outside] = out.lines();
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(inside).toMatchObject({ msg: 'inside', correlationId: traceId });
    expect(outside).not.toHaveProperty('correlationId');
  });
});

describe('scrubText', () => {
  it.each([
    ['Authorization: Basic dXNlcjpwYXNz', `Authorization: Basic ${REDACTED}`],
    ['{"apiKey":"abc123"}', `{"apiKey":"${REDACTED}"}`],
    ['nothing secret here', 'nothing secret here'],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });
});
