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
  {
    // The browser app takes from the server's code only what costs the bundle nothing: types (erased), and
    // the zod-free domain modules listed here. Anything else would pull zod or Node into the page.
    files: ['web/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/(?!domain/(vocabulary-lists|survey-values)\\.js$)',
              allowTypeImports: true,
              message:
                'web/ imports from src/ only types and the zod-free domain modules (vocabulary-lists, survey-values).',
            },
            {
              group: ['zod', 'zod/*'],
              allowTypeImports: true,
              message: 'zod stays out of the browser bundle.',
            },
          ],
        },
      ],
    },
  },
  {
    // What web/ may import from src/domain must itself stay free of zod and of every other value import.
    files: ['src/domain/vocabulary-lists.ts', 'src/domain/survey-values.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['*', '**'],
              allowTypeImports: true,
              message: 'The web imports this module: types only.',
            },
          ],
        },
      ],
    },
  },
);
