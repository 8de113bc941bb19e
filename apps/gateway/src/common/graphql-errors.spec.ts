import { describe, expect, it } from '@jest/globals';
import { RemoteError, RequestTimeoutError } from '@cp/messaging';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { formatError, parseArgs, toGraphQLError } from './graphql-errors.js';

describe('toGraphQLError', () => {
  it.each([
    ['BAD_REQUEST', 'BAD_USER_INPUT', 'after: bad', 'after: bad'],
    ['NOT_FOUND', 'NOT_FOUND', 'no such site', 'no such site'],
    ['CONFLICT', 'CONFLICT', 'version exists', 'version exists'],
    ['INTERNAL', 'INTERNAL_SERVER_ERROR', 'db password=x', 'a backing service failed to answer'],
    ['UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'down', 'a backing service failed to answer'],
  ] as const)('maps a remote %s to %s', (remote, code, message, shown) => {
    const error = toGraphQLError(new RemoteError({ code: remote, message, field: remote === 'BAD_REQUEST' ? 'after' : undefined }));
    expect(error.extensions.code).toBe(code);
    expect(error.message).toBe(shown);
  });

  it('reports a timeout without internals', () => {
    const error = toGraphQLError(new RequestTimeoutError('inventory.sites', 10_000));
    expect({ code: error.extensions.code, message: error.message }).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'a backing service did not answer in time' });
  });
});

describe('formatError', () => {
  it('masks an unknown error', () => {
    const raw = new GraphQLError('column "secret" does not exist', { originalError: new Error('column "secret" does not exist') });
    expect(formatError(raw.toJSON(), raw)).toMatchObject({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps a public error and drops its stack trace', () => {
    const raw = new GraphQLError('first: must be at least 1', { extensions: { code: 'BAD_USER_INPUT', field: 'first', stacktrace: ['at x'] } });
    expect(formatError(raw.toJSON(), raw)).toEqual({ message: 'first: must be at least 1', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });
});

describe('parseArgs', () => {
  it('names the nested field of the first problem', () => {
    const schema = z.object({ filter: z.object({ countryCode: z.string().length(2, 'must be two letters') }) });
    expect(() => parseArgs(schema, { filter: { countryCode: 'MYS' } })).toThrow('filter.countryCode: must be two letters');
  });
});
