import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** The zod-free domain modules the browser app imports (the rest of src/ only as types). */
const webDomainModules = [
  'vocabulary-lists',
  'survey-values',
  'tie-checks',
  'date-order',
  'rule-issue',
  'errors',
  'location-precision',
  'access-table',
  'network-graph-columns',
];

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
    // The shells reach the database through the services only (src/services, src/security): what they may
    // take from src/store is opening and migrating it (store/database.ts), its table types (schema.ts), and
    // for the server's error handler the engines' errors as TrackTwoErrors (store/errors.ts).
    files: ['src/cli/**', 'src/server/**', 'web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '!**/store/database.js', '!**/store/schema.js', '!**/store/errors.js'],
              message:
                'Go through a service (src/services); only store/database.js and store/schema.js are open.',
            },
          ],
        },
      ],
    },
  },
  {
    // The command line calls services, not the server; `serve` takes the server through its one entry.
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '!**/store/database.js', '!**/store/schema.js'],
              message:
                'Go through a service (src/services); only store/database.js and store/schema.js are open.',
            },
            {
              group: ['**/server/**', '!**/server/index.js'],
              message: 'The CLI uses the server only through src/server/index.ts (for `serve`).',
            },
          ],
        },
      ],
    },
  },
  {
    // Cores are pure: no database, no HTTP, no file system (docs/architecture.md, house rules).
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
              regex: `(^|/)src/(?!domain/(${webDomainModules.join('|')})\\.js$)`,
              allowTypeImports: true,
              message: `web/ imports from src/ only types and the zod-free domain modules (${webDomainModules.join(', ')}).`,
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
    files: webDomainModules.map((module) => `src/domain/${module}.ts`),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\./(${webDomainModules.join('|')})\\.js$)`,
              allowTypeImports: true,
              message: 'The web imports this module: types only, or the other zod-free domain modules.',
            },
          ],
        },
      ],
    },
  },
);
