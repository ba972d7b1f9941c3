// ESLint flat config: typescript-eslint's recommended rules, plus the one architectural
// rule of STYLE.md — src/engine is pure: no Office, exceljs, DOM or Node imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'url',
  'util', 'zlib', 'worker_threads', 'process', 'buffer', 'events', 'readline',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'out/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Build DOM nodes with textContent; workbook text is user data.' },
        { property: 'outerHTML', message: 'Build DOM nodes with textContent; workbook text is user data.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes with textContent; workbook text is user data.' },
      ],
    },
  },
  {
    // Excel hands custom functions ranges of mixed cells, and the metadata generator
    // maps only keyword types (any, number, string, boolean) to functions.json.
    files: ['src/functions/functions.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', {
        paths: ['exceljs', 'docx', ...nodeBuiltins].map((name) => ({
          name, message: 'src/engine is pure: no I/O, Office, exceljs or Node imports.',
        })),
        patterns: [
          { group: ['node:*'], message: 'src/engine is pure: no Node imports.' },
          { group: ['@microsoft/office-js', 'office-*', '@fluentui/*'], message: 'src/engine is pure: no Office or UI imports.' },
          { group: ['**/workbook/**', '**/taskpane/**', '**/cli/**', '**/functions/**'], message: 'Everything depends on src/engine, never the other way round.' },
        ],
      }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'Excel', 'Office', 'CustomFunctions', 'process', 'require', 'fetch', 'XMLHttpRequest', 'localStorage']
          .map((name) => ({ name, message: 'src/engine is pure: no DOM, Office or Node globals.' })),
      ],
    },
  },
);
