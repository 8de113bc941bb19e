import { type AcceleratorV1, ListAcceleratorsV1, ListSitesV1, type SiteV1 } from '@cp/contracts';
import type { MessageBus } from '@cp/messaging';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { AuthenticatedRequest } from '../auth/access.guard.js';

/** Per-request batching: every nested site or accelerator of one response is one message. */
export interface Loaders {
  readonly site: DataLoader<string, SiteV1>;
  readonly accelerator: DataLoader<string, AcceleratorV1>;
}

const MAX_BATCH = 500;

function notFound(kind: string, id: string): GraphQLError {
  return new GraphQLError(`${kind} ${id} does not exist`, { extensions: { code: 'NOT_FOUND' } });
}

export function createLoaders(bus: MessageBus, timeoutMs: number): Loaders {
  return {
    site: new DataLoader<string, SiteV1>(
      async (ids) => {
        const reply = await bus.request(ListSitesV1, { first: ids.length, after: null, filter: { ids: [...ids] } }, { timeoutMs });
        const byId = new Map(reply.edges.map((e) => [e.node.id, e.node]));
        return ids.map((id) => byId.get(id) ?? notFound('site', id));
      },
      { maxBatchSize: MAX_BATCH },
    ),
    accelerator: new DataLoader<string, AcceleratorV1>(
      async (ids) => {
        const reply = await bus.request(ListAcceleratorsV1, { first: ids.length, after: null, filter: { ids: [...ids] } }, { timeoutMs });
        const byId = new Map(reply.edges.map((e) => [e.node.id, e.node]));
        return ids.map((id) => byId.get(id) ?? notFound('accelerator', id));
      },
      { maxBatchSize: MAX_BATCH },
    ),
  };
}

export interface GatewayContext {
  req: AuthenticatedRequest;
  loaders: Loaders;
}
