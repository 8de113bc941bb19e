import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const GENERATED_DIR = 'apps/console/src/gql';

describe('the console GraphQL client', () => {
  const out = mkdtempSync(join(tmpdir(), 'cp-console-codegen-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is exactly what codegen makes from apps/gateway/schema.gql and the console operations (run `npm run console:codegen` after a change)', () => {
    // In its own process: codegen loads its presets with require(), which Jest's ESM mode cannot serve.
    execFileSync(process.execPath, ['apps/console/codegen.mjs', out], { stdio: 'pipe' });
    const generated = readdirSync(out).sort();
    expect(generated).toEqual(['gql.ts', 'graphql.ts', 'index.ts']);
    expect(readdirSync(GENERATED_DIR).sort()).toEqual(generated);
    for (const file of generated) {
      expect({ file, text: readFileSync(join(GENERATED_DIR, file), 'utf8') }).toEqual({ file, text: readFileSync(join(out, file), 'utf8') });
    }
  });
});
