// Writes the pipeline-facing message schemas (JSON Schema) into libs/contracts/schemas.
// Usage: npm run build && node scripts/write-json-schemas.mjs   (or npm run schemas:write)
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipelineJsonSchemas } from '../dist/libs/contracts/src/index.js';

const dir = join('libs', 'contracts', 'schemas');
await mkdir(dir, { recursive: true });
for (const [file, schema] of Object.entries(pipelineJsonSchemas())) {
  await writeFile(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${join(dir, file)}`);
}
