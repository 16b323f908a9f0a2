// Type-checked lint with per-folder import limits that keep the layering of house-style.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeImport = { name: 'vscode', message: 'The API client and the emulator never import vscode.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'test/harness/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [vscodeImport],
        patterns: [{ group: ['../tree/*', '../commands/*', '../ui/*', '../auth/*', '../*'], message: 'src/api stands alone: it imports only itself and Node.' }],
      }],
    },
  },
  {
    files: ['src/tree/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../commands/*', '../auth/*', '!../auth/state', '../ui/*', '../services/*'], message: 'Trees never show messages nor touch secrets (they may read the session state type).' }] }],
      'no-restricted-properties': ['error',
        { object: 'window', property: 'showErrorMessage', message: 'Trees never show messages: make a node.' },
        { object: 'window', property: 'showWarningMessage', message: 'Trees never show messages: make a node.' },
        { object: 'window', property: 'showInformationMessage', message: 'Trees never show messages: make a node.' }],
    },
  },
  {
    // The handlers are a bundle of their own (src/commands/lazy.ts): a tree class imported as a
    // value there would be a second copy, and `instanceof` against it would fail. Rows are told
    // apart with isNode (tree/kinds.ts); classes may be imported as types.
    files: ['src/commands/**/*.ts'],
    ignores: ['src/commands/index.ts', 'src/commands/lazy.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['../tree/*', '!../tree/kinds'], allowTypeImports: true, message: 'Command handlers import tree classes as types only; tell rows apart with isNode (tree/kinds.ts).' },
          { group: ['../ui/previewFiles', '../ui/vscodePrompter', '../ui/views', '../services/sessionRecovery', '../services/background', '../services/storage', '../services/fileDetails'], allowTypeImports: true, message: 'Long-lived objects reach command handlers through the CommandContext, never by import.' },
        ],
      }],
    },
  },
  {
    files: ['test/unit/**/*.ts', 'test/emulator/**/*.ts', 'test/bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [vscodeImport],
        patterns: [{ group: ['**/src/tree/*', '**/src/commands/*', '**/src/auth/*', '**/src/extension'], message: 'Unit tests and the emulator run in plain Node.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
