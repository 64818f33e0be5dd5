// The store packages `npm run build` makes: both zips, the Firefox manifest's store settings, the
// permission list (pinned by README.md), the CSP, the sources zip without handbook data, the
// content script's size, and web-ext lint with 0 errors and 0 warnings.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { BOARD_MATCHES } from '../../extension/adapters/index.ts';
import { ROOT } from './helpers/paths.ts';
import { BOARDS_MARKUP_DIR, HANDBOOK_DIR } from '../helpers/corpus.ts';

/** The list between <!-- manifest:begin --> and <!-- manifest:end --> in README.md. */
function readmeManifest(): { permissions: string[]; optional: string[]; matches: string[] } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- manifest:begin -->([\s\S]*?)<!-- manifest:end -->/.exec(readme)?.[1] ?? '';
  const codes = (line: string | undefined) => [...(line ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const item = (name: string) => block.split(/\n(?=- )/).find((l) => l.startsWith(`- \`${name}\``));
  return {
    permissions: codes(item('permissions')).slice(1).filter((c) => /^[a-zA-Z]+$/.test(c)),
    optional: codes(item('optional_host_permissions')).slice(1).filter((c) => c.includes('://')),
    matches: block.split('\n').filter((l) => /^ {2}- `/.test(l)).map((l) => codes(l)[0]!),
  };
}

/** The entries of a zip file (stored or deflated), from its central directory. */
function zipEntries(file: string): { name: string; data: Buffer }[] {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : raw });
    at += 46 + nameLength + extra;
  }
  return entries;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : []));
}
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

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

  test('both are MV3 and ask for exactly the permissions and content-script matches README.md lists', () => {
    const listed = readmeManifest();
    expect(listed.permissions).toEqual(['storage', 'activeTab', 'scripting']);
    expect(listed.matches.length).toBeGreaterThan(5);
    // One list: the adapters' own matches are what the README names.
    expect([...BOARD_MATCHES].sort()).toEqual([...listed.matches].sort());
    for (const browser of ['chrome', 'firefox']) {
      const m = manifest(browser);
      expect(m['manifest_version']).toBe(3);
      expect(m['permissions']).toEqual(listed.permissions);
      expect(m['optional_host_permissions']).toEqual(listed.optional);
      expect(m['host_permissions'] ?? []).toEqual([]);
      const scripts = m['content_scripts'] as { matches: string[] }[];
      expect(scripts).toHaveLength(1);
      expect([...scripts[0]!.matches].sort()).toEqual([...listed.matches].sort());
      expect(m['web_accessible_resources'] ?? []).toEqual([]);
    }
    expect(listed.optional).toEqual(['https://*/*']);
  });

  test('a CSP forbids every connection and every script not our own; no one outside may message the extension', () => {
    for (const browser of ['chrome', 'firefox']) {
      const csp = (manifest(browser)['content_security_policy'] as { extension_pages: string }).extension_pages;
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
      expect(directives.get('connect-src')).toBe("'none'");
      expect(directives.get('script-src')).toBe("'self'");
      expect(csp).not.toMatch(/unsafe-|https?:|\*/);
    }
    expect(manifest('chrome')['externally_connectable']).toEqual({ ids: [], matches: [] });
  });

  test('the sources zip holds nothing from the handbook (real ads, board markup)', () => {
    const zip = join(OUTPUT, `sekretaersjekk-${version}-sources.zip`);
    expect(existsSync(zip), zip).toBe(true);
    const entries = zipEntries(zip);
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.map((e) => e.name).filter((n) => /(^|\/)(corpus|boards-markup)\//.test(n))).toEqual([]);
    const handbook = [...filesUnder(join(HANDBOOK_DIR, 'corpus')), ...filesUnder(BOARDS_MARKUP_DIR)];
    if (handbook.length === 0) {
      console.warn('packages.test: ../shared/corpus and ../shared/boards-markup absent: sources zip checked by name only');
      return;
    }
    const known = new Set(handbook.filter((f) => statSync(f).size > 200).map((f) => sha(readFileSync(f))));
    expect(entries.filter((e) => known.has(sha(e.data))).map((e) => e.name)).toEqual([]);
  });

  test('Firefox: gecko id and no data collection', () => {
    const gecko = (manifest('firefox')['browser_specific_settings'] as { gecko: Record<string, unknown> }).gecko;
    expect(gecko['id']).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko['data_collection_permissions']).toEqual({ required: ['none'] });
  });

  // The target is 30 KB and is not met (README, Benchmarks: what the script carries and the next
  // step); this ceiling keeps it from growing further meanwhile.
  test('the content script stays under its 40 KB ceiling', () => {
    const size = statSync(join(OUTPUT, 'chrome-mv3/content-scripts/content.js')).size;
    expect(size).toBeLessThanOrEqual(40 * 1024);
  });

  test('web-ext lint: 0 errors, 0 warnings', async () => {
    const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', join(OUTPUT, 'firefox-mv3'), '--output', 'json', '--no-input'], { cwd: ROOT });
    const report = JSON.parse(stdout) as { summary: { errors: number; warnings: number }; errors: unknown[]; warnings: unknown[] };
    expect([...report.errors, ...report.warnings]).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });
});
