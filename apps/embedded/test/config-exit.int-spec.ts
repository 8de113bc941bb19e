import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';

// Runs the built entry points (npm run test:int builds first), with a bare environment.
const services = [
  ['gateway', { GATEWAY_PORT: 'eighty' }, 'GATEWAY_PORT="eighty"'],
  ['inventory', { INVENTORY_PORT: '-1' }, 'INVENTORY_PORT="-1"'],
  ['region-compliance', { MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START="maybe": must be true or false'],
  ['cost-estimation', { COST_ESTIMATION_PORT: '99999' }, 'COST_ESTIMATION_PORT="99999"'],
] as const;

describe('start-up configuration', () => {
  it.each(services)('%s exits with one line naming every missing or malformed variable', (service, extra, named) => {
    const result = spawnSync('node', [`dist/apps/${service}/src/main.js`], {
      env: { PATH: process.env.PATH, KAFKA_BROKERS: 'localhost', ...extra },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${service}: invalid configuration: `));
    expect(lines[0]).toContain('KAFKA_BROKERS="localhost": each broker must be host:port');
    expect(lines[0]).toContain('DATABASE_URL: is required');
    expect(lines[0]).toContain(named);
    expect(result.stdout).toBe('');
  });
});
