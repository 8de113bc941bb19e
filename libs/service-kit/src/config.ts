import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment against a schema; throws one error naming every bad variable. */
export function parseConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    // The variable's name, not the path inside its parsed value ("KAFKA_BROKERS", not "KAFKA_BROKERS.0").
    const key = issue.path.length > 0 ? String(issue.path[0]) : '(environment)';
    const given = issue.path.length > 0 ? env[key] : undefined;
    return given === undefined ? `${key}: ${issue.message}` : `${key}=${JSON.stringify(given)}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** For `main`: parse once at boot; on failure print one line and exit, before anything starts. */
export function loadConfigOrExit<S extends z.ZodType>(service: string, schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(2);
  }
}

/** Variables every service reads. */
export const env = {
  kafkaBrokers: z
    .string({ error: 'is required (comma-separated host:port list, e.g. 127.0.0.1:9092)' })
    .transform((value) => value.split(',').map((b) => b.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'each broker must be host:port')).min(1, 'needs at least one broker')),
  /** Prefix of every topic and consumer group, for several deployments (or test runs) sharing one cluster. */
  kafkaNamespace: z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}$/, 'must be lower-case letters, digits and dashes').optional(),
  databaseUrl: z
    .string({ error: 'is required (e.g. postgres://postgres@127.0.0.1:5432/postgres)' })
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// URL'),
  port: (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback),
  host: z.string().min(1).default('127.0.0.1'),
  /** OTLP/HTTP collector base URL; traces are exported to `<url>/v1/traces` only when it is set. */
  otlpEndpoint: z.url({ error: 'must be a URL such as http://127.0.0.1:4318' }).optional(),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
};
