/** generate --watch --serve: incremental rebuilds, errors shown without stopping, a safe static server. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFile, startWatch, type RebuildReport, type Watcher } from '../../generator/lib/watch.ts';

let tmp = '';
let watcher: Watcher;
const logs: string[] = [];

function nextRebuild(): Promise<RebuildReport> {
  return new Promise((resolve) => {
    const off = watcher.onRebuild((report) => {
      off();
      resolve(report);
    });
  });
}

async function get(url: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'content-watch-'));
  await cp(path.resolve('content'), path.join(tmp, 'content'), { recursive: true });
  watcher = await startWatch({ contentDir: path.join(tmp, 'content'), outDir: path.join(tmp, 'dist'), port: 0, log: (line) => logs.push(line) });
}, 60_000);
afterAll(async () => {
  await watcher?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('watch and serve', () => {
  it('builds everything first and serves it with the right content types', async () => {
    expect(watcher.initial.ok).toBe(true);
    expect(watcher.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(watcher.url!);
    expect(home.status).toBe(200);
    expect(home.type).toBe('text/html; charset=utf-8');
    expect(home.body).toContain('<html lang="nb"');
    expect((await get(`${watcher.url}style.css`)).type).toBe('text/css; charset=utf-8');
    expect((await get(`${watcher.url}sitemap.xml`)).type).toBe('application/xml; charset=utf-8');
    expect((await get(`${watcher.url}finnes-ikke.html`)).status).toBe(404);
  });

  it('rebuilds only the pages a saved route file affects', async () => {
    const file = path.join(tmp, 'content/routes/vgs-full.md');
    const rebuilt = nextRebuild();
    await writeFile(file, `${await readFile(file, 'utf8')}\nTestsetning fra watch-testen.\n`);
    const report = await rebuilt;
    expect(report.ok).toBe(true);
    expect(report.only).toContain('ruter/vgs-full');
    expect(report.only).not.toContain('endringer');
    expect(report.written).toContain('site/ruter/vgs-full.html');
    expect(report.written).not.toContain('site/endringer.html');
    expect(report.written).not.toContain('site/ruter/apply-authorisation.html');
    expect(await readFile(path.join(tmp, 'dist/site/ruter/vgs-full.html'), 'utf8')).toContain('Testsetning fra watch-testen.');
  }, 30_000);

  it('a change to a route\'s steps re-renders the route page and the bundle, not the pages listing it', async () => {
    const file = path.join(tmp, 'content/routes/vgs-full.md');
    const text = await readFile(file, 'utf8');
    const changed = text.replace(/(\n\s+description: >-?\n\s+)/, '$1Endret steg. ');
    expect(changed).not.toBe(text);
    const rebuilt = nextRebuild();
    await writeFile(file, changed);
    const report = await rebuilt;
    expect(report.ok).toBe(true);
    expect(report.only).toEqual(['bundle/rules.json', 'ruter/vgs-full']);
    expect(report.written).toEqual(['bundle/rules.json', 'site/ruter/vgs-full.html']);
    expect(await readFile(path.join(tmp, 'dist/site/ruter/vgs-full.html'), 'utf8')).toContain('Endret steg.');

    const retitled = nextRebuild();
    await writeFile(file, changed.replace(/^title: (.*)$/m, 'title: $1 (endret)'));
    const wider = await retitled;
    expect(wider.ok).toBe(true);
    expect(wider.only).toEqual(expect.arrayContaining(['ruter/vgs-full', 'index', 'kilder', 'veiviser']));
    expect(wider.written).toContain('site/index.html');
  }, 30_000);

  it('shows content errors without stopping, keeps the last good page, and recovers', async () => {
    const file = path.join(tmp, 'content/routes/vgs-full.md');
    const good = await readFile(file, 'utf8');
    let rebuilt = nextRebuild();
    await writeFile(file, `${good}\nNy setning {{F-99}}.\n`);
    const failed = await rebuilt;
    expect(failed.ok).toBe(false);
    expect(failed.messages.map((m) => `${m.file} ${m.field} ${m.message}`)).toEqual([expect.stringContaining('content/routes/vgs-full.md body ukjent fakta-id «F-99»')]);
    expect(logs.some((l) => /content\/routes\/vgs-full\.md:\d+:\d+: body: ukjent fakta-id «F-99»/.test(l))).toBe(true);
    const page = await get(`${watcher.url}ruter/vgs-full.html`);
    expect(page.body).toContain('role="alert"');
    expect(page.body).toContain('ukjent fakta-id «F-99»');
    expect(page.body).toContain('Testsetning fra watch-testen.');
    expect(await readFile(path.join(tmp, 'dist/site/ruter/vgs-full.html'), 'utf8')).not.toContain('Ny setning');

    rebuilt = nextRebuild();
    await writeFile(file, `${good}\nRettet setning.\n`);
    const fixed = await rebuilt;
    expect(fixed.ok).toBe(true);
    const after = await get(`${watcher.url}ruter/vgs-full.html`);
    expect(after.body).not.toContain('role="alert"');
    expect(after.body).toContain('Rettet setning.');
  }, 30_000);
});

describe('serveFile', () => {
  it('never serves files outside the site directory', async () => {
    const root = path.join(tmp, 'dist/site');
    for (const url of ['/../bundle/rules.json', '/%2e%2e/bundle/rules.json', '/..%2fbundle%2frules.json', '/../../content/site.yaml', '/%00']) {
      expect((await serveFile(root, url)).status, url).not.toBe(200);
    }
    expect((await serveFile(root, '/%E0%A4%A')).status).toBe(400);
    const index = await serveFile(root, '/veiviser/');
    expect(index.status).toBe(200);
    expect(index.type).toBe('text/html; charset=utf-8');
  });
});
