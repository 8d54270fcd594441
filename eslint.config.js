import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// What runs in production (the API, the worker, `npm start`) must not load development tools or
// devDependencies: they are not installed there (`npm ci --omit=dev`).
const runtimeFiles = [
  'api/**/*.ts',
  'domain/**/*.ts',
  'model/**/*.ts',
  'activities/**/*.ts',
  'workflows/**/*.ts',
  'lib/**/*.ts',
  'infra/**/*.ts',
  'worker.ts',
  'scripts/start.ts',
];
const { devDependencies } = JSON.parse(readFileSync(`${import.meta.dirname}/package.json`, 'utf8'));
const developmentOnly = [
  { group: ['**/tools/**'], message: 'tools/ holds development tools; the runtime must not load them.' },
  ...Object.keys(devDependencies)
    .filter((name) => !name.startsWith('@types/'))
    .map((name) => ({ group: [name, `${name}/*`], message: `${name} is a devDependency: not installed in production.` })),
];

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'generated/', '.cache/', '.data/', 'coverage/', 'web/dist/', 'web/src/api/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: runtimeFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: developmentOnly }] },
  },
  {
    // Workflow code is replayed: it must be deterministic and must not reach the outside world.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins
              .flatMap((name) => [name, `node:${name}`])
              .map((name) => ({ name, message: 'Node builtins are not deterministic; use an activity.' })),
            { name: 'nodemailer', message: 'Send mail from an activity.' },
            { name: 'express', message: 'Workflows do not serve HTTP.' },
            { name: 'pg', message: 'Use the database from an activity.' },
          ],
          patterns: [
            { group: ['@prisma/*', '**/generated/prisma/**', '**/lib/db*'], message: 'Use the database from an activity.' },
            { group: ['**/activities/**'], allowTypeImports: true, message: 'Import activities only as types, through proxyActivities.' },
            ...developmentOnly,
          ],
        },
      ],
    },
  },
);
