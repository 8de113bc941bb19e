import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import type { GraphQLError } from 'graphql';
import { toGraphQLError } from './graphql-errors.js';

const HTTP_STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429 };

/**
 * The one place resolver failures become public errors: bus and service errors are
 * mapped to `extensions.code`; anything unknown is logged and masked. Returning the
 * error hands it to Apollo without Nest logging user mistakes as server errors. HTTP
 * routes (exports) get the same codes as `{ error: { code, message } }` with a status.
 */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<string>() !== 'http') return toGraphQLError(exception);
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return void res.destroy();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const status = exception.getStatus();
      const error = typeof body === 'object' && body && 'error' in body ? body : { error: { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: exception.message } };
      return void res.status(status).json(error);
    }
    const mapped = toGraphQLError(exception);
    const code = String(mapped.extensions.code);
    res.status(HTTP_STATUS[code] ?? 500).json({ error: { code, message: mapped.message } });
  }
}
