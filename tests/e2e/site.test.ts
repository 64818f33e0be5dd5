/**
 * Every kind of generated page in real Chromium with axe-core: 0 violations, in light and dark mode
 * (every page but the veiviser's, and one veiviser page per question and per verdict and route:
 * its ~200 pages come from two templates; html-validate checks every one in pages-site.test.ts).
 * Also: keyboard skip link, the site working from file:// (as inside the extension), and a
 * screenshot of a route page for the README.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../generator/lib/content/load.ts';
import { buildSite } from '../../generator/lib/build.ts';
import { ROOT, SCREENSHOTS } from './helpers/paths.ts';
import { startFixtureServer, type FixtureServer } from './helpers/server.ts';

const LAUNCH_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}
type AxeWindow = { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } };

let out: string;
let server: FixtureServer;
let browser: Browser;
let pages: string[];
/** The pages axe checks (see the header). */
let checked: string[];
let axeSource: string;
const foreignRequests: string[] = [];

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (globalThis as unknown as AxeWindow).axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Every page outside veiviser/, and the first veiviser page (by path) of each question and of each verdict-and-route. */
async function representativePages(site: string, all: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const file of [...all].sort()) {
    if (file.startsWith('veiviser/')) {
      const html = await readFile(path.join(site, file), 'utf8');
      const leaf = /data-route="([^"]*)" data-verdict="([^"]*)"/.exec(html);
      const kind = leaf ? `leaf ${leaf[1]} ${leaf[2]}` : `question ${/data-question="([^"]*)"/.exec(html)?.[1] ?? file}`;
      if (seen.has(kind)) continue;
      seen.add(kind);
    }
    out.push(file);
  }
  return out;
}

beforeAll(async () => {
  const { model } = await loadContent(path.join(ROOT, 'content'));
  if (!model) throw new Error('content/ does not load');
  out = await mkdtemp(path.join(tmpdir(), 'site-e2e-'));
  const built = await buildSite(model, { outDir: out, baseUrl: 'https://example.no/', sourceRoot: ROOT });
  pages = built.files.filter((f) => f.endsWith('.html')).map((f) => f.slice('site/'.length));
  checked = await representativePages(path.join(out, 'site'), pages);
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  server = await startFixtureServer(path.join(out, 'site'));
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: LAUNCH_FLAGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

async function openPage(colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage({ colorScheme, viewport: { width: 390, height: 844 } });
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !r.url().startsWith('file:')) foreignRequests.push(r.url());
  });
  page.on('pageerror', (e) => foreignRequests.push(`pageerror: ${e.message}`));
  return page;
}

describe('generated site in Chromium', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`every kind of page has 0 axe violations (${scheme} mode)`, async () => {
      const page = await openPage(scheme);
      const problems: string[] = [];
      for (const file of checked) {
        const response = await page.goto(`${server.origin}/${file}`);
        expect(response?.status(), file).toBe(200);
        // The stylesheet really applied (relative link resolved).
        expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily), file).toContain('system-ui');
        for (const v of await axeViolations(page)) problems.push(`${file}: ${v}`);
      }
      await page.close();
      expect(problems).toEqual([]);
      expect(checked.length).toBeGreaterThan(10);
      expect(checked.filter((p) => p.startsWith('veiviser/')).length).toBeGreaterThan(5);
    }, 180_000);
  }

  it('the privacy page is checked too, and its English part is announced as English', async () => {
    expect(pages).toContain('personvern.html');
    const page = await openPage('light');
    await page.goto(`${server.origin}/personvern.html`);
    const langs = await page.evaluate(() => ({
      page: document.documentElement.lang,
      heading: document.querySelector('h2:lang(en)')?.textContent,
      norwegian: [...document.querySelectorAll('main h2')].filter((h) => h.matches(':lang(nb)')).length,
    }));
    await page.close();
    expect(langs).toEqual({ page: 'nb', heading: 'Privacy in English', norwegian: 4 });
  });

  it('requests nothing outside the site and runs no script', () => {
    expect(foreignRequests).toEqual([]);
  });

  it('the first Tab reaches a visible skip link that moves focus to the main content', async () => {
    const page = await openPage('light');
    await page.goto(`${server.origin}/ruter/${pages.find((p) => p.startsWith('ruter/'))?.slice(6) ?? ''}`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const box = el?.getBoundingClientRect();
      return { text: el?.textContent ?? '', top: box?.top ?? -1, outline: el ? getComputedStyle(el).outlineStyle : '' };
    });
    expect(focused.text).toBe('Hopp til innholdet');
    expect(focused.top).toBeGreaterThanOrEqual(0);
    expect(focused.outline).toBe('solid');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#innhold');
    await page.close();
  });

  it('works from file:// paths, as inside the extension (relative links, stylesheet, veiviser answers)', async () => {
    const page = await openPage('light');
    await page.goto(pathToFileURL(path.join(out, 'site/veiviser/index.html')).href);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('system-ui');
    await page.click('a[data-answer="ikke-autorisert"]');
    expect(page.url()).toMatch(/veiviser\/ikke-autorisert\.html$/);
    await page.click('nav a:text("Kilder")');
    expect(page.url()).toMatch(/site\/kilder\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Kilder');
    await page.close();
  });

  it('saves a screenshot of a route page for the README', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const route = pages.find((p) => p === 'ruter/adult-rkv-vg3.html') ?? pages.find((p) => p.startsWith('ruter/')) ?? '';
    await page.goto(`${server.origin}/${route}`);
    await mkdir(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, 'route-page.png');
    await page.screenshot({ path: file, fullPage: true });
    const png = await readFile(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(await page.locator('svg.route-diagram').isVisible()).toBe(true);
    await page.close();
  });
});
