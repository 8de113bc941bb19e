import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { mountConsole } from './console-static.js';

@Module({})
class EmptyModule {}

async function appWith(dir: string | null): Promise<INestApplication> {
  const app = await NestFactory.create(EmptyModule, { logger: false });
  mountConsole(app, dir);
  await app.init();
  return app;
}

describe('mountConsole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-console-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  const apps: INestApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and on the console routes, hashed assets as immutable, and nothing else', async () => {
    const app = await appWith(dir);
    apps.push(app);
    const http = request(app.getHttpServer());
    for (const path of ['/', '/capacity', '/finance', '/recommend/some/deep/link']) {
      const res = await http.get(path);
      expect({ path, status: res.status, body: res.text, cache: res.headers['cache-control'] }).toEqual({ path, status: 200, body: '<!doctype html><div id="root"></div>', cache: 'no-cache' });
    }
    const asset = await http.get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await http.get('/financeX')).status).toBe(404);
    expect((await http.get('/assets/missing.js')).status).toBe(404);
  });

  it('says how to build the console when dist/console is missing', async () => {
    const app = await appWith(null);
    apps.push(app);
    const res = await request(app.getHttpServer()).get('/capacity');
    expect(res.status).toBe(503);
    expect(res.text).toMatch(/npm run build/);
  });
});
