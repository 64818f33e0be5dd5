import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'wxt';

// The generator (npm run build:site) writes the rules and the guide pages the extension bundles.
const rulesJson = path.resolve('dist/bundle/rules.json');
const siteDir = path.resolve('dist/site');

function requireGeneratorOutput(): void {
  const missing = [rulesJson, siteDir].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `Sekretærsjekk: ${missing.map((p) => path.relative(process.cwd(), p)).join(' and ')} missing — run npm run build:site first.`,
    );
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  // Explicit imports everywhere: files say where things come from, and tests import them plainly.
  imports: false,
  manifest: ({ browser }) => ({
    // Name and description in extension/public/_locales/{nb,en}/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'nb',
    permissions: ['storage', 'activeTab', 'scripting'],
    // "Always read ads on this site" asks for one https origin at a time.
    optional_host_permissions: ['https://*/*'],
    // The "no network" promise, enforced by the browser: no extension page or the worker can
    // connect anywhere, and only the extension's own scripts run.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'" },
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sekretaersjekk@sekretaersjekk.no',
              // storage.session, scripting.registerContentScripts with persistence, data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions arrived in Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // No other extension and no web page may message the extension (Chrome; Firefox has no such key).
          externally_connectable: { ids: [], matches: [] },
        }),
  }),
  vite: () => ({
    // Vite's modulepreload polyfill calls fetch(); extension pages need no polyfill (and we make no requests).
    build: { modulePreload: { polyfill: false } },
    resolve: {
      alias: { 'virtual:sekretaersjekk-rules': rulesJson },
    },
  }),
  hooks: {
    'build:before': () => {
      requireGeneratorOutput();
    },
    'build:publicAssets': (_wxt, files) => {
      requireGeneratorOutput();
      for (const absoluteSrc of listFiles(siteDir)) {
        files.push({ absoluteSrc, relativeDest: path.posix.join('guide', path.relative(siteDir, absoluteSrc).split(path.sep).join('/')) });
      }
    },
  },
  zip: {
    // Reviewers rebuild dist/ with npm run build:site; logs and screenshots are not sources.
    // Nothing copied from public repositories (the real-ad corpus and board markup stay in the
    // team handbook, ../shared; tests/e2e/packages.test.ts checks the zip against it).
    excludeSources: ['**/*.log', '**/screenshots/**', 'test-results/**', '.tmp/**', 'coverage/**', 'dist/**', '**/corpus/**', '**/boards-markup/**'],
  },
});
