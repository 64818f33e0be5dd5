/** `sekretaersjekk generate` through the real bin: builds, refuses bad content without touching dist, bad options. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../generator/cli/index.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/sekretaersjekk.js');
let tmp = '';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: tmp });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout: string; stderr: string };
    return { code: e.code ?? -1, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every file below dir, relative path → bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full));
  }
  return files;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'generate-cli-'));
  await cp(path.resolve('content'), path.join(tmp, 'content'), { recursive: true });
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('sekretaersjekk generate', () => {
  it('builds the site and the rules bundle, keeping other files in the out dir', async () => {
    await writeFile(path.join(tmp, 'keep.txt'), 'x');
    await cp(path.join(tmp, 'keep.txt'), path.join(tmp, 'dist/keep.txt'));
    const result = await cli(['generate', '--out', 'dist']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Bygget \d+ sider og \d+ andre filer i dist\/ på \d+ ms \(\d+ ruter, \d+ fakta, \d+ endringer\)\.\n$/);
    const rules = JSON.parse(await readFile(path.join(tmp, 'dist/bundle/rules.json'), 'utf8')) as { routes: { id: string }[] };
    expect(rules.routes.map((r) => r.id)).toContain('vgs-full');
    expect(await readFile(path.join(tmp, 'dist/site/index.html'), 'utf8')).toContain('<html lang="nb"');
    expect(await readFile(path.join(tmp, 'dist/keep.txt'), 'utf8')).toBe('x');
    // No temporary build directories left behind.
    expect((await readdir(tmp)).filter((n) => n.startsWith('.dist-'))).toEqual([]);
  }, 60_000);

  it('on a content error prints every message with its position, exits 1 and leaves dist byte-identical', async () => {
    const before = await snapshot(path.join(tmp, 'dist'));
    expect(before.size).toBeGreaterThan(10);
    await writeFile(path.join(tmp, 'content/pages/broken.md'), '---\ntitle: Ødelagt\n---\nFørste linje.\nSe {{F-99}} og [ruten](route:finnes-ikke).\n');
    try {
      const result = await cli(['generate', '--out', 'dist']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('content/pages/broken.md:5:4: body: ukjent fakta-id «F-99»');
      expect(result.stderr).toContain('content/pages/broken.md:5:24: body: lenke til ukjent rute «route:finnes-ikke»');
      expect(result.stderr).toContain('2 feil i content/. Ingenting er skrevet; dist/ er som før.');
      const after = await snapshot(path.join(tmp, 'dist'));
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), file).toBe(true);
      expect((await readdir(tmp)).filter((n) => n.startsWith('.dist-'))).toEqual([]);
    } finally {
      await rm(path.join(tmp, 'content/pages/broken.md'));
    }
  }, 60_000);

  it('exits 1 when the content dir does not exist', async () => {
    const result = await cli(['generate', '--content', 'nowhere', '--out', 'dist2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nowhere/site.yaml:1:1: filen mangler');
  }, 60_000);
});

describe('bad options exit 2 with a Norwegian message', () => {
  it.each([
    [['--serve'], '--serve krever --watch'],
    [['--watch', '--port', '80'], '--port krever --serve'],
    [['--watch', '--serve', '--port', 'åtte'], 'ugyldig --port «åtte»'],
    [['--base-url', 'sekretaersjekk.no'], 'ugyldig --base-url «sekretaersjekk.no»'],
    [['--base-url', 'ftp://example.no/'], 'ugyldig --base-url «ftp://example.no/»'],
    [['--bogus'], 'ugyldig valg'],
    [['extra'], 'uventet argument «extra»'],
  ])('generate %j', async (args, message) => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['generate', ...args])).toBe(2);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain(message);
    } finally {
      stderr.mockRestore();
    }
  });
});
