import { randomUUID } from 'node:crypto';
import type { EventContract, PayloadOf } from '@cp/contracts';
import { context, extractTraceContext, injectTraceContext, outboxMetrics, ROOT_CONTEXT } from '@cp/observability';
import type { DataSource, EntityManager } from 'typeorm';

/** DDL of a service's outbox table; each service's first migration runs it in its own schema. */
export function outboxTableDdl(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."outbox" (
      "id" uuid PRIMARY KEY,
      "topic" text NOT NULL,
      "version" integer NOT NULL,
      "message_key" text,
      "payload" jsonb NOT NULL,
      "correlation_id" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "published_at" timestamptz,
      "attempts" integer NOT NULL DEFAULT 0,
      "failed_at" timestamptz,
      "last_error" text
    )`,
    `CREATE INDEX "outbox_unpublished_idx" ON "${schema}"."outbox" ("created_at") WHERE "published_at" IS NULL AND "failed_at" IS NULL`,
  ];
}

/**
 * The trace context of the transaction that wrote a row, so the event the relay publishes later
 * continues that request's trace. Each service adds it in a migration of its own.
 */
export function outboxTraceContextDdl(schema: string): { up: string[]; down: string[] } {
  return {
    up: [`ALTER TABLE "${schema}"."outbox" ADD COLUMN "trace_context" jsonb`],
    down: [`ALTER TABLE "${schema}"."outbox" DROP COLUMN "trace_context"`],
  };
}

/**
 * Writes an event in the caller's transaction. It is published only if that
 * transaction commits, and it is published even if the process dies right after.
 */
export async function enqueueEvent<C extends EventContract>(
  manager: EntityManager,
  schema: string,
  contract: C,
  payload: PayloadOf<C>,
  options: { key?: string; correlationId?: string } = {},
): Promise<string> {
  const parsed = contract.payload.parse(payload);
  const id = randomUUID();
  const trace = injectTraceContext({});
  await manager.query(
    `INSERT INTO "${schema}"."outbox" ("id", "topic", "version", "message_key", "payload", "correlation_id", "trace_context") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, contract.topic.name, contract.version, options.key ?? null, JSON.stringify(parsed), options.correlationId ?? null, Object.keys(trace).length > 0 ? JSON.stringify(trace) : null],
  );
  return id;
}

export type PublishFn = (
  contract: EventContract,
  payload: unknown,
  options: { key?: string; messageId: string; correlationId?: string },
) => Promise<void>;

interface OutboxRow {
  id: string;
  topic: string;
  version: number;
  message_key: string | null;
  payload: unknown;
  correlation_id: string | null;
  trace_context: Record<string, string> | null;
}

export interface OutboxRelayOptions {
  readonly dataSource: DataSource;
  readonly schema: string;
  readonly contracts: readonly EventContract[];
  readonly publish: PublishFn;
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Moves committed outbox rows to the bus, oldest first. Rows are claimed with
 * SKIP LOCKED so several instances can relay at once; the row id is the message id, so
 * a row published twice (crash between send and mark) is deduplicated by consumers.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private untrack: (() => void) | null = null;

  constructor(private readonly options: OutboxRelayOptions) {}

  get schema(): string {
    return this.options.schema;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // The pending-rows gauge counts this relay's backlog when metrics are scraped.
    this.untrack = outboxMetrics.track(this);
    this.schedule(0);
  }

  /** Relays now instead of at the next poll, e.g. right after a commit. */
  nudge(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.untrack?.();
    this.untrack = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Publishes every committed row; returns how many went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.relayBatch();
      total += sent;
      if (sent === 0) return total;
    }
  }

  async backlog(): Promise<number> {
    const [row] = (await this.options.dataSource.query(
      `SELECT count(*)::int AS n FROM "${this.options.schema}"."outbox" WHERE "published_at" IS NULL AND "failed_at" IS NULL`,
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    // Outside any trace: a nudge from a request must not make every later poll part of it.
    this.timer = setTimeout(() => context.with(ROOT_CONTEXT, () => {
      this.timer = null;
      this.running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.schedule(this.options.pollIntervalMs ?? 500);
        });
    }), delayMs);
    this.timer.unref();
  }

  private async relayBatch(): Promise<number> {
    const { dataSource, schema, contracts, publish } = this.options;
    return dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT "id", "topic", "version", "message_key", "payload", "correlation_id", "trace_context" FROM "${schema}"."outbox"
          WHERE "published_at" IS NULL AND "failed_at" IS NULL ORDER BY "created_at", "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 100],
      )) as OutboxRow[];
      for (const row of rows) {
        const contract = contracts.find((c) => c.topic.name === row.topic && c.version === row.version);
        if (!contract) {
          await manager.query(`UPDATE "${schema}"."outbox" SET "attempts" = "attempts" + 1, "failed_at" = now(), "last_error" = $2 WHERE "id" = $1`, [
            row.id,
            `no contract for ${row.topic} v${row.version}`,
          ]);
          continue;
        }
        // Published in the writer's trace context: the event continues the request that caused it.
        await context.with(extractTraceContext(row.trace_context ?? {}), () =>
          publish(contract, row.payload, { key: row.message_key ?? undefined, messageId: row.id, correlationId: row.correlation_id ?? undefined }),
        );
        await manager.query(`UPDATE "${schema}"."outbox" SET "published_at" = now(), "attempts" = "attempts" + 1 WHERE "id" = $1`, [row.id]);
        outboxMetrics.published.inc({ schema });
      }
      return rows.length;
    });
  }
}
