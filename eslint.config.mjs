import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries by tag. A domain library's own tests may use the shared test support (@dhi/testing: image and
 * layer fixtures, corpora), as long as the graph stays acyclic; its code may not.
 */
function boundaries({ testsOfDomainLibs }) {
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', ...(testsOfDomainLibs ? ['type:testing'] : [])] },
      { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts'] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts', 'type:testing'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts', 'type:testing'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts', 'type:testing'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:build', onlyDependOnLibsWithTags: ['scope:shared', 'scope:build'] },
      { sourceTag: 'scope:scanner', onlyDependOnLibsWithTags: ['scope:shared', 'scope:scanner'] },
      { sourceTag: 'scope:anomaly-detector', onlyDependOnLibsWithTags: ['scope:shared', 'scope:anomaly-detector'] },
      { sourceTag: 'scope:review', onlyDependOnLibsWithTags: ['scope:shared', 'scope:review'] },
      { sourceTag: 'scope:feedback-trainer', onlyDependOnLibsWithTags: ['scope:shared', 'scope:feedback-trainer'] },
    ],
  };
}

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', '.stack/**', '.test-results/**', '**/*.cjs', '**/*.mjs', 'libs/contracts/schemas/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    // With decorator metadata on, a constructor parameter's class is a runtime value (Nest DI), not a type-only import.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-console': 'error',
      '@nx/enforce-module-boundaries': ['error', boundaries({ testsOfDomainLibs: false })],
    },
  },
  {
    files: ['libs/*/test/**/*.ts', 'libs/*/src/**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries({ testsOfDomainLibs: true })] },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg'], message: 'contracts are plain schemas and types' }] }],
    },
  },
  {
    files: ['libs/!(messaging)/**/*.ts', 'services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'kafkajs is used only inside libs/messaging' }] }],
    },
  },
];
