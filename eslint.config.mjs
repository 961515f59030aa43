import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import react from 'eslint-plugin-react';
import globals from 'globals';

const frontDoors = ['tabs', 'bot', 'outlook-addin'];
const projectDirs = ['server', 'dev', ...frontDoors, 'test', 'bench', 'scripts'];
const deepPattern = (dir) => [`**/${dir}/**`, `**/${dir}`];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'test-artifacts/', 'appPackage/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Type-aware rules (decision 0043): a promise nobody awaits, a promise where a callback's result is ignored, and reading members of `any`.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
    },
  },
  {
    // Tests read API responses as loosely as a client would (TestService.api defaults to `any`) until they share the typed HTTP contract.
    files: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  {
    // shared/ is the pure domain: it imports no other part of the project and does no I/O.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: projectDirs.flatMap(deepPattern), message: 'shared/ must not import from another part of Upward.' },
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'crypto', 'os'], message: 'shared/ is pure: no I/O.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'shared/ is pure: no I/O.' },
        { name: 'Date', message: 'shared/ is pure: take the time as an argument.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'shared/ is pure: take randomness as an argument.' },
        { object: 'Date', property: 'now', message: 'shared/ is pure: take the time as an argument.' },
      ],
    },
  },
  {
    // Front doors reach the database and Graph only through the server's HTTP API.
    files: frontDoors.map((d) => `${d}/**/*.{ts,tsx}`),
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...deepPattern('server'), ...deepPattern('dev')], message: 'Front doors talk to the server over HTTP.' }] },
      ],
      // New Teams and Outlook do not support alert, confirm or prompt: use a Fluent dialog.
      'no-alert': 'error',
    },
  },
  {
    // The service never depends on the local stand-ins: which Microsoft 365 it talks to is configuration.
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: deepPattern('dev'), message: 'server/ must not import the local stand-ins; use configuration.' }] },
      ],
    },
  },
  {
    // A refusal's detail is a catalogue message (server/http/locales/, decision 0055), worded in the
    // reader's language when sent: English written at the throw would reach everyone in English.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='ApiError'] > :matches(Literal, TemplateLiteral):nth-child(2)",
          message: "Give ApiError's detail as a catalogue key and values ({ key: 'code.reason', values }), with its words in server/http/locales/{en,fr,de}.json.",
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'jsx-a11y': jsxA11y, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...jsxA11y.configs.strict.rules, ...reactHooks.configs.recommended.rules },
  },
  {
    // Every word the tab and the add-in's pane show comes from their catalogues (tabs/locales/,
    // outlook-addin/locales/, decision 0053): a string literal rendered as JSX text is English
    // nobody can translate. Attributes are checked in the
    // browser, by the pseudo-locale test, since most are not words (intent="error").
    files: ['tabs/src/**/*.tsx', 'outlook-addin/src/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    plugins: { react },
    rules: { 'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: ['·', '…', '(', ')', ',', ':', '–', '/'] }] },
  },
  {
    // Layout in logical properties only, so a right-to-left language mirrors it (`dir` is set on the page's root).
    files: ['tabs/src/**/*.ts', 'tabs/src/**/*.tsx', 'outlook-addin/src/**/*.ts', 'outlook-addin/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: ":matches(CallExpression[callee.name='makeStyles'], JSXAttribute[name.name='style']) Property > Identifier.key[name=/^((margin|padding)(Left|Right)|border(Left|Right)(Width|Style)?|left|right)$/]",
          message: 'Use logical properties (marginInlineStart, paddingInlineEnd, insetInlineStart, ...): they mirror for right-to-left languages.',
        },
        { selector: ":matches(CallExpression[callee.name='makeStyles'], JSXAttribute[name.name='style']) Property[key.name='textAlign'] > Literal[value=/^(left|right)$/]", message: 'Use textAlign start or end: they mirror for right-to-left languages.' },
      ],
    },
  },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { sourceType: 'commonjs' },
  },
);
