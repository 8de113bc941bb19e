import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** Libraries a pure domain library may import; the list grows only by review. */
// '@jest/globals' is for their test files; no-restricted-imports keeps it out of the rest.
const DOMAIN_EXTERNALS = ['zod', 'decimal.js', '@jest/globals', '@bufbuild/cel', 'highs'];
/** The composition root may import the four services' entry points, and nothing else of them. */
const SERVICE_ENTRY_POINTS = ['@cp/inventory-service', '@cp/region-compliance-service', '@cp/cost-estimation-service', '@cp/gateway-service'];

// type:testing appears in each list for test files; no-restricted-imports below keeps it
// out of production code.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:runtime', 'type:data-access', 'type:observability', 'type:domain', 'type:access', 'type:contracts', 'type:testing'] },
  { sourceTag: 'type:launcher', onlyDependOnLibsWithTags: ['type:app', 'type:runtime', 'type:data-access', 'type:observability', 'type:domain', 'type:access', 'type:contracts', 'type:testing'] },
  { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:data-access', 'type:observability', 'type:access', 'type:contracts', 'type:testing'] },
  // The access policy: one table that the gateway and the services' bus handlers both read.
  { sourceTag: 'type:access', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'], allowedExternalImports: ['@jest/globals'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:observability', 'type:contracts', 'type:testing'] },
  // Metrics, traces and logs: imported by the transports, the runtime and the apps, never by pure code.
  { sourceTag: 'type:observability', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:testing'], allowedExternalImports: DOMAIN_EXTERNALS },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [], allowedExternalImports: ['zod', '@jest/globals'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:runtime', 'type:data-access', 'type:observability', 'type:domain', 'type:contracts'] },
];

// The harness builds buses from @cp/messaging, and messaging's own contract tests use the
// harness: a cycle through test files only (lint keeps @cp/testing out of non-test code).
const ignoredCircularDependencies = [['messaging', 'testing']];

const boundaries = (allow) => ['error', { enforceBuildableLibDependency: false, allow, depConstraints, ignoredCircularDependencies }];

export default [
  { ignores: ['**/node_modules/**', 'dist/**', 'coverage/**', '.nx/**', '.data/**', 'infra/kafka/target/**', 'apps/console/src/gql/**', 'test-output/**', '**/*.js', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    plugins: { '@nx': nx },
    languageOptions: { parser: tseslint.parser },
    rules: {
      '@nx/enforce-module-boundaries': boundaries([]),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@cp/testing', '@cp/testing/*', '@jest/globals'], message: 'test-only imports belong in test files.' }, { group: ['@cp/*/src/*'], message: 'Import a library by its alias, never by a deep path.' }] },
      ],
    },
  },
  {
    files: ['apps/embedded/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(SERVICE_ENTRY_POINTS) },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', 'libs/testing/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];
