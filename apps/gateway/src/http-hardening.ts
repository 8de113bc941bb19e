import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { GatewaySecurity } from './security.config.js';

/**
 * Security headers (helmet), CORS for the configured origins only, and a body size limit
 * whose breach is a clear 413, never an HTML error page or a stack trace. The IDE at /ide
 * (development only) needs inline scripts, so only it gets a looser policy.
 */
export function applyHttpHardening(nest: INestApplication, security: GatewaySecurity, ide: boolean): void {
  const app = nest as NestExpressApplication;
  app.disable('x-powered-by');
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'default-src': ["'self'"], 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'connect-src': ["'self'"], 'frame-ancestors': ["'none'"] },
    },
    crossOriginEmbedderPolicy: false,
  });
  const forIde = helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) => (ide && req.path.startsWith('/ide') ? forIde(req, res, next) : strict(req, res, next)));
  app.enableCors(
    security.corsOrigins.length > 0
      ? { origin: [...security.corsOrigins], methods: ['GET', 'POST'], allowedHeaders: ['authorization', 'content-type'], maxAge: 600 }
      : { origin: false },
  );
  app.useBodyParser('json', { limit: security.bodyLimitBytes });
  app.useBodyParser('urlencoded', { limit: security.bodyLimitBytes, extended: false });
  // Right behind the parsers, so their failures (too large, not JSON) are answered here.
  app.use(jsonErrorHandler);
}

/**
 * Express's last error handler: body-parser failures (too large, malformed JSON) become
 * JSON errors with a code. Registered after the routes, so it sees what they did not handle.
 */
export function jsonErrorHandler(error: { status?: number; type?: string; message?: string }, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  const code = error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  const message =
    error.type === 'entity.too.large'
      ? 'the request body is larger than the limit (HTTP_BODY_LIMIT_BYTES)'
      : error.type === 'entity.parse.failed'
        ? 'the request body is not valid JSON'
        : status === 500
          ? 'internal error'
          : (error.message ?? 'bad request');
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
