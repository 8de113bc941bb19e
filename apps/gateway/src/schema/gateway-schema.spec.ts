import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { printGatewaySchema } from './gateway-schema.js';

describe('gateway schema', () => {
  it('matches the committed apps/gateway/schema.gql (run `npm run schema:write` after an API change)', async () => {
    expect(await printGatewaySchema()).toBe(readFileSync('apps/gateway/schema.gql', 'utf8'));
  });
});
