import { describe, expect, it } from '@jest/globals';
import { findNonText, textProblem } from './text.js';

describe('text checks', () => {
  it('accept ordinary and astral text, refuse NUL and unpaired surrogates', () => {
    expect(textProblem('Sedenak 👩🏽‍💻 \u202Eok')).toBeNull();
    expect(textProblem('nul\u0000')).toBe('contains a NUL character');
    expect(textProblem('lone \uD800')).toMatch(/unpaired/);
    expect(textProblem('lone \uDC00 low')).toMatch(/unpaired/);
  });

  it('name the path of the first bad string, keys included', () => {
    expect(findNonText({ a: [{ b: 'fine' }, { c: 'bad\u0000' }] })).toEqual({ path: 'a.1.c', problem: 'contains a NUL character' });
    expect(findNonText({ ['k\uD800']: 1 })).toMatchObject({ path: '' });
    expect(findNonText({ a: 1, b: [true, null, 'ok'] })).toBeNull();
  });
});
