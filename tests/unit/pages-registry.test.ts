/**
 * The page registry (generator/lib/pages/index.ts): what each page declares it shows decides what
 * an edit rebuilds. Checked against full builds: every output whose bytes an edit changes must be
 * among those the registry says to rebuild, and unrelated outputs must stay out.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../generator/lib/content/load.ts';
import type { ContentModel } from '../../generator/lib/model.ts';
import { buildSite } from '../../generator/lib/build.ts';
import { SITE_PAGES } from '../../generator/lib/pages/index.ts';
import { entityOf, outputsAffected } from '../../generator/lib/pages/registry.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BASE = 'https://example.no/';
const dirs: string[] = [];
let model: ContentModel;
let before: Map<string, string>;

async function build(m: ContentModel): Promise<Map<string, string>> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'registry-'));
  dirs.push(outDir);
  const { files } = await buildSite(m, { outDir, baseUrl: BASE, sourceRoot: ROOT, workers: 0 });
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(outDir, f), 'utf8')] as const)));
}

/** The `only` key of an output file ("site/ruter/x.html" → "ruter/x"). */
const keyOf = (file: string) => file.replace(/^site\//, '').replace(/\.html$/, '');
const selects = (only: string[], file: string) => only.some((o) => keyOf(file) === o || keyOf(file).startsWith(`${o}/`));

beforeAll(async () => {
  const loaded = await loadContent(path.join(ROOT, 'content'));
  if (!loaded.model) throw new Error('content/ does not load');
  model = loaded.model;
  before = await build(model);
}, 60_000);

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const firstRoute = () => model.rules.routes[0]!;

describe('the page registry', () => {
  // Each edit: the entity keys it touches, the change, and outputs that must NOT be rebuilt.
  const edits: [string, string[], (m: ContentModel) => void, string[]][] = [
    ['a route body', ['route:ROUTE'], (m) => void (m.rules.routes[0]!.body += '\n\nNy setning.'), ['index', 'kilder', 'veiviser', 'endringer']],
    ['a route title', ['route:ROUTE'], (m) => void (m.rules.routes[0]!.title += ' (endret)'), ['endringer']],
    ['a title note', ['titles', 'title:helsesekretaer'], (m) => void (m.titles[0]!.notes += ' Mer.'), ['kilder', 'endringer', 'ruter', 'veiviser', 'bundle/rules.json']],
    ['a change', ['changes', 'change:CHANGE'], (m) => void (m.changes[0]!.now += ' Mer.'), ['index', 'kilder', 'ruter', 'veiviser', 'bundle/rules.json']],
    ['the front page text', ['page:front'], (m) => void (m.pages.front!.body += '\n\nMer.'), ['kilder', 'endringer', 'ruter', 'veiviser', 'om']],
    ['a prose page title (in every menu)', ['page:om'], (m) => void (m.pages.om!.title += ' oss'), ['bundle/rules.json']],
    ['a fact statement', ['facts', 'fact:F-10'], (m) => void (m.rules.facts.find((f) => f.id === 'F-10')!.statement += ' Mer.'), []],
    ['a parameter', ['parameters', 'parameter:PARAM'], (m) => void (m.rules.parameters[0]!.description += ' Mer.'), ['index', 'endringer', 'ruter']],
  ];

  it.each(edits)('after an edit to %s, rebuilds every output that changed and leaves the rest', async (_what, keys, edit, untouched) => {
    const after = structuredClone(model);
    edit(after);
    const entityKeys = keys.map((k) =>
      k.replace('ROUTE', firstRoute().id).replace('CHANGE', model.changes[0]!.id).replace('PARAM', model.rules.parameters[0]!.id),
    );
    for (const key of entityKeys) expect(entityOf(model, key), key).toBeDefined();
    const only = outputsAffected(SITE_PAGES, model, after, entityKeys);
    expect(only).toBeDefined();
    const rebuilt = await build(after);
    const changed = [...rebuilt.keys()].filter((f) => rebuilt.get(f) !== before.get(f));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((f) => !selects(only!, f))).toEqual([]);
    for (const key of untouched) expect(only, key).not.toContain(key);
  }, 60_000);

  it('rebuilds nothing for a save that changed nothing, and everything for a new or unknown entity', () => {
    expect(outputsAffected(SITE_PAGES, model, structuredClone(model), ['route:' + firstRoute().id, 'titles'])).toEqual([]);
    expect(outputsAffected(SITE_PAGES, model, model, ['route:ny-rute'])).toBeUndefined();
    expect(outputsAffected(SITE_PAGES, model, model, ['something-new'])).toBeUndefined();
  });

  it('lists each page once, with what it shows', () => {
    const names = SITE_PAGES.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const page of SITE_PAGES) {
      expect(page.folder !== undefined || page.keys !== undefined, page.name).toBe(true);
      for (const shows of page.shows) expect(shows.on, page.name).toMatch(/^(site|facts|parameters|titles|changes)$|^(fact|parameter|title|change|route|page):(\*|[\w-]+)$/);
    }
  });
});
