import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** Repository root (tests/e2e/helpers → ../../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
export const BOARD_FIXTURES = resolve(ROOT, 'tests/fixtures/boards');
export const HOSTILE_FIXTURES = resolve(ROOT, 'tests/fixtures/hostile');
export const SCREENSHOTS = resolve(ROOT, 'docs/screenshots');
