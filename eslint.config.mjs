// Lint rules that keep the layering honest:
// - `domain/` folders are pure: no framework, database, broker or platform imports, no I/O.
// - libs never import services; services import libs only through their @dw/* names.
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

const impureModules = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'kafkajs',
  '@opentelemetry/*',
  'prom-client',
  '@dw/event-store',
  '@dw/messaging',
  '@dw/projections',
  '@dw/platform',
  '@dw/observability',
  '@dw/testing',
  'node:fs',
  'node:net',
  'node:http',
  'node:child_process',
  'fs',
  'net',
  'http',
  'child_process',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.run/**', 'libs/contracts/src/gen/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    // CommonJS configuration files.
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          // The test harness provisions real schemas through the event store and real topics through
          // messaging; those libraries' own integration specs use the harness. The cycle runs only
          // through *.spec.ts files, never through shipped code.
          ignoredCircularDependencies: [
            ['event-store', 'testing'],
            ['messaging', 'testing'],
            ['kernel', 'testing'],
          ],
          depConstraints: [
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:lib', 'type:service'] },
          ],
        },
      ],
    },
  },
  {
    files: ['services/*/src/**/domain/**/*.ts', 'libs/kernel/src/**/*.ts', 'libs/work-orders/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: impureModules, message: 'domain code is pure: no framework, I/O or infrastructure imports' },
            { group: ['**/commands/**', '**/queries/**', '**/projections/**', '**/integration/**'], message: 'domain must not depend on outer layers' },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/services/*/src/**', '@dw/*-service'], message: 'libs must not depend on services' }] }],
    },
  },
);
