import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import { activeTraceId } from './tracing.js';

/** Keys whose values never reach a log line, at any of the first few levels of nesting. */
export const SECRET_KEYS = ['authorization', 'Authorization', 'cookie', 'token', 'accessToken', 'apiToken', 'apiTokens', 'password', 'apiKey', 'api_key', 'secret', 'clientSecret', 'CP_API_TOKENS', 'DATABASE_URL'];

export const REDACTED = '[REDACTED]';

/** pino's redact paths are fixed-depth; these cover a key at the top and up to three objects down. */
export function redactPaths(keys: readonly string[] = SECRET_KEYS): string[] {
  const prefixes = ['', '*.', '*.*.', '*.*.*.'];
  return prefixes.flatMap((prefix) => keys.map((key) => `${prefix}${key}`));
}

/** Credentials written into free text ("Bearer …", "token=…", a URL's password). */
const SECRET_IN_TEXT: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\b(token|password|api[_-]?key|secret)(["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi, `$1$2${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s/]+@/gi, `$1${REDACTED}@`],
];

export function scrubText(text: string): string {
  return SECRET_IN_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

export type LogLevelName = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

export interface CreateLoggerOptions {
  readonly level?: LogLevelName;
  /** Defaults to stdout; tests pass a stream to read what was written. */
  readonly destination?: DestinationStream;
  readonly base?: Record<string, unknown>;
}

/**
 * JSON lines with `time`, `level` (as a name), `msg`, the correlation id of the request being
 * handled (its trace id, carried across services in Kafka headers) and the span id. Secret
 * fields are redacted by key and credentials scrubbed from message text.
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    base: options.base ?? {},
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths(), censor: REDACTED },
    mixin: () => {
      const correlationId = activeTraceId();
      return correlationId ? { correlationId } : {};
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>;
        method.apply(this, scrubbed);
      },
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}

let root: Logger | null = null;

/** The process's logger; `configureRootLogger` may replace it before anything logs. */
export function rootLogger(): Logger {
  root ??= createLogger();
  return root;
}

export function configureRootLogger(options: CreateLoggerOptions): Logger {
  root = createLogger(options);
  return root;
}
