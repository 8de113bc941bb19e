import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiTokensSetting } from '@cp/gateway-service';
import { transports } from '@cp/testing';
import { startTestSystem, type TestSystem } from './support.js';

/**
 * The README's `recommendPlacement` examples, run exactly as printed (the text between
 * `<!-- example: NAME -->` and the end of the following graphql block), against the shipped
 * default data, as a planner. Each answer is checked against what the question asks for.
 */
const TOKENS = { planner: `pln-${randomUUID()}` };
const apiTokens = ApiTokensSetting.parse(`${TOKENS.planner}:planner`);

function example(name: string): string {
  const readme = readFileSync('README.md', 'utf8');
  const marker = readme.indexOf(`<!-- example: ${name} -->`);
  if (marker < 0) throw new Error(`README has no example ${name}`);
  const start = readme.indexOf('```graphql\n', marker) + '```graphql\n'.length;
  return readme.slice(start, readme.indexOf('```', start));
}

interface Option {
  countryCode: string;
  acceleratorId: string;
  estimate: { total: { expected: string }; performance: { grade: string; precision: string } | null } | null;
}
interface Answer {
  chosen: Option | null;
  counts: { candidates: number; rejectedByFilter: { filter: string; count: number }[] };
  rejected: { filter: string; reason: string }[];
}

/** Unpriced for lack of a figure the product should know (not a missing price quote). */
const LACKS_FIGURE = /mfu|throughput|tokensPerSecondPerDevice|totalParameters|denseRates/i;

describe.each(transports)('README examples on %s', (transport) => {
  let t: TestSystem;
  const ask = async (name: string): Promise<Answer> => {
    const response = await t.graphql(example(name), {}, TOKENS.planner);
    expect(response.body.errors).toBeUndefined();
    return response.body.data.recommendPlacement as Answer;
  };

  beforeAll(async () => {
    t = await startTestSystem(transport, 'readme', { apiTokens });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('train abroad: a Chinese parent pre-trains a 70B model outside China, priced on every chip', async () => {
    const a = await ask('train-abroad');
    expect(a.chosen).not.toBeNull();
    expect(a.chosen!.countryCode).not.toBe('CN');
    expect(['MEASURED', 'DERIVED']).toContain(a.chosen!.estimate!.performance!.grade);
    expect(a.rejected.filter((r) => r.filter === 'NOT_PRICED' && LACKS_FIGURE.test(r.reason))).toEqual([]);
  });

  it('serve at home on domestic chips: DeepSeek-class serving for the Chinese public gets a priced Chinese option', async () => {
    const a = await ask('serve-at-home');
    expect(a.chosen).not.toBeNull();
    expect(a.chosen!.countryCode).toBe('CN');
    const chip = await t.graphql(`query($id: ID!) { accelerator(id: $id) { originCountry } }`, { id: a.chosen!.acceleratorId }, TOKENS.planner);
    expect(chip.body.data.accelerator.originCountry).toBe('CN');
    expect(Number(a.chosen!.estimate!.total.expected)).toBeGreaterThan(0);
    expect(a.rejected.filter((r) => r.filter === 'NOT_PRICED' && LACKS_FIGURE.test(r.reason))).toEqual([]);
  });

  it('fine-tune near the data: personal data of 2 million Chinese residents keeps the job in China', async () => {
    const a = await ask('fine-tune-near-data');
    expect(a.chosen).not.toBeNull();
    expect(a.chosen!.countryCode).toBe('CN');
    expect(a.rejected.filter((r) => r.filter === 'NOT_PRICED' && LACKS_FIGURE.test(r.reason))).toEqual([]);
  });
});
