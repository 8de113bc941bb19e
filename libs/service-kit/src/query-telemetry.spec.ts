import { describe, expect, it } from '@jest/globals';
import { statementOf } from './query-telemetry.js';

describe('statementOf', () => {
  it.each([
    ['SELECT 1', 'SELECT'],
    ['  insert into "x" values ($1)', 'INSERT'],
    ['/* typeorm */ UPDATE "x" SET a = 1', 'UPDATE'],
    ['WITH t AS (SELECT 1) SELECT * FROM t', 'WITH'],
    ['START TRANSACTION', 'START'],
    ['VACUUM x', 'OTHER'],
    ['', 'OTHER'],
  ])('%s -> %s', (query, expected) => {
    expect(statementOf(query)).toBe(expected);
  });
});
