import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's built-in modules by their bare names (exact paths: a pattern would also catch './events'). */
const nodeBuiltins = (message) =>
  builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message }));
const NOT_NODE_RENDERER = 'The renderer never touches Node: ask the core through window.mizban.';
const NOT_NODE_CONTRACT = 'The contract is pure: the renderer imports it too.';

const electron = { name: 'electron', message: 'Only main/*.ts (the Electron shell) may import electron.' };

/**
 * The folder boundaries of ARCHITECTURE.md, enforced here:
 * - the renderer touches neither Electron nor Node nor main/, except main/core/contract;
 * - the core, the shells' pure helpers and the device layer never import electron;
 * - the contract is pure: the renderer bundles it.
 */
export const boundaries = [
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, ...nodeBuiltins(NOT_NODE_RENDERER)],
          patterns: [
            { group: ['node:*'], message: NOT_NODE_RENDERER },
            {
              regex: '(^|/)main/(?!core/contract(/|$))',
              message: 'The renderer may import only main/core/contract from main/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/shell/**/*.ts', 'main/cli/**/*.ts', 'native/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron] }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='require'][arguments.0.value='electron']", message: electron.message },
      ],
    },
  },
  {
    files: ['main/core/**/*.ts', 'native/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The core has no DOM.' },
        { name: 'document', message: 'The core has no DOM.' },
      ],
    },
  },
  {
    files: ['main/core/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, ...nodeBuiltins(NOT_NODE_CONTRACT)],
          patterns: [
            { group: ['node:*'], message: NOT_NODE_CONTRACT },
            { group: ['../*', '!../contract'], message: 'The contract imports nothing of the core.' },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'screenshots/**', 'node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...boundaries,
  prettier,
);
