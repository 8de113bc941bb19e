import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { GATEWAY_ACCESS } from '@cp/access';
import { buildSchema } from 'graphql';

const schema = buildSchema(readFileSync('apps/gateway/schema.gql', 'utf8'));
const rootOperations = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => (type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []));

describe('the access table and the public schema', () => {
  it('has a rule for every root operation of the schema', () => {
    expect(rootOperations.filter((key) => !GATEWAY_ACCESS[key])).toEqual([]);
  });

  it('names no operation or field the schema does not have', () => {
    const stale = Object.keys(GATEWAY_ACCESS).filter((key) => {
      if (key.startsWith('GET ')) return false;
      const [typeName, field] = key.split('.');
      const type = schema.getType(typeName!);
      return !type || !('getFields' in type) || !(field! in (type.getFields() as Record<string, unknown>));
    });
    expect(stale).toEqual([]);
  });
});
