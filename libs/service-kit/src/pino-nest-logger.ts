import type { LoggerService, LogLevel } from '@nestjs/common';
import { type LogLevelName, rootLogger } from '@cp/observability';
import type { Logger } from 'pino';

const PINO_LEVEL: Record<LogLevel, LogLevelName> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };
/** From most to least severe, as pino orders them. */
const ORDER: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * NestJS' logger interface over pino: one JSON line per call, with the service name, the
 * Nest context (the class that logged) and the correlation id of the request in flight.
 * Only the given Nest levels are written, as with Nest's own ConsoleLogger.
 */
export class PinoNestLogger implements LoggerService {
  private readonly logger: Logger;
  private enabled: ReadonlySet<LogLevel>;

  constructor(service: string, levels: readonly LogLevel[], base: Logger = rootLogger()) {
    this.enabled = new Set(levels);
    const lowest = [...ORDER].reverse().find((l) => this.enabled.has(l)) ?? 'fatal';
    this.logger = base.child({ service }, { level: PINO_LEVEL[lowest] });
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels);
  }

  /** Nest passes (message, ...params, context) and, for errors, (message, stack, context). */
  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.enabled.has(level)) return;
    const params = [...rest];
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (level === 'error' && typeof params[0] === 'string' && params[0].includes('\n    at ')) fields['stack'] = params.shift();
    if (params.length > 0) fields['params'] = params;
    const method = PINO_LEVEL[level];
    if (message instanceof Error) this.logger[method]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[method]({ ...fields, ...(message as Record<string, unknown>) });
    else this.logger[method](fields, String(message));
  }
}
