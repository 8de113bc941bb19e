import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One registry per process. A service run on its own serves it at its /metrics; the
 * embedded process (four services) serves the same one from the gateway, and every series
 * carries a `service` label so the four stay apart.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** Latency buckets in seconds: bus hops and queries are milliseconds, solves run to minutes. */
const FAST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SOLVE_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600];

export const graphqlMetrics = {
  operations: new Counter({
    name: 'cp_graphql_operations_total',
    help: 'GraphQL operations answered, by operation name and type',
    labelNames: ['service', 'operation', 'type'] as const,
    registers: [metricsRegistry],
  }),
  errors: new Counter({
    name: 'cp_graphql_errors_total',
    help: 'GraphQL errors returned, by operation name and extensions.code',
    labelNames: ['service', 'operation', 'code'] as const,
    registers: [metricsRegistry],
  }),
  duration: new Histogram({
    name: 'cp_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency from request to response, by operation name',
    labelNames: ['service', 'operation', 'type'] as const,
    buckets: FAST_BUCKETS,
    registers: [metricsRegistry],
  }),
};

export const messagingMetrics = {
  produced: new Counter({
    name: 'cp_messages_produced_total',
    help: 'Messages sent on the bus (requests, replies, events, dead letters), by topic',
    labelNames: ['service', 'topic', 'transport'] as const,
    registers: [metricsRegistry],
  }),
  consumed: new Counter({
    name: 'cp_messages_consumed_total',
    help: 'Messages handled from the bus, by topic and outcome (ok, error, dead_letter, expired)',
    labelNames: ['service', 'topic', 'transport', 'outcome'] as const,
    registers: [metricsRegistry],
  }),
  handlerDuration: new Histogram({
    name: 'cp_message_handler_duration_seconds',
    help: 'Time a handler took for one message, parsing included, by topic',
    labelNames: ['service', 'topic', 'transport', 'outcome'] as const,
    buckets: FAST_BUCKETS,
    registers: [metricsRegistry],
  }),
  requestDuration: new Histogram({
    name: 'cp_bus_request_duration_seconds',
    help: 'Request to reply round trip seen by the sender, by topic',
    labelNames: ['service', 'topic', 'transport', 'outcome'] as const,
    buckets: FAST_BUCKETS,
    registers: [metricsRegistry],
  }),
  consumerLag: new Gauge({
    name: 'cp_kafka_consumer_lag',
    help: "Messages behind the partition's high watermark when the consumer last finished a batch",
    labelNames: ['service', 'group', 'topic', 'partition'] as const,
    registers: [metricsRegistry],
  }),
};

export const databaseMetrics = {
  queryDuration: new Histogram({
    name: 'cp_db_query_duration_seconds',
    help: 'PostgreSQL query latency through TypeORM, by service schema, statement kind and success',
    labelNames: ['service', 'statement', 'success'] as const,
    buckets: FAST_BUCKETS,
    registers: [metricsRegistry],
  }),
};

export const portfolioMetrics = {
  solveDuration: new Histogram({
    name: 'cp_portfolio_solve_duration_seconds',
    help: 'Wall-clock time of the portfolio MIP solve (model building and greedy baseline included), by solver status',
    labelNames: ['status'] as const,
    buckets: SOLVE_BUCKETS,
    registers: [metricsRegistry],
  }),
  gap: new Gauge({
    name: 'cp_portfolio_solve_gap',
    help: 'Relative MIP gap of the last portfolio solve that found a plan',
    labelNames: ['status'] as const,
    registers: [metricsRegistry],
  }),
  solves: new Counter({
    name: 'cp_portfolio_solves_total',
    help: 'Portfolio solves, by solver status',
    labelNames: ['status'] as const,
    registers: [metricsRegistry],
  }),
};

/** Something that can count its outbox rows not yet published. */
export interface OutboxBacklogSource {
  readonly schema: string;
  backlog(): Promise<number>;
}

const outboxSources = new Set<OutboxBacklogSource>();

export const outboxMetrics = {
  /** Counted at scrape time from every running relay, so an idle process pays nothing for it. */
  pending: new Gauge({
    name: 'cp_outbox_pending_rows',
    help: 'Outbox rows committed but not yet published, by service schema',
    labelNames: ['schema'] as const,
    registers: [metricsRegistry],
    async collect() {
      for (const source of outboxSources) {
        try {
          this.set({ schema: source.schema }, await source.backlog());
        } catch {
          // A relay whose database is down keeps its last value; its own errors are logged by it.
        }
      }
    },
  }),
  published: new Counter({
    name: 'cp_outbox_published_total',
    help: 'Outbox rows published to the bus, by service schema',
    labelNames: ['schema'] as const,
    registers: [metricsRegistry],
  }),
  track(source: OutboxBacklogSource): () => void {
    outboxSources.add(source);
    return () => {
      outboxSources.delete(source);
    };
  },
};

/** Seconds since a `performance.now()` reading. */
export function secondsSince(startedAt: number): number {
  return (performance.now() - startedAt) / 1000;
}
