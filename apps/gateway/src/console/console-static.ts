import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';

/** Client-side routes of the console (apps/console/src/access.ts): a reload there gets index.html. */
export const CONSOLE_ROUTES = ['/capacity', '/recommend', '/portfolio', '/compliance', '/finance'] as const;

/**
 * Where `npm run build` wrote the console (Vite → dist/console): next to the compiled gateway
 * (dist/apps/gateway/src/console → dist/console) or, when the gateway runs from its sources
 * (tests), under the repository's dist/.
 */
export function consoleBuildDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../../console'), resolve(here, '../../../../dist/console')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** Serves the planner console at / (static files, with an SPA fallback for its routes). */
export function mountConsole(app: INestApplication, dir: string | null = consoleBuildDir()): void {
  const express = app.getHttpAdapter().getInstance() as { get: (paths: string[], handler: (req: Request, res: Response) => void) => void };
  const routes = ['/', ...CONSOLE_ROUTES.flatMap((r) => [r, `${r}/*splat`])];
  if (!dir) {
    express.get(routes, (_req, res) => {
      res.status(503).type('text/plain').send('The planner console is not built: run `npm run build` (it writes dist/console).');
    });
    return;
  }
  const index = join(dir, 'index.html');
  (app as NestExpressApplication).useStaticAssets(dir, {
    index: 'index.html',
    setHeaders: (res, path) => {
      // Vite hashes asset names, so they never change; index.html must be re-read to find new ones.
      res.setHeader('Cache-Control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  express.get(routes, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
