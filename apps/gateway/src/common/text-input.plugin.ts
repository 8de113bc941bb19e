import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { findNonText, textProblem } from '@cp/contracts';
import { GraphQLError, Kind, visit } from 'graphql';

/**
 * Refuses, before anything runs, strings that cannot be text anywhere downstream (in
 * variables or in the document itself) with BAD_USER_INPUT naming where they are.
 */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, never>>> {
      return {
        async didResolveOperation({ request, document }) {
          let found: { path: string; problem: string } | null = findNonText(request.variables ?? {});
          if (!found) {
            visit(document, {
              [Kind.STRING]: (node) => {
                const problem = found ? null : textProblem(node.value);
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
