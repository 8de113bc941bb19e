import type { PageInfo } from './page-info.model.js';

interface ReplyPage<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** A service's keyset page as a Relay connection. */
export function toConnection<N, M>(
  reply: ReplyPage<N>,
  after: string | null,
  map: (node: N) => M,
): { edges: { cursor: string; node: M }[]; pageInfo: PageInfo; totalCount: number } {
  return {
    edges: reply.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })),
    pageInfo: {
      hasNextPage: reply.pageInfo.hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: reply.edges[0]?.cursor ?? null,
      endCursor: reply.pageInfo.endCursor,
    },
    totalCount: reply.totalCount,
  };
}
