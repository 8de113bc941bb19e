import { describe, expect, it } from '@jest/globals';
import { operationLabel } from './graphql-telemetry.plugin.js';

describe('operationLabel', () => {
  it('keeps GraphQL operation names, and names the unnamed and the malformed', () => {
    expect(operationLabel('Recommend')).toBe('Recommend');
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('')).toBe('anonymous');
    expect(operationLabel('drop table; --')).toBe('invalid');
  });

  it('stops adding label values after 200 names, so clients cannot grow the registry', () => {
    const names = Array.from({ length: 250 }, (_, i) => `Op${i}`);
    const labels = names.map(operationLabel);
    expect(new Set(labels).size).toBeLessThanOrEqual(201);
    expect(labels.at(-1)).toBe('other');
    expect(operationLabel('Recommend')).toBe('Recommend');
  });
});
