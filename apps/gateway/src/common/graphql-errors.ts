import { Logger } from '@nestjs/common';
import { BusNotReadyError, PayloadValidationError, RemoteError, RequestTimeoutError } from '@cp/messaging';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { z } from 'zod';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL_SERVER_ERROR';

const logger = new Logger('GraphQL');

export function userInputError(field: string, problem: string): GraphQLError {
  return new GraphQLError(`${field}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, field } });
}

/**
 * Validates resolver arguments (often against the message contract itself); the first
 * problem becomes a BAD_USER_INPUT naming the field. `rename` maps contract field names
 * to the GraphQL argument names where they differ.
 */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown, rename: Record<string, string> = {}): z.output<S> {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'input';
  throw userInputError(rename[field] ?? field, issue.message);
}

/** Parses against a contract schema, naming the GraphQL argument path of the first problem via `rename`. */
export function parseAs<S extends z.ZodType>(schema: S, value: unknown, rename: (path: string) => string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw userInputError(rename(issue.path.map(String).join('.') || 'input'), issue.message);
}

/** Maps what the bus and services say to the public error codes; never leaks internals. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof RemoteError) {
    const field = error.field ? { field: error.field } : {};
    switch (error.code) {
      case 'BAD_REQUEST':
        return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, ...field } });
      case 'FORBIDDEN':
        return new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN' satisfies ErrorCode } });
      case 'NOT_FOUND':
        return new GraphQLError(error.message, { extensions: { code: 'NOT_FOUND' satisfies ErrorCode, ...field } });
      case 'CONFLICT':
        return new GraphQLError(error.message, { extensions: { code: 'CONFLICT' satisfies ErrorCode, ...field } });
      case 'UNAVAILABLE':
      case 'INTERNAL':
        return internal('a backing service failed to answer', error);
      default:
        return assertNever(error.code);
    }
  }
  if (error instanceof PayloadValidationError) {
    return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, field: error.field } });
  }
  if (error instanceof RequestTimeoutError || error instanceof BusNotReadyError) {
    return internal('a backing service did not answer in time', error);
  }
  return internal('internal error', error);
}

function assertNever(code: never): never {
  throw new Error(`unmapped bus error code ${String(code)}`);
}

function internal(message: string, cause: unknown): GraphQLError {
  logger.error(`${message}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode } });
}

const PUBLIC_CODES = new Set<string>(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

/** Apollo's last word on every error: known codes pass, anything else is masked. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const mapped = toGraphQLError(original);
  return { message: mapped.message, path: formatted.path, locations: formatted.locations, extensions: { code: mapped.extensions.code, ...(mapped.extensions.field ? { field: mapped.extensions.field } : {}) } };
}
