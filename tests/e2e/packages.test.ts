// The store packages `npm run build` makes: both zips, the Firefox manifest's store settings, the
// permission list, the content script's size, and web-ext lint with 0 errors and 0 warnings.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers/paths.ts';

const OUTPUT = join(ROOT, '.output');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const manifest = (browser: string) => JSON.parse(readFileSync(join(OUTPUT, `${browser}-mv3/manifest.json`), 'utf8')) as Record<string, unknown>;

describe('store packages (npm run build)', () => {
  test('Chrome and Firefox zips exist', () => {
    for (const browser of ['chrome', 'firefox']) {
      const zip = join(OUTPUT, `sekretaersjekk-${version}-${browser}.zip`);
      expect(existsSync(zip), zip).toBe(true);
      expect(statSync(zip).size).toBeGreaterThan(10_000);
    }
  });

  test('both are MV3 and ask for the same minimal permissions', () => {
    for (const browser of ['chrome', 'firefox']) {
      const m = manifest(browser);
      expect(m['manifest_version']).toBe(3);
      expect(m['permissions']).toEqual(['storage', 'activeTab', 'scripting']);
      expect(m['optional_host_permissions']).toEqual(['*://*/*']);
      expect(m['host_permissions'] ?? []).toEqual([]);
      expect(JSON.stringify(m['content_security_policy'] ?? {})).not.toMatch(/unsafe-eval|https?:/);
    }
  });

  test('Firefox: gecko id and no data collection', () => {
    const gecko = (manifest('firefox')['browser_specific_settings'] as { gecko: Record<string, unknown> }).gecko;
    expect(gecko['id']).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko['data_collection_permissions']).toEqual({ required: ['none'] });
  });

  test('the content script is at most 30 KB', () => {
    const size = statSync(join(OUTPUT, 'chrome-mv3/content-scripts/content.js')).size;
    expect(size).toBeLessThanOrEqual(30 * 1024);
  });

  test('web-ext lint: 0 errors, 0 warnings', async () => {
    const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', join(OUTPUT, 'firefox-mv3'), '--output', 'json', '--no-input'], { cwd: ROOT });
    const report = JSON.parse(stdout) as { summary: { errors: number; warnings: number }; errors: unknown[]; warnings: unknown[] };
    expect([...report.errors, ...report.warnings]).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });
});
