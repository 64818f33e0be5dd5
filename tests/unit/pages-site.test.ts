/**
 * The site built from the shipped content/: valid HTML, no broken internal links, deterministic
 * bytes, incremental rebuilds, and the metadata every page must carry.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../generator/lib/content/load.ts';
import type { ContentModel } from '../../generator/lib/model.ts';
import { buildSite, plannedOutputs, renderRange, stableJson, type BuildResult } from '../../generator/lib/build.ts';
import { renderInParallel, stopRenderWorkers } from '../../generator/lib/render-pool.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BASE = 'https://example.no/sekretaersjekk/';

let model: ContentModel;
let dirA: string;
let dirB: string;
let first: BuildResult;
let pages: { file: string; html: string }[];

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

beforeAll(async () => {
  const loaded = await loadContent(path.join(ROOT, 'content'));
  if (!loaded.model) throw new Error(loaded.messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.message}`).join('\n'));
  model = loaded.model;
  dirA = await mkdtemp(path.join(tmpdir(), 'pages-a-'));
  dirB = await mkdtemp(path.join(tmpdir(), 'pages-b-'));
  first = await buildSite(model, { outDir: dirA, baseUrl: BASE, sourceRoot: ROOT });
  await buildSite(model, { outDir: dirB, baseUrl: BASE, sourceRoot: ROOT });
  const htmlFiles = first.files.filter((f) => f.endsWith('.html'));
  pages = await Promise.all(htmlFiles.map(async (file) => ({ file, html: await readFile(path.join(dirA, file), 'utf8') })));
}, 120_000); // two full builds of ~200 pages: seconds, but a busy machine must not skip the file


afterAll(async () => {
  await rm(dirA, { recursive: true, force: true });
  await rm(dirB, { recursive: true, force: true });
});

describe('buildSite on the shipped content', () => {
  it('writes the documented layout', () => {
    for (const file of ['site/index.html', 'site/kilder.html', 'site/endringer.html', 'site/style.css', 'site/sitemap.xml', 'site/veiviser/index.html', 'bundle/rules.json']) {
      expect(first.files).toContain(file);
    }
    for (const route of model.rules.routes) expect(first.files).toContain(`site/ruter/${route.id}.html`);
    expect(first.written).toEqual(first.files);
  });

  it('every page passes html-validate (recommended)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const { file, html } of pages) {
      const report = await validator.validateString(html, file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThan(10);
  }, 60_000);

  it('has no broken internal links or fragments', async () => {
    const idsOf = new Map<string, Set<string>>();
    const ids = async (file: string): Promise<Set<string>> => {
      let set = idsOf.get(file);
      if (!set) {
        const html = await readFile(path.join(dirA, file), 'utf8');
        set = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
        idsOf.set(file, set);
      }
      return set;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const { file, html } of pages) {
      for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const raw = (match[1] ?? '').replace(/&amp;/g, '&');
        if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) continue; // absolute (canonical, sources)
        expect(raw.startsWith('/'), `${file}: root-relative link ${raw} breaks offline use`).toBe(false);
        const [target = '', fragment] = raw.split('#');
        const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
        checked++;
        if (!existsSync(path.join(dirA, resolved))) broken.push(`${file} → ${raw} (no file)`);
        else if (fragment && !(await ids(resolved)).has(decodeURIComponent(fragment))) broken.push(`${file} → ${raw} (no id)`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 5);
  });

  it('builds byte-identical output twice, and a rebuild writes nothing', async () => {
    const a = await listFiles(dirA);
    expect(await listFiles(dirB)).toEqual(a);
    for (const file of a) {
      const [x, y] = await Promise.all([readFile(path.join(dirA, file)), readFile(path.join(dirB, file))]);
      expect(x.equals(y), file).toBe(true);
    }
    const again = await buildSite(model, { outDir: dirA, baseUrl: BASE, sourceRoot: ROOT });
    expect(again.written).toEqual([]);
    expect(again.files).toEqual(first.files);
  }, 60_000);

  it('`only` renders just the selected pages and rewrites only changed bytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pages-only-'));
    try {
      await buildSite(model, { outDir: dir, baseUrl: BASE, sourceRoot: ROOT });
      const kilder = path.join(dir, 'site/kilder.html');
      await writeFile(kilder, 'stale');
      const onlyKilder = await buildSite(model, { outDir: dir, baseUrl: BASE, sourceRoot: ROOT, only: ['kilder'] });
      expect(onlyKilder.files).toEqual(['site/kilder.html']);
      expect(onlyKilder.written).toEqual(['site/kilder.html']);
      expect(await readFile(kilder, 'utf8')).toBe(await readFile(path.join(dirA, 'site/kilder.html'), 'utf8'));
      const routes = await buildSite(model, { outDir: dir, baseUrl: BASE, sourceRoot: ROOT, only: ['ruter'] });
      expect(routes.files).toEqual(model.rules.routes.map((r) => `site/ruter/${r.id}.html`).sort());
      expect(routes.written).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a full build removes route and veiviser pages the model no longer produces, and nothing else', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pages-stale-'));
    try {
      await buildSite(model, { outDir: dir, baseUrl: BASE, sourceRoot: ROOT });
      await writeFile(path.join(dir, 'site/ruter/gammel-rute.html'), 'old');
      await writeFile(path.join(dir, 'site/veiviser/gammel-node.html'), 'old');
      await writeFile(path.join(dir, 'site/ruter/notater.txt'), 'not ours');
      const partial = await buildSite(model, { outDir: dir, baseUrl: BASE, sourceRoot: ROOT, only: ['index'] });
      expect(partial.files).toEqual(['site/index.html']);
      expect(existsSync(path.join(dir, 'site/ruter/gammel-rute.html'))).toBe(true); // `only` never deletes
      await buildSite(model, { outDir: dir, baseUrl: BASE, sourceRoot: ROOT });
      expect(existsSync(path.join(dir, 'site/ruter/gammel-rute.html'))).toBe(false);
      expect(existsSync(path.join(dir, 'site/veiviser/gammel-node.html'))).toBe(false);
      expect(existsSync(path.join(dir, 'site/ruter/notater.txt'))).toBe(true);
      for (const route of model.rules.routes) expect(existsSync(path.join(dir, `site/ruter/${route.id}.html`))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('every page has lang, landmarks, skip link, canonical URL, Open Graph, and no JavaScript', () => {
    for (const { file, html } of pages) {
      const pagePath = file.slice('site/'.length);
      expect(html, file).toContain('<html lang="nb">');
      expect(html, file).toContain(`<link rel="canonical" href="${BASE}${pagePath}">`);
      expect(html, file).toContain(`<meta property="og:url" content="${BASE}${pagePath}">`);
      expect(html, file).toMatch(/<meta property="og:title" content="[^"]+">/);
      for (const tag of ['<header', '<nav', '<main id="innhold">', '<footer']) expect(html, file).toContain(tag);
      expect(html, file).toContain('<a class="skip-link" href="#innhold">');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
      expect(scripts.every((attrs) => attrs === ' type="application/ld+json"'), file).toBe(true);
      expect(html, file).not.toMatch(/\son[a-z]+=|javascript:/i);
    }
  });

  it('sitemap lists every page by its canonical URL', async () => {
    const sitemap = await readFile(path.join(dirA, 'site/sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(pages.map((p) => `${BASE}${p.file.slice('site/'.length)}`).sort());
  });

  it('JSON-LD: Occupation for the titles, a program per route, an FAQ for the changes', () => {
    const jsonLd = (file: string): Record<string, unknown>[] => {
      const html = pages.find((p) => p.file === file)?.html ?? '';
      return [...html.matchAll(/<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/g)].map((m) => JSON.parse(m[1] ?? ''));
    };
    const graph = (jsonLd('site/index.html')[0]?.['@graph'] ?? []) as { '@type': string; name: string }[];
    expect(graph.map((o) => o['@type'])).toEqual(model.titles.map(() => 'Occupation'));
    expect(graph.map((o) => o.name)).toEqual(model.titles.map((t) => t.name));
    for (const route of model.rules.routes) {
      const [program] = jsonLd(`site/ruter/${route.id}.html`);
      expect(program?.['@type']).toBe('EducationalOccupationalProgram');
      expect(program?.name).toBe(route.title);
    }
    const [faq] = jsonLd('site/endringer.html');
    expect(faq?.['@type']).toBe('FAQPage');
    expect((faq?.mainEntity as unknown[]).length).toBe(model.changes.length);
    // A removed {{F-NN}} note takes the space before it along: "… automatisk." not "… automatisk .".
    const answers = (faq?.mainEntity as { acceptedAnswer: { text: string } }[]).map((q) => q.acceptedAnswer.text);
    expect(model.changes.some((c) => /\s\{\{[^}]*\}\}[.,]/.test(c.now))).toBe(true);
    for (const text of answers) expect(text).not.toMatch(/\s[.,;:!?]/);
  });

  it('renders the same bytes with render workers as on one thread', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pages-workers-'));
    try {
      const opts = { outDir: dir, baseUrl: BASE, sourceRoot: ROOT };
      const { chosen } = plannedOutputs(model, opts);
      const here = renderRange(chosen, 0, chosen.length);
      // Every page rendered by the worker (this thread only waits), then put back in order.
      const job = { model, opts: { ...opts, workers: 0 }, files: chosen.map((o) => o.file) };
      const there = await renderInParallel(job, 1, () => [], false);
      expect(there.map((p) => p.file)).toEqual(here.map((p) => p.file));
      for (const [i, page] of there.entries()) expect(page.content, page.file).toBe(here[i]?.content);
      expect(there.flatMap((p) => p.messages)).toEqual(here.flatMap((p) => p.messages));
      // And buildSite with a worker writes what the single-thread build wrote.
      const parallel = await buildSite(model, { ...opts, workers: 1 });
      expect(parallel.files).toEqual(first.files);
      expect(parallel.messages).toEqual(first.messages);
      for (const file of first.files) expect(await readFile(path.join(dir, file), 'utf8'), file).toBe(await readFile(path.join(dirA, file), 'utf8'));
    } finally {
      stopRenderWorkers();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('front page compares the three titles in a real table', () => {
    const html = pages.find((p) => p.file === 'site/index.html')?.html ?? '';
    expect(html).toMatch(/<table class="compare">\n<caption>/);
    for (const title of model.titles) expect(html).toContain(`<th scope="col">${title.name}</th>`);
    expect(html.match(/<th scope="row">/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('route pages show steps with LK20 codes, duration, cost, outcome and an accessible SVG', () => {
    for (const route of model.rules.routes) {
      const html = pages.find((p) => p.file === `site/ruter/${route.id}.html`)?.html ?? '';
      for (const step of route.steps) {
        for (const code of step.subjectCodes) expect(html).toContain(`<code>${code}</code>`);
      }
      expect(html).toMatch(/<svg class="route-diagram"[^>]* role="img" aria-labelledby="diagram-tittel diagram-beskrivelse">/);
      expect(html).toContain('<title id="diagram-tittel">');
      expect(html).toContain('<desc id="diagram-beskrivelse">');
      expect(html.match(/<g class="diagram-step">/g)?.length).toBe(route.steps.length);
      expect(html).toContain(route.leadsToAuthorisation ? 'diagram-outcome' : 'diagram-no-outcome');
      expect(html).toContain('<dt>Varighet</dt>');
      expect(html).toContain('<dt>Kostnad</dt>');
      expect(html).not.toContain('{{F-'); // every marker became a note
      expect(html).not.toContain('route:');
    }
  });

  it('source notes are numbered in reading order and quote their fact', () => {
    for (const { file, html } of pages) {
      const refs = [...html.matchAll(/<a href="#kilde-(\d+)"/g)].map((m) => Number(m[1]));
      const firstSeen = refs.filter((n, i) => refs.indexOf(n) === i);
      expect(firstSeen, file).toEqual(firstSeen.map((_, i) => i + 1));
      for (const n of firstSeen) expect(html, file).toContain(`<li id="kilde-${n}">`);
    }
  });

  it('kilder.html has every fact at its own anchor with sources, date and confidence', () => {
    const html = pages.find((p) => p.file === 'site/kilder.html')?.html ?? '';
    for (const fact of model.rules.facts) {
      const start = html.indexOf(`<article class="fact" id="${fact.id}"`);
      expect(start, fact.id).toBeGreaterThan(0);
      const article = html.slice(start, html.indexOf('</article>', start));
      expect(article).toContain('Sjekket ');
      expect(article).toContain('Sikkerhet: ');
      for (const source of fact.sources) expect(article).toContain(source.publisher.replace(/&/g, '&amp;'));
    }
  });

  it('personvern.html: in bokmål with an English section marked lang="en", linked from every page\'s footer', () => {
    const privacy = pages.find((p) => p.file === 'site/personvern.html')?.html ?? '';
    expect(privacy).toContain('<html lang="nb">');
    expect(privacy).toContain('<h1>Personvern</h1>');
    const english = /<section lang="en">([\s\S]*?)<\/section>/.exec(privacy)?.[1] ?? '';
    expect(english).toContain('<h2>Privacy in English</h2>');
    expect(english).toContain('No network requests, no analytics or tracking, no remote code');
    // What it stores, where, what it never does, export and delete: in bokmål, outside the English part.
    const norwegian = privacy.replace(english, '');
    for (const text of ['Profilen din', 'Nettstedene du har slått på', 'Bare i denne nettleseren', 'ingen forespørsler over nettet', 'ingen analyse', 'kode eller regler utenfra', 'Last ned dataene mine (JSON)', 'Slett alle data']) {
      expect(norwegian, text).toContain(text);
    }
    for (const { file, html } of pages) {
      const footer = /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(html)?.[1] ?? '';
      const href = path.posix.relative(path.posix.dirname(file.slice('site/'.length)), 'personvern.html');
      expect(footer, file).toContain(`<a href="${href}">Personvern</a>`);
    }
  });

  it('rules.json is the model rules as stable JSON', async () => {
    const text = await readFile(path.join(dirA, 'bundle/rules.json'), 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(model.rules)));
    expect(text).toBe(stableJson(model.rules));
    const shuffled = { routes: model.rules.routes, parameters: model.rules.parameters, facts: model.rules.facts };
    expect(stableJson(shuffled)).toBe(text);
  });
});
