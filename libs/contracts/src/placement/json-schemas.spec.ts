import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { pipelineJsonSchemas } from './json-schemas.js';

describe('pipeline JSON Schemas', () => {
  it.each(Object.entries(pipelineJsonSchemas()))('%s is committed as the code defines it (npm run schemas:write)', (file, schema) => {
    const committed = JSON.parse(readFileSync(join('libs/contracts/schemas', file), 'utf8'));
    expect(committed).toEqual(schema);
  });

  it('requires what a producer must send and names the key field', () => {
    const schema = pipelineJsonSchemas()['workload-requested.v1.schema.json'] as { required: string[]; properties: Record<string, { required?: string[] }> };
    expect(schema.required).toEqual(expect.arrayContaining(['idempotencyKey', 'submittedBy', 'request']));
    expect(schema.properties.request!.required).toEqual(expect.arrayContaining(['workload', 'legalEntityId', 'costCenter', 'window']));
  });
});
