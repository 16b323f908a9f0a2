// Type-checked lint with per-folder import limits that keep the layering of house-style.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeImport = { name: 'vscode', message: 'The API client and the emulator never import vscode.' };

/**
 * The command handlers are a bundle of their own (src/commands/lazy.ts): a tree class imported
 * as a value there would be a second copy, and `instanceof` against it would fail. Rows are told
 * apart with isNode (tree/kinds.ts); classes may be imported as types. Command files (one per
 * command) share pieces only through commands/common/, never by importing one another, and the
 * shared pieces import no command file.
 */
function commandRules() {
  const always = [
    { group: ['**/tree/*', '!**/tree/kinds'], allowTypeImports: true, message: 'Command handlers import tree classes as types only; tell rows apart with isNode (tree/kinds.ts).' },
    { regex: '(^|/)(ui/(previewFiles|vscodePrompter)|services/(sessionRecovery|background|quota|spaces|fileDetails|thumbnails))$', allowTypeImports: true, message: 'Long-lived objects reach command handlers through the App, never by import.' },
  ];
  return [
    {
      files: ['src/commands/*.ts'],
      ignores: ['src/commands/index.ts', 'src/commands/lazy.ts', 'src/commands/handlers.ts'],
      rules: {
        'no-restricted-imports': 'off',
        '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...always, { regex: '^\\./(?!common/)', message: 'A command file imports no other command file: put what commands share in commands/common/.' }] }],
      },
    },
    {
      files: ['src/commands/common/*.ts'],
      rules: {
        'no-restricted-imports': 'off',
        '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...always, { regex: '^\\.\\./[^./]+$', message: 'Shared command pieces import no command file.' }] }],
      },
    },
  ];
}

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
    // Arrows run one way: commands orchestrate everything below them, nothing below imports them
    // (types included). The composition root (extension.ts) is above them.
    files: ['src/**/*.ts'],
    ignores: ['src/commands/**', 'src/extension.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)commands(/|$)', message: 'Nothing below commands/ imports from it: move what both need down (app.ts, services/, model/, tree/).' }] }],
    },
  },
  ...commandRules(),
  {
    // Plain Node: of the modules that touch VS Code only types may be imported; the vscode-free
    // cores of the trees and the commands (tree/listing, commands/common) are tested here.
    files: ['test/unit/**/*.ts', 'test/emulator/**/*.ts', 'test/bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [vscodeImport] }],
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '/src/(tree/(?!(listing|kinds|node|filterRun)$)|commands/(?!common/)|auth/|ui/|extension$|config$|log$)', allowTypeImports: true, message: 'Unit tests and the emulator run in plain Node: import only types from modules that touch VS Code.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
