import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-results/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Cores are pure: no database, no HTTP, no file system (DESIGN.md, house rules).
    files: ['src/network/**', 'src/deliberation/**', 'src/evaluation/**', 'src/domain/**'],
    ignores: ['**/*.worker.ts', '**/*-worker.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'child_process', 'worker_threads'],
              message: 'Cores do no I/O.',
            },
            {
              group: ['**/store/**', '**/server/**', '**/services/**', '**/cli/**', '**/security/**'],
              message: 'Cores never import the shell.',
            },
            { group: ['kysely', 'pg', 'better-sqlite3', 'fastify'], message: 'Cores do no I/O.' },
          ],
        },
      ],
    },
  },
);
