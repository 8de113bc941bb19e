import type { MessageBus } from '@cp/messaging';

/** Wraps a bus and counts the requests sent per topic, to assert batching (no N+1). */
export function countingBus(inner: MessageBus): { bus: MessageBus; requests: Map<string, number> } {
  const requests = new Map<string, number>();
  const bus: MessageBus = {
    handle: (contract, handler, options) => inner.handle(contract, handler, options),
    subscribe: (contract, handler, options) => inner.subscribe(contract, handler, options),
    request: (contract, payload, options) => {
      requests.set(contract.topic.name, (requests.get(contract.topic.name) ?? 0) + 1);
      return inner.request(contract, payload, options);
    },
    publish: (contract, payload, options) => inner.publish(contract, payload, options),
    start: () => inner.start(),
    stop: () => inner.stop(),
    health: () => inner.health(),
  };
  return { bus, requests };
}
