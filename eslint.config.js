import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'dist/', 'tests/fixtures/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'no-unsanitized': nounsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The rules core is pure: no DOM, no Node, no build tools.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'wxt', 'wxt/*', '#imports', 'unified', 'remark-*', '../generator/*', '../extension/*', '../../generator/*', '../../extension/*'] }],
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'DOMParser'],
    },
  },
);
