// The house rules that a linter can say (see README "How it is built"): where electron may be
// imported, that the renderer uses the contract's types but never its zod schemas at run time,
// and that renderer features do not reach into each other (shared → features → app).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const electronOnlyIn = ['src/main/platform/**', 'src/main/index.ts', 'src/preload/**']

const noElectron = {
  name: 'electron',
  message:
    'Only src/main/platform/, src/main/index.ts and src/preload/ import electron: domain code stays plain TypeScript.'
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // a logger that closes over the service it logs for is declared before it is assigned
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-restricted-imports': ['error', { paths: [noElectron] }]
    }
  },
  {
    files: electronOnlyIn,
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            { name: 'zod', message: 'The renderer takes the contract as types only (operations.ts).' },
            {
              name: '@shared/contract',
              allowTypeImports: true,
              message: 'The renderer imports the contract as types only: `import type`.'
            }
          ],
          patterns: [
            {
              group: ['@shared/schemas/*', '@shared/schemas'],
              allowTypeImports: true,
              message: 'The renderer imports the zod schemas as types only: `import type`.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/src/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)[^/]+/',
              message: 'A feature does not import another feature: move what both need to src/renderer/src/shared/.'
            },
            { regex: '^(\\.\\./)+app/', message: 'Features do not import the app shell (app composes features).' },
            { regex: '^@renderer/(features|app)/', message: 'Features import shared code only.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(features|app)/',
              message: 'Shared renderer code does not import features or the app shell.'
            },
            {
              regex: '^@renderer/(features|app)/',
              message: 'Shared renderer code does not import features or the app.'
            }
          ]
        }
      ]
    }
  }
)
