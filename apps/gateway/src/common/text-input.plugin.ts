import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';

export const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What no text field may hold: PostgreSQL refuses NUL, and an unpaired surrogate is not Unicode. */
function notText(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (UNPAIRED_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate (not well-formed Unicode)';
  return null;
}

function firstBadString(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = notText(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstBadString(item, `${path}.${index}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstBadString(item, path ? `${path}.${key}` : key) ?? firstBadString(key, path);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses, before anything runs, strings that cannot be text anywhere downstream (in
 * variables or in the document itself) with BAD_USER_INPUT naming where they are.
 */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, never>>> {
      return {
        async didResolveOperation({ request, document }) {
          let found = firstBadString(request.variables ?? {}, '');
          if (!found) {
            visit(document, {
              [Kind.STRING]: (node) => {
                const problem = found ? null : notText(node.value);
                if (problem) found = { path: `document (line ${node.loc?.startToken.line ?? '?'})`, problem };
              },
            });
          }
          if (found) {
            throw new GraphQLError(`${found.path}: ${found.problem}`, { extensions: { code: 'BAD_USER_INPUT', field: found.path, http: { status: 400 } } });
          }
        },
      };
    },
  };
}

const CLIENT_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']);

/**
 * A document refused before execution (by a limit, a parse or validation rule, or the text
 * check) is the client's mistake: 400, not the 500 Apollo gives errors thrown by plugins.
 */
export function clientErrorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, never>>> {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.length > 0 && errors.every((e) => CLIENT_ERRORS.has(String(e.extensions?.code)))) response.http.status = 400;
        },
      };
    },
  };
}
