// Generates the console's typed GraphQL client from the committed public schema
// (apps/gateway/schema.gql) and the operations written in apps/console/src.
// `node apps/console/codegen.mjs` rewrites apps/console/src/gql; the drift test generates into
// a temporary folder and compares.
import { generate } from '@graphql-codegen/cli';

const GENERATED_DIR = 'apps/console/src/gql';

/** @param {string} outDir folder to write into, relative to the repository root or absolute */
export function codegenConfig(outDir) {
  return {
    schema: 'apps/gateway/schema.gql',
    documents: ['apps/console/src/**/*.{ts,tsx}', `!${GENERATED_DIR}/**`],
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [`${outDir}/`]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          // Operations as plain strings: no graphql-js in the browser bundle.
          documentMode: 'string',
          enumsAsTypes: true,
          useTypeImports: true,
          avoidOptionals: false,
          scalars: { DateTime: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
        },
      },
    },
  };
}

/** Writes the client into outDir; resolves to the paths written. */
export async function generateClient(outDir) {
  const files = await generate(codegenConfig(outDir), true);
  return files.map((f) => f.filename);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const written = await generateClient(process.argv[2] ?? GENERATED_DIR);
  console.log(`wrote ${written.join(', ')}`);
}
