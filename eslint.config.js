// Lint, and the layering of src/ (README "How it is built"): each layer names what it must not import.
// Folder names are unique across src/, so an import path that passes through `app/` reaches the app layer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const LAYERS = ['domain', 'config', 'checklist', 'app', 'ui', 'cli', 'adapters'];
const SDK = { group: ['@aws-sdk/*'], message: 'only src/adapters/aws talks to the AWS SDK' };
const UI_LIBS = {
  group: ['react', 'react/*', 'ink', 'ink/*'],
  message: 'only src/ui (and the CLI that mounts it) draws',
};
const NODE_IO = { group: ['node:*', 'fs', 'child_process'], message: 'rules here are pure: no I/O' };

/** `layer` may import only from `allowed` (and itself); the message says why. */
function layer(name, allowed, extra = []) {
  const denied = LAYERS.filter((l) => l !== name && !allowed.includes(l));
  return {
    files: [`src/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...denied.map((l) => ({
              group: [`**/${l}/**`, `**/${l}`],
              message: `src/${name} may import only ${[name, ...allowed].join(', ')} (README: How it is built)`,
            })),
            ...extra,
          ],
        },
      ],
    },
  };
}

/** An adapter may import only domain, and never the `other` adapter. */
function adapter(name, other, extra) {
  return {
    files: [`src/adapters/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...LAYERS.filter((l) => l !== 'domain' && l !== 'adapters').map((l) => ({
              group: [`**/${l}/**`, `**/${l}`],
              message: `src/adapters/${name} may import only domain (README: How it is built)`,
            })),
            { group: [`**/${other}/**`, `**/${other}`], message: 'an adapter never imports the other adapter' },
            ...extra,
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // A handler may close over a variable assigned just after it (dashboard: quit before render).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  // Tests look for escape sequences on purpose.
  { files: ['test/**'], rules: { 'no-control-regex': 'off' } },
  layer('domain', [], [SDK, UI_LIBS, NODE_IO]),
  layer('config', ['domain'], [SDK, UI_LIBS]),
  layer('checklist', ['domain'], [SDK, UI_LIBS]),
  layer('app', ['domain', 'checklist'], [SDK, UI_LIBS]),
  layer('ui', ['app', 'domain'], [SDK, NODE_IO]),
  layer('cli', ['domain', 'config', 'checklist', 'app', 'ui', 'adapters'], [SDK]),
  // Each adapter sees the domain only, and never the other adapter.
  adapter('aws', 'demo', [UI_LIBS]),
  adapter('demo', 'aws', [SDK, UI_LIBS]),
);
