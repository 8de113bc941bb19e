import { context, databaseMetrics, markFailed, type Span, SpanKind, trace, tracer } from '@cp/observability';
import type { AfterQueryEvent, BeforeQueryEvent, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/** The statement's kind (SELECT, INSERT, …), a label of bounded cardinality. */
export function statementOf(query: string): string {
  const word = /^\s*(?:\/\*.*?\*\/\s*)?([A-Za-z]+)/s.exec(query)?.[1]?.toUpperCase();
  return word && ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'BEGIN', 'COMMIT', 'ROLLBACK', 'START', 'SAVEPOINT', 'RELEASE', 'CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'SET', 'SHOW'].includes(word) ? word : 'OTHER';
}

const MAX_QUERY_TEXT = 2_000;

interface Running {
  readonly span: Span | null;
  readonly startedAt: number;
  readonly statement: string;
}

/**
 * Times every query a service's data source runs and, inside a trace, gives it a CLIENT span
 * under the active context (the GraphQL operation or the bus message being handled). A query runner
 * holds one connection, which runs its queries in order, so before/after pair up FIFO.
 */
export class QueryTelemetrySubscriber implements EntitySubscriberInterface {
  private readonly running = new WeakMap<QueryRunner, Running[]>();

  constructor(private readonly service: string, private readonly schema: string) {}

  beforeQuery(event: BeforeQueryEvent): void {
    const statement = statementOf(event.query);
    // Only inside a trace: background polling (the outbox relay, hold sweeps) would otherwise
    // send a root trace per query, several a second, to the collector. Its latency still counts.
    const span = trace.getSpan(context.active()) === undefined ? null : tracer().startSpan(`pg ${statement}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.namespace': this.schema,
        'db.operation.name': statement,
        'db.query.text': event.query.length > MAX_QUERY_TEXT ? `${event.query.slice(0, MAX_QUERY_TEXT)}…` : event.query,
        'cp.service': this.service,
      },
    });
    const queue = this.running.get(event.queryRunner) ?? [];
    queue.push({ span, startedAt: performance.now(), statement });
    this.running.set(event.queryRunner, queue);
  }

  afterQuery(event: AfterQueryEvent): void {
    const entry = this.running.get(event.queryRunner)?.shift();
    if (!entry) return;
    databaseMetrics.queryDuration.observe(
      { service: this.service, statement: entry.statement, success: String(event.success) },
      (performance.now() - entry.startedAt) / 1000,
    );
    if (!entry.span) return;
    if (!event.success) markFailed(entry.span, event.error);
    entry.span.end();
  }
}
