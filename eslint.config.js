import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

/**
 * Boundaries between the core and its two faces (README: "How the folders fit"), as import zones.
 * Import sources are matched as written (relative paths), by path segment.
 */
const FACE = {
  extension: String.raw`(^|/)extension(/|$)`,
  generator: String.raw`(^|/)generator(/|$)`,
};
/** Anything in shared/ other than the named entries. */
const coreExcept = (...entries) => String.raw`(^|/)shared/(?!(${entries.map((e) => e.replace('.', String.raw`\.`)).join('|')})$)`;

const zone = (regex, message, extra = {}) => ({ regex, message, ...extra });
const CORE_ONLY_THROUGH_INDEX = zone(coreExcept('index.ts'), 'Use the core through shared/index.ts (its public API), not its internals.');
const NO_EXTENSION = zone(FACE.extension, 'The generator never imports the extension (two faces of one core).');
const NO_GENERATOR = zone(FACE.generator, 'The extension never imports the generator (two faces of one core).');
/**
 * Files that end up in the content script (size-budgeted): its entrypoint and everything it imports,
 * followed here as the bundler does, so a new module joins the zone by being imported.
 */
function contentScriptFiles(entry = 'extension/entrypoints/content/index.ts') {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !file.startsWith('extension/') || !existsSync(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gm)) {
      visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    }
  };
  visit(entry);
  return [...seen];
}
const CONTENT_SCRIPT = ['extension/entrypoints/content/**', ...contentScriptFiles()];

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
    // The rules core is pure: no DOM, no Node, no build tools, and it imports neither face.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'wxt', 'wxt/*', '#imports', 'unified', 'remark-*'], message: 'The rules core is pure TypeScript: no Node, no WXT, no build tools.' },
            zone(String.raw`${FACE.extension}|${FACE.generator}`, 'The rules core imports neither face; the faces import the core.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'DOMParser'],
    },
  },
  {
    files: ['generator/**/*.ts', 'bin/**/*.js'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_EXTENSION, CORE_ONLY_THROUGH_INDEX] }] },
  },
  {
    files: ['extension/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [NO_GENERATOR, zone(coreExcept('index.ts', 'content-script.ts'), 'Use the core through shared/index.ts (or shared/content-script.ts in the content script), not its internals.')] },
      ],
    },
  },
  {
    files: CONTENT_SCRIPT,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_GENERATOR,
            zone(coreExcept('index.ts', 'content-script.ts'), 'The content script uses the core through shared/content-script.ts only.'),
            zone(String.raw`(^|/)shared/index\.ts$`, 'The content script is size-budgeted: import the core from shared/content-script.ts (types may come from index.ts).', { allowTypeImports: true }),
          ],
        },
      ],
    },
  },
);
