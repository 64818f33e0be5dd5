/**
 * Cold site build of 1,000 synthetic route pages: our buildSite against Eleventy 3 rendering the
 * same 1,000 Markdown bodies with a minimal layout, in this process, alternating, median of a few
 * runs each. Ratio = ours / Eleventy (target ≤ 1.0).
 *
 * Fair both ways: the synthetic routes go through the real route page (layout, notes, SVG, JSON-LD,
 * route links, sanitised hast) plus the rest of the site (veiviser, kilder, …), and both
 * write every page to a fresh folder. Warm-up is the same for all: one untimed build of each first
 * (module loading, JIT, and starting our render worker), then timed builds alternate. Each build
 * is cold: nothing rendered is reused between builds.
 *
 * Threads: a build this large renders on the main thread plus worker threads (see
 * generator/lib/render-pool.ts); Eleventy renders on one. So the single-thread figure (workers: 0)
 * and its ratio are reported too. Eleventy reads its Markdown from disk as part of its build; ours
 * starts from the in-memory model, so a last figure includes loading a content/ dir with the 1,000
 * route files through the validating loader.
 *
 * Floor: remark-parse alone (micromark → mdast, nothing rendered, nothing written) on the same
 * Markdown, on one thread. The issue fixes remark-parse as our parser; where this alone takes about
 * as long as Eleventy's whole build, no single-threaded pipeline built on it can be faster.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- @11ty/eleventy 3 ships no type declarations; only its constructor and write() are used.
import Eleventy from '@11ty/eleventy';
import { stringify } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { loadContent } from '../generator/lib/content/load.ts';
import { buildSite } from '../generator/lib/build.ts';
import type { ContentModel } from '../generator/lib/model.ts';
import type { Route } from '../shared/lib/types.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = 1000;
const RUNS = 5;
const BASE_URL = 'https://example.no/';

/** mulberry32: a small seeded PRNG, so every run and machine gets the same bodies. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'helsesekretær vitnemål autorisasjon fylkeskommunen realkompetanse programfag fellesfag privatist eksamen læreplan voksenrett arbeidsgiver helsedirektoratet søknad gebyr praksis erfaring utdanning skole kurs'.split(' ');

function sentence(next: () => number, facts: string[]): string {
  const n = 8 + Math.floor(next() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'og');
  const text = words.join(' ');
  const ref = next() < 0.4 ? ` {{${facts[Math.floor(next() * facts.length)]}}}` : '';
  return `${text[0]?.toUpperCase()}${text.slice(1)}${ref}.`;
}

/** A deterministic Markdown body: headings, paragraphs with emphasis and fact refs, lists, links. */
export function syntheticBody(i: number, facts: string[], routeIds: string[]): string {
  const next = random(i + 1);
  const parts: string[] = [];
  const sections = 2 + Math.floor(next() * 3);
  for (let s = 0; s < sections; s++) {
    parts.push(`## Del ${s + 1} av rute ${i}`);
    const paragraphs = 1 + Math.floor(next() * 3);
    for (let p = 0; p < paragraphs; p++) {
      const sentences = Array.from({ length: 2 + Math.floor(next() * 4) }, () => sentence(next, facts));
      if (next() < 0.5) sentences.push(`Les *mer* om [${WORDS[s] ?? 'dette'}](route:${routeIds[Math.floor(next() * routeIds.length)]}).`);
      parts.push(sentences.join(' '));
    }
    if (next() < 0.6) parts.push(Array.from({ length: 3 }, () => `- ${sentence(next, facts)}`).join('\n'));
  }
  return parts.join('\n\n') + '\n';
}

export function syntheticRoutes(model: ContentModel): Route[] {
  const facts = model.rules.facts.map((f) => f.id);
  const ids = Array.from({ length: PAGES }, (_, i) => `syntetisk-${String(i).padStart(4, '0')}`);
  return ids.map((id, i) => {
    const next = random(10_000 + i);
    return {
      id,
      title: `Syntetisk rute ${i}`,
      titleEn: `Synthetic route ${i}`,
      priority: 1000 + i,
      // Never chosen (no situation in shared/lib/route-choice.ts names it), so the veiviser stays the shipped one.
      audience: 'Ingen.',
      steps: Array.from({ length: 3 + Math.floor(next() * 3) }, (_, s) => ({
        id: `steg-${s}`,
        title: `Steg ${s + 1}: ${WORDS[(i + s) % WORDS.length]}`,
        titleEn: `Step ${s + 1}`,
        subjectCodes: next() < 0.5 ? [`HSE300${s}`] : [],
        description: sentence(next, facts),
        facts: [facts[(i + s) % facts.length] ?? 'F-10'],
      })),
      duration: '1 år',
      durationEn: '1 year',
      cost: 'Gratis',
      costEn: 'Free',
      leadsToAuthorisation: true,
      facts: [facts[i % facts.length] ?? 'F-10'],
      body: syntheticBody(i, facts, ids),
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function countFiles(dir: string, ext: string): Promise<number> {
  return (await readdir(dir, { recursive: true })).filter((f) => String(f).endsWith(ext)).length;
}

export default async function bench(): Promise<Record<string, number | string>> {
  const shipped = await loadContent(path.join(ROOT, 'content'));
  if (!shipped.model) throw new Error('content/ does not load');
  const routes = syntheticRoutes(shipped.model);
  const model: ContentModel = { ...shipped.model, rules: { ...shipped.model.rules, routes: [...shipped.model.rules.routes, ...routes] } };
  const work = await mkdtemp(path.join(tmpdir(), 'site-bench-'));
  try {
    // Eleventy input: the same bodies as .md files with a minimal layout. Markdown is not run
    // through a template language first ({{F-10}} is our note syntax, not Liquid).
    const input = path.join(work, 'eleventy-in');
    await mkdir(path.join(input, '_includes'), { recursive: true });
    await writeFile(
      path.join(input, '_includes/base.njk'),
      '<!doctype html>\n<html lang="nb">\n<head><meta charset="utf-8"><title>{{ title }}</title><link rel="stylesheet" href="../style.css"></head>\n<body><main><h1>{{ title }}</h1>\n{{ content | safe }}</main></body>\n</html>\n',
    );
    await Promise.all(routes.map((r) => writeFile(path.join(input, `${r.id}.md`), `---\ntitle: ${r.title}\nlayout: base.njk\n---\n${r.body}`)));

    // Our content dir for the load+build figure: the shipped content plus the 1,000 route files.
    const content = path.join(work, 'content');
    await cp(path.join(ROOT, 'content'), content, { recursive: true });
    await Promise.all(
      routes.map((r) => {
        const { body, ...front } = r;
        return writeFile(path.join(content, 'routes', `${r.id}.md`), `---\n${stringify(front)}---\n${body}`);
      }),
    );

    const ours = async (out: string, workers?: number): Promise<number> => {
      const t = performance.now();
      await buildSite(model, { outDir: out, baseUrl: BASE_URL, sourceRoot: work, ...(workers === undefined ? {} : { workers }) });
      return performance.now() - t;
    };
    const eleventy = async (out: string): Promise<number> => {
      const t = performance.now();
      const elev = new Eleventy(input, out, {
        quietMode: true,
        config(config: { setTemplateFormats(f: string[]): void }) {
          config.setTemplateFormats(['md']);
          return { markdownTemplateEngine: false, htmlTemplateEngine: 'njk' };
        },
      });
      await elev.write();
      return performance.now() - t;
    };
    const oursWithLoad = async (out: string): Promise<number> => {
      const t = performance.now();
      const loaded = await loadContent(content);
      if (!loaded.model) throw new Error(`synthetic content does not load: ${loaded.messages[0]?.message}`);
      await buildSite(loaded.model, { outDir: out, baseUrl: BASE_URL, sourceRoot: work });
      return performance.now() - t;
    };

    const parser = unified().use(remarkParse).freeze();
    const markdownPieces = routes.flatMap((r) => [r.body, ...r.steps.map((s) => s.description)]);
    const parseOnly = (): number => {
      const t = performance.now();
      for (const piece of markdownPieces) parser.parse(piece);
      return performance.now() - t;
    };

    // Warm-up, the same for every contender: one untimed build each.
    parseOnly();
    await ours(path.join(work, 'warm-ours'));
    await ours(path.join(work, 'warm-ours-1'), 0);
    await eleventy(path.join(work, 'warm-eleventy'));
    await oursWithLoad(path.join(work, 'warm-ours-load'));
    const workers = Math.min(3, availableParallelism() - 1);
    const oursParallelWarm = await countFiles(path.join(work, 'warm-ours/site/ruter'), '.html');
    await Promise.all(['warm-ours', 'warm-ours-1', 'warm-eleventy', 'warm-ours-load'].map((d) => rm(path.join(work, d), { recursive: true, force: true })));

    const timing = { ours: [] as number[], oursOneThread: [] as number[], eleventy: [] as number[], oursWithLoad: [] as number[], parseOnly: [] as number[] };
    let ourPages = oursParallelWarm;
    let eleventyPages = 0;
    for (let run = 0; run < RUNS; run++) {
      const outA = path.join(work, `ours-${run}`);
      timing.ours.push(await ours(outA));
      ourPages = Math.min(ourPages, await countFiles(path.join(outA, 'site/ruter'), '.html'));
      const outA1 = path.join(work, `ours-1-${run}`);
      timing.oursOneThread.push(await ours(outA1, 0));
      ourPages = Math.min(ourPages, await countFiles(path.join(outA1, 'site/ruter'), '.html'));
      const outB = path.join(work, `eleventy-${run}`);
      timing.eleventy.push(await eleventy(outB));
      eleventyPages = await countFiles(outB, '.html');
      const outC = path.join(work, `ours-load-${run}`);
      timing.oursWithLoad.push(await oursWithLoad(outC));
      timing.parseOnly.push(parseOnly());
      await Promise.all([outA, outA1, outB, outC].map((d) => rm(d, { recursive: true, force: true })));
    }
    if (ourPages < PAGES || eleventyPages < PAGES) throw new Error(`pages built: ours ${ourPages}, eleventy ${eleventyPages}`);
    const oursMs = median(timing.ours);
    const oneThreadMs = median(timing.oursOneThread);
    const eleventyMs = median(timing.eleventy);
    const withLoadMs = median(timing.oursWithLoad);
    const parseOnlyMs = median(timing.parseOnly);
    return {
      pages: PAGES,
      runs: RUNS,
      threads: `ours: main + ${workers} render worker${workers === 1 ? '' : 's'} (${availableParallelism()} CPUs); eleventy: 1`,
      'ours buildSite ms (median)': oursMs,
      'ours buildSite 1 thread ms (median)': oneThreadMs,
      'ours load+build ms (median)': withLoadMs,
      'eleventy ms (median)': eleventyMs,
      'ratio ours/eleventy (target <= 1)': oursMs / eleventyMs,
      'ratio ours 1 thread/eleventy': oneThreadMs / eleventyMs,
      'ratio ours load+build/eleventy': withLoadMs / eleventyMs,
      'floor: remark-parse alone, 1 thread ms': parseOnlyMs,
      'floor: remark-parse alone/eleventy': parseOnlyMs / eleventyMs,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
