/**
 * ContentModel → the static site (dist/site) and the rules bundle (dist/bundle/rules.json).
 * Deterministic: no timestamps, stable order, so an unchanged model rebuilds to the same bytes;
 * files whose bytes did not change are not rewritten, and `only` rebuilds a subset of pages.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Fact, IsoDate } from '../../shared/lib/types.ts';
import { yearOf } from '../../shared/lib/predicates.ts';
import type { ContentMessage, ContentModel } from './model.ts';
import { formatMessage } from './content/messages.ts';
import { absoluteUrl, esc, renderPage, type PageShell, type ShellContext } from './pages/layout.ts';
import { PageContext, type SiteIndex } from './pages/common.ts';
import { frontPage } from './pages/front.ts';
import { routePage } from './pages/route.ts';
import { sourcesPage } from './pages/sources.ts';
import { changesPage } from './pages/changes.ts';
import { prosePage } from './pages/prose.ts';
import { buildVeiviserTree, nodePath, veiviserPage, type VeiviserNode } from './pages/veiviser.ts';

export interface BuildOptions {
  outDir: string;
  /** Absolute URL the site is published at (canonical links, Open Graph, sitemap). */
  baseUrl: string;
  /**
   * Page keys to rebuild; everything else is left as it is. A key is the output path under
   * site/ without ".html" ("index", "ruter/vgs-full", "veiviser/index", "kilder", "style.css",
   * "sitemap.xml") or "bundle/rules.json"; a key also selects everything below it ("ruter", "veiviser").
   */
  only?: string[];
  /** Date the veiviser evaluates the rules on. Default: site.factsChecked, else the latest fact check. */
  asOf?: IsoDate;
  /** Directory the model's file paths are relative to, to map Markdown lines back (default: cwd). */
  sourceRoot?: string;
}

export interface BuildResult {
  /** Every file this build produced, relative to outDir ("site/index.html", "bundle/rules.json"), sorted. */
  files: string[];
  /** Those whose bytes changed (and so were written). */
  written: string[];
  /** Warnings (errors throw SiteBuildError). */
  messages: ContentMessage[];
}

/** Content problems found while rendering (unknown fact ids, links to missing routes), with positions. */
export class SiteBuildError extends Error {
  constructor(readonly messages: ContentMessage[]) {
    super(`innholdet har ${messages.length} feil:\n${messages.map(formatMessage).join('\n')}`);
    this.name = 'SiteBuildError';
  }
}

const STYLE_SOURCE = fileURLToPath(new URL('../assets/style.css', import.meta.url));

/** Pages from content/pages/*.md rendered as their own page (front and veiviser are intros, endringer the changes intro). */
const EMBEDDED_PAGES = new Set(['front', 'veiviser', 'endringer']);

interface Output {
  key: string;
  /** Relative to outDir. */
  file: string;
  render(): string;
}

/** The `only` keys to rebuild when these model entities changed (see ContentModel.sourceFiles); undefined = everything. */
export function pagesAffectedBy(entityKeys: string[]): string[] | undefined {
  const keys = new Set<string>();
  for (const entity of entityKeys) {
    const [kind, id] = entity.split(/:(.*)/s);
    if (kind === 'route' && id) ['ruter/' + id, 'index', 'veiviser', 'kilder', 'sitemap.xml', 'bundle/rules.json'].forEach((k) => keys.add(k));
    else if (kind === 'page' && id === 'front') keys.add('index');
    else if (kind === 'page' && id === 'veiviser') keys.add('veiviser/index');
    else if (kind === 'page' && id) keys.add(id);
    else if (kind === 'title' || kind === 'titles') keys.add('index');
    else if (kind === 'change' || kind === 'changes') keys.add('endringer');
    else return undefined;
  }
  return [...keys].sort();
}

function latestCheck(facts: Fact[]): IsoDate | undefined {
  return facts.reduce<IsoDate | undefined>((max, f) => (max === undefined || f.checked > max ? f.checked : max), undefined);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function siteIndex(model: ContentModel, opts: BuildOptions): SiteIndex {
  const baseUrl = normaliseBaseUrl(opts.baseUrl);
  const checked = model.site.factsChecked ?? latestCheck(model.rules.facts);
  const asOf = opts.asOf ?? checked;
  if (!asOf) throw new Error('byggedatoen (asOf) mangler: sett factsChecked i content/site.yaml eller send asOf');
  yearOf(asOf);
  const root = opts.sourceRoot ?? process.cwd();
  const files = new Map<string, string | null>();
  const read = (file: string): string | null => {
    if (!files.has(file)) {
      try {
        files.set(file, readFileSync(path.resolve(root, file), 'utf8'));
      } catch {
        files.set(file, null);
      }
    }
    return files.get(file) ?? null;
  };
  const routes = [...model.rules.routes].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    model,
    facts: new Map(model.rules.facts.map((f) => [f.id, f])),
    routes,
    routeIds: new Set(routes.map((r) => r.id)),
    asOf,
    baseUrl,
    checked: checked ?? asOf,
    locate(file, text) {
      const source = read(file);
      const first = text.split('\n').find((l) => l.trim() !== '');
      if (source === null || first === undefined) return null;
      const whole = source.indexOf(text);
      if (whole >= 0) return lineColumn(source, whole);
      // YAML block scalars are indented in the file: find the first line, keep lines aligned.
      const at = source.indexOf(first.trim());
      if (at < 0) return null;
      const pos = lineColumn(source, at);
      return { line: pos.line - text.slice(0, text.indexOf(first)).split('\n').length + 1, column: pos.column };
    },
  };
}

export function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ugyldig base-URL «${baseUrl}»: forventet en absolutt adresse som https://example.no/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`base-URL må være http(s), fikk «${baseUrl}»`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** JSON with object keys sorted at every level, so the bundle's bytes depend only on its content. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

function sitemap(baseUrl: string, pages: string[]): string {
  const urls = pages.map((p) => `  <url><loc>${esc(absoluteUrl(baseUrl, p))}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

function plan(index: SiteIndex, only: string[] | undefined, collect: (m: ContentMessage[]) => void): Output[] {
  const { model } = index;
  const extraNav = Object.keys(model.pages)
    .filter((k) => !EMBEDDED_PAGES.has(k))
    .sort()
    .map((k) => ({ path: `${k}.html`, label: model.pages[k]?.title ?? k }));
  const shell: ShellContext = { site: model.site, baseUrl: index.baseUrl, checked: index.checked, extraNav };
  const html = (pagePath: string, build: (ctx: PageContext) => PageShell): Output => ({
    key: pagePath.replace(/\.html$/, ''),
    file: `site/${pagePath}`,
    render() {
      const ctx = new PageContext(index, pagePath);
      const page = build(ctx);
      collect(ctx.messages);
      return renderPage(page, shell);
    },
  });

  const outputs: Output[] = [html('index.html', frontPage)];
  for (const route of index.routes) outputs.push(html(`ruter/${route.id}.html`, (ctx) => routePage(ctx, route)));

  // The tree's shape decides the veiviser's page list (and so the sitemap): grow it only when needed.
  const wantsTree = !only || only.some((o) => o === 'sitemap.xml' || o === 'veiviser' || o.startsWith('veiviser/'));
  const walk = (node: VeiviserNode, ancestors: VeiviserNode[]): void => {
    outputs.push(html(nodePath(node), (ctx) => veiviserPage(ctx, node, ancestors)));
    for (const child of node.children ?? []) walk(child.node, [...ancestors, node]);
  };
  if (wantsTree) walk(buildVeiviserTree(model.rules, index.asOf).root, []);

  outputs.push(html('kilder.html', sourcesPage), html('endringer.html', changesPage));
  for (const { path: pagePath } of extraNav) {
    const key = pagePath.replace(/\.html$/, '');
    outputs.push(html(pagePath, (ctx) => prosePage(ctx, key)));
  }
  const htmlPages = outputs.map((o) => o.file.slice('site/'.length));
  outputs.push(
    { key: 'style.css', file: 'site/style.css', render: () => readFileSync(STYLE_SOURCE, 'utf8') },
    { key: 'sitemap.xml', file: 'site/sitemap.xml', render: () => sitemap(index.baseUrl, [...htmlPages].sort()) },
    { key: 'bundle/rules.json', file: 'bundle/rules.json', render: () => stableJson(model.rules) },
  );
  return outputs;
}

function selected(key: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => key === o || key.startsWith(`${o.replace(/\/$/, '')}/`));
}

async function writeIfChanged(file: string, content: string): Promise<boolean> {
  const bytes = Buffer.from(content, 'utf8');
  const existing = await readFile(file).catch(() => null);
  if (existing && existing.equals(bytes)) return false;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return true;
}

/** Generated pages under these site folders that the model no longer produces are removed on a full build. */
const OWNED_DIRS = ['site/ruter', 'site/veiviser'];

export async function buildSite(model: ContentModel, opts: BuildOptions): Promise<BuildResult> {
  const index = siteIndex(model, opts);
  const messages: ContentMessage[] = [];
  const outputs = plan(index, opts.only, (m) => messages.push(...m));
  const chosen = outputs.filter((o) => selected(o.key, opts.only));
  const rendered = chosen.map((o) => ({ file: o.file, content: o.render() }));

  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length) throw new SiteBuildError(dedupe(errors));

  const written: string[] = [];
  await pool(rendered, 16, async (r) => {
    if (await writeIfChanged(path.join(opts.outDir, r.file), r.content)) written.push(r.file);
  });

  if (!opts.only) {
    const produced = new Set(outputs.map((o) => o.file));
    for (const dir of OWNED_DIRS) {
      const entries = await readdir(path.join(opts.outDir, dir)).catch(() => [] as string[]);
      for (const name of entries) {
        const file = `${dir}/${name}`;
        if (name.endsWith('.html') && !produced.has(file)) await rm(path.join(opts.outDir, file));
      }
    }
  }
  return { files: rendered.map((r) => r.file).sort(), written: written.sort(), messages: dedupe(messages.filter((m) => m.severity !== 'error')) };
}

function dedupe(messages: ContentMessage[]): ContentMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = formatMessage(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
