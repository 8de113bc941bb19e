import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { FACT_NAMES, THRESHOLD_FACT_NAMES } from './fact-schema.js';
import { loadRulePack } from './test/a-scenario.js';

const readme = readFileSync(join('libs', 'compliance-rules', 'README.md'), 'utf8');

describe('README', () => {
  it('documents every fact a condition may use', () => {
    const documented = [...FACT_NAMES, ...THRESHOLD_FACT_NAMES].filter((f) => f.type !== 'object' || f.nullable).map((f) => f.path);
    expect(documented.filter((path) => !readme.includes(`| \`${path}\` |`))).toEqual([]);
  });

  it('lists every rule of the published pack with its status', () => {
    const missing = loadRulePack().rules.filter((r) => !readme.includes(`| \`${r.id}\` | ${r.family} |`) || !readme.includes(`| ${r.status} | ${r.outcome} |`));
    expect(missing.map((r) => r.id)).toEqual([]);
  });

  it('lists every review of the published pack with its policy and lead-time range', () => {
    const row = (r: ReturnType<typeof loadRulePack>['rules'][number]) => {
      const lead = r.review!.leadTimeDays;
      return `| \`${r.id}\` | ${r.outcome} | ${r.review!.policy} (${r.review!.policyEvidence}) | ${lead.low} / ${lead.expected} / ${lead.high} | ${lead.evidence} | ${lead.assumed ? 'yes' : 'no'} |`;
    };
    const missing = loadRulePack().rules.filter((r) => r.review !== null && !readme.includes(row(r)));
    expect(missing.map((r) => r.id)).toEqual([]);
  });
});
