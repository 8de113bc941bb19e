import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { extractTraceContext, initTelemetry, injectTraceContext, inSpan, shutdownTelemetry, SpanKind, trace } from './tracing.js';

const received: { url: string; contentType: string; body: string }[] = [];
const collector = createServer((req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ url: req.url ?? '', contentType: String(req.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

afterAll(async () => {
  await new Promise((resolve) => collector.close(resolve));
});

describe('tracing', () => {
  it('exports spans over OTLP/HTTP to <endpoint>/v1/traces, and carries the context through message headers', async () => {
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    initTelemetry({ serviceName: 'otlp-spec', otlpEndpoint: `http://127.0.0.1:${port}/` });

    let headers: Record<string, string> = {};
    let sentTraceId = '';
    await inSpan('orders.place request', { kind: SpanKind.CLIENT }, async (span) => {
      sentTraceId = span.spanContext().traceId;
      headers = injectTraceContext({ 'cp-topic': 'orders.place' });
    });
    expect(headers['traceparent']).toMatch(new RegExp(`^00-${sentTraceId}-[0-9a-f]{16}-01$`));

    let receivedTraceId = '';
    await inSpan('orders.place process', { kind: SpanKind.CONSUMER, parent: extractTraceContext(headers) }, async () => {
      receivedTraceId = trace.getActiveSpan()!.spanContext().traceId;
    });
    expect(receivedTraceId).toBe(sentTraceId);

    await shutdownTelemetry(); // flushes the batch processor
    expect(received.map((r) => r.url)).toContain('/v1/traces');
    const body = received.map((r) => r.body).join('\n');
    expect(body).toContain('orders.place request');
    expect(body).toContain('orders.place process');
    expect(body).toContain('otlp-spec');
  });
});
