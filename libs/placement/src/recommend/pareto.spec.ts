import { describe, expect, it } from '@jest/globals';
import { dominates, paretoFront } from './pareto.js';

describe('dominates', () => {
  const cases: { a: number[]; b: number[]; expected: boolean }[] = [
    { a: [1, 1], b: [2, 2], expected: true },
    { a: [1, 2], b: [1, 3], expected: true },
    { a: [1, 1], b: [1, 1], expected: false },
    { a: [1, 3], b: [2, 2], expected: false },
    { a: [2, 2], b: [1, 1], expected: false },
  ];
  it.each(cases)('$a over $b: $expected', ({ a, b, expected }) => {
    expect(dominates(a, b)).toBe(expected);
  });
});

describe('paretoFront', () => {
  const cases: { name: string; points: number[][]; front: number[] }[] = [
    { name: 'empty', points: [], front: [] },
    { name: 'one point', points: [[3, 3]], front: [0] },
    { name: 'a trade-off curve and a dominated point', points: [[1, 5], [2, 2], [5, 1], [3, 3]], front: [0, 1, 2] },
    { name: 'equal points both stay', points: [[1, 1], [1, 1], [2, 2]], front: [0, 1] },
    { name: 'a chain: only the best', points: [[3, 3, 3], [2, 2, 2], [1, 1, 1]], front: [2] },
    { name: 'dominated only through a non-member', points: [[4, 4], [3, 3], [1, 1], [2, 5]], front: [2] },
  ];
  it.each(cases)('$name', ({ points, front }) => {
    expect(paretoFront(points)).toEqual(front);
  });
});
