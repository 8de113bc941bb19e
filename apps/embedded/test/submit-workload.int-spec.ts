import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiTokensSetting } from '@cp/gateway-service';
import { eventually, testEnvironment, transports } from '@cp/testing';
import { startTestSystem, type TestSystem } from './support.js';

const TOKEN = `pip-${randomUUID()}`;
const apiTokens = ApiTokensSetting.parse(`${TOKEN}:pipeline`);

function request(devices: number | null) {
  return {
    workload: { kind: 'FINE_TUNING', activeParameters: 8e9, tokens: 2e10, modelType: 'DENSE', precision: 'BF16', ...(devices ? { devices } : {}), mfu: { low: 0.3, expected: 0.35, high: 0.4 } },
    legalEntityId: 'demo-sg-subsidiary',
    costCenter: 'cc-cli',
    window: { from: '2027-02-01T00:00:00Z', to: '2027-02-15T00:00:00Z' },
  };
}

function run(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['tools/submit-workload/submit-workload.mjs', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

describe.each(transports)('the submit-workload CLI on %s', (transport) => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem(transport, 'cli', { apiTokens });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('submits NDJSON, waits for every result, prints them and exits 1 because one failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-cli-'));
    const file = join(dir, 'requests.ndjson');
    const keys = [`cli-${randomUUID()}`, `cli-${randomUUID()}`, `cli-${randomUUID()}`];
    writeFileSync(file, `${[request(16), request(32), request(null)].map((r, i) => JSON.stringify({ idempotencyKey: keys[i], request: r })).join('\n')}\n`);
    // Kafka when there is a broker to talk to; the embedded default is reached over GraphQL.
    const via =
      transport === 'kafka'
        ? ['--via', 'kafka', '--brokers', testEnvironment.kafkaBrokers.join(','), '--namespace', t.namespace]
        : ['--via', 'graphql', '--url', `${t.system.gateway.url}/graphql`, '--token', TOKEN];
    const result = await run(['--file', file, ...via, '--timeout', '120']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { idempotencyKey: string; status: string; error: { field: string } | null; chosen: unknown });
    expect(lines.map((l) => l.idempotencyKey).sort()).toEqual([...keys].sort());
    const byKey = Object.fromEntries(lines.map((l) => [l.idempotencyKey, l]));
    expect(byKey[keys[0]!]).toMatchObject({ status: 'RECOMMENDED', error: null });
    expect(byKey[keys[1]!]!.chosen).not.toBeNull();
    expect(byKey[keys[2]!]).toMatchObject({ status: 'FAILED', error: { field: 'input.workload.devices' } });
    expect(result.stderr).toMatch(/\[#+\] 3\/3 done, 1 failed/);
    expect(result.stderr).toMatch(/2 recommended, 1 failed, 0 without a result/);
  });

  it('refuses bad input with exit status 2 and says why', async () => {
    const result = await run(['--file', '-', '--via', 'graphql', '--url', `${t.system.gateway.url}/graphql`], '{"idempotencyKey": 1}\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/item 1 needs idempotencyKey/);
  });

  if (transport === 'kafka') {
    it('interoperates with kcat, a client written elsewhere: requests produced by kcat, results read by kcat', async () => {
      const kcat = spawnSync('kcat', ['-V'], { encoding: 'utf8' });
      // CI installs kcat (.ci/run); a developer machine without it fails here with the reason.
      expect(kcat.error?.message ?? '').toBe('');
      const key = `kcat-${randomUUID()}`;
      const broker = testEnvironment.kafkaBrokers[0]!;
      const produced = spawnSync(
        'kcat',
        ['-P', '-b', broker, '-t', `${t.namespace}.workload.requests`, '-k', key, '-H', 'cp-version=1', '-H', 'content-type=application/json'],
        { input: JSON.stringify({ idempotencyKey: key, submittedBy: 'kcat', request: request(8) }), encoding: 'utf8' },
      );
      expect(produced.status).toBe(0);
      const line = await eventually(
        async () => {
          const read = spawnSync('kcat', ['-C', '-b', broker, '-t', `${t.namespace}.placement.recommendations`, '-o', 'beginning', '-e', '-q', '-f', '%k\t%s\n'], { encoding: 'utf8', timeout: 20_000 });
          return read.stdout.split('\n').find((l) => l.startsWith(`${key}\t`));
        },
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
      const result = JSON.parse(line.slice(key.length + 1)) as { status: string; idempotencyKey: string; recommendationId: string | null };
      expect(result).toMatchObject({ idempotencyKey: key, status: 'RECOMMENDED' });
      expect(result.recommendationId).not.toBeNull();
    });
  }
});
