import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import * as api from './index.js';

const readme = readFileSync(join('libs', 'placement', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Recommend'));

describe('README, section Recommend', () => {
  it('exists', () => {
    expect(readme).toContain('## Recommend');
  });

  it('documents every runtime export', () => {
    expect(Object.keys(api).filter((name) => !section.includes(`\`${name}`))).toEqual([]);
  });

  it('documents every filter and error code', () => {
    const codes = [...api.REJECTION_FILTERS, 'INVALID_RECOMMEND_INPUT', 'CURRENCY_MISMATCH'];
    expect(codes.filter((code) => !section.includes(`\`${code}\``))).toEqual([]);
  });
});
