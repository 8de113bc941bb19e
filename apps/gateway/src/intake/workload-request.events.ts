import { PubSub } from 'graphql-subscriptions';
import type { WorkloadRequestEntity } from './workload-request.entity.js';

/**
 * Status changes of workload requests, for the GraphQL subscription. In process: a client
 * subscribed to one gateway instance sees the requests that instance evaluates (with several
 * instances, subscribe where the key's partition is consumed, or poll workloadRequest).
 */
export const WORKLOAD_REQUEST_EVENTS = Symbol('WORKLOAD_REQUEST_EVENTS');
export const WORKLOAD_REQUEST_CHANGED = 'workloadRequestChanged';

export interface WorkloadRequestChanged {
  readonly row: WorkloadRequestEntity;
}

export function workloadRequestEvents(): PubSub {
  return new PubSub();
}
