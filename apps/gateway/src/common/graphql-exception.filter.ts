import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { toGraphQLError } from './graphql-errors.js';

/**
 * The one place resolver failures become public errors: bus and service errors are
 * mapped to `extensions.code`; anything unknown is logged and masked. Returning the
 * error hands it to Apollo without Nest logging user mistakes as server errors.
 */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown): GraphQLError {
    return toGraphQLError(exception);
  }
}
