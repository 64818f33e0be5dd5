import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, ROOT } from './paths.ts';

/**
 * `npm test` builds first; a lone `vitest run tests/e2e/...` may find no build, so build once.
 * Returns the unpacked extension directory.
 */
export function ensureExtensionBuilt(): string {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    // The extension bundles the generator's output (rules + guide pages); make it first if absent.
    if (!existsSync(join(ROOT, 'dist/bundle/rules.json'))) {
      execFileSync(process.execPath, [join(ROOT, 'bin/sekretaersjekk.js'), 'generate'], { cwd: ROOT, stdio: 'pipe' });
    }
    execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'pipe' });
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR} after \`wxt build\``);
  }
  return EXTENSION_DIR;
}
