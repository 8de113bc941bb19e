import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import * as api from './index.js';

const readme = readFileSync(join('libs', 'cost-model', 'README.md'), 'utf8');

describe('README', () => {
  it('documents every runtime export', () => {
    expect(Object.keys(api).filter((name) => !readme.includes(`\`${name}`))).toEqual([]);
  });

  it('documents every error code', () => {
    const codes = ['MISSING_PRICE', 'MISSING_INPUT', 'NO_FX_RATE', 'CURRENCY_MISMATCH', 'INVALID_INPUT', 'INVALID_COST_SCENARIOS', 'INVALID_FX_TABLE', 'INVALID_PRICE_BOOK', 'UNKNOWN_SCENARIO_ENTRY'];
    expect(codes.filter((code) => !readme.includes(`\`${code}\``))).toEqual([]);
  });
});
