import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MessageBus } from '@cp/messaging';
import { initTelemetry } from '@cp/observability';
import { PinoNestLogger } from './pino-nest-logger.js';

/** What every service's `startX()` receives: the embedded launcher and `main` both build one. */
export interface ServiceStartOptions {
  readonly bus: MessageBus;
  readonly databaseUrl: string;
  /** null: no HTTP listener (the service is reached over the bus only). */
  readonly http: { readonly host: string; readonly port: number } | null;
  readonly migrateOnStart: boolean;
  readonly logLevels?: LogLevel[];
}

export interface RunningService {
  readonly name: string;
  /** Base URL of its HTTP listener, if it has one. */
  readonly url: string | null;
  readonly app: INestApplication;
  close(): Promise<void>;
}

export async function startNestService(
  name: string,
  rootModule: unknown,
  options: Pick<ServiceStartOptions, 'http' | 'logLevels'>,
  configure?: (app: INestApplication) => void | Promise<void>,
): Promise<RunningService> {
  // Context propagation (traces, log correlation) needs a tracer provider even with no exporter;
  // a launcher or test that configured one first keeps its own.
  initTelemetry({ serviceName: name });
  const logger = new PinoNestLogger(name, options.logLevels ?? ['fatal', 'error', 'warn', 'log']);
  const app = await NestFactory.create(rootModule as never, { logger, abortOnError: false });
  await configure?.(app);
  let url: string | null = null;
  if (options.http) {
    await app.listen(options.http.port, options.http.host);
    const address = app.getHttpServer().address() as { port: number };
    url = `http://${options.http.host}:${address.port}`;
  } else {
    await app.init();
  }
  return { name, url, app, close: () => app.close() };
}

/**
 * Closes the services (in the given order) on SIGINT or SIGTERM, then runs `after`
 * (e.g. stopping an embedded database) and exits. A second signal exits at once.
 */
export function closeOnSignals(services: readonly RunningService[], after?: () => Promise<void>): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) process.exit(130);
    closing = true;
    process.stderr.write(`${signal}: shutting down\n`);
    void (async () => {
      for (const service of services) await service.close().catch((error: unknown) => process.stderr.write(`${service.name}: ${String(error)}\n`));
      await after?.();
      process.exit(0);
    })();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
