import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { accessTableMarkdown } from './policy.js';

describe('the README', () => {
  it('shows the access table as the code has it', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('<!-- access-table -->');
    const end = readme.indexOf('<!-- /access-table -->');
    expect(start).toBeGreaterThan(-1);
    expect(readme.slice(start + '<!-- access-table -->'.length, end).trim()).toBe(accessTableMarkdown());
  });
});
