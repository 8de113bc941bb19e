import { inSpan, messagingMetrics, SpanKind } from '@cp/observability';
import type { RouteOwner } from './dispatch.js';

/**
 * The sender's side of a hop: a PRODUCER span for an event, a CLIENT span for a request
 * (it lasts until the reply), active while the message is encoded so its headers carry it.
 */
export async function sending<T>(topic: string, operation: 'request' | 'publish', owner: RouteOwner, send: () => Promise<T>): Promise<T> {
  const labels = { service: owner.service, topic, transport: owner.transport };
  messagingMetrics.produced.inc(labels);
  const startedAt = performance.now();
  let outcome = 'error';
  try {
    const result = await inSpan(
      `${topic} ${operation}`,
      {
        kind: operation === 'request' ? SpanKind.CLIENT : SpanKind.PRODUCER,
        attributes: {
          'messaging.system': owner.transport === 'kafka' ? 'kafka' : 'in-process',
          'messaging.destination.name': topic,
          'messaging.operation.type': 'send',
          'cp.service': owner.service,
        },
      },
      send,
    );
    outcome = 'ok';
    return result;
  } finally {
    if (operation === 'request') messagingMetrics.requestDuration.observe({ ...labels, outcome }, (performance.now() - startedAt) / 1000);
  }
}

/** Counts a message the transport sends on its own behalf (a reply, a dead letter). */
export function countProduced(topic: string, owner: RouteOwner): void {
  messagingMetrics.produced.inc({ service: owner.service, topic, transport: owner.transport });
}
