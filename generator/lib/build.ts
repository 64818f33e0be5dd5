/**
 * ContentModel → the static site (dist/site) and the rules bundle (dist/bundle/rules.json).
 * Deterministic: no timestamps, stable order, so an unchanged model rebuilds to the same bytes;
 * files whose bytes did not change are not rewritten, and `only` rebuilds a subset of pages.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Fact, type IsoDate, yearOf } from '../../shared/index.ts';
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
import { renderInParallel } from './render-pool.ts';

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
  /**
   * Worker threads that render pages next to the main thread (node:worker_threads, see
   * render-pool.ts). Default: one less than the CPU count, but only for a large build (about 1 MB
   * of Markdown or more); 0 renders everything on the main thread. The output is the same bytes.
   */
  workers?: number;
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

export interface Output {
  key: string;
  /** Relative to outDir. */
  file: string;
  render(): RenderedOutput;
  /** Characters of Markdown the page renders (to decide whether the build is worth parallelising). */
  markdown: number;
}

/** One rendered output file and the content problems found while rendering it. */
export interface RenderedOutput {
  /** Relative to outDir. */
  file: string;
  content: string;
  messages: ContentMessage[];
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

function plan(index: SiteIndex, only: string[] | undefined): Output[] {
  const { model } = index;
  const extraNav = Object.keys(model.pages)
    .filter((k) => !EMBEDDED_PAGES.has(k))
    .sort()
    .map((k) => ({ path: `${k}.html`, label: model.pages[k]?.title ?? k }));
  const shell: ShellContext = { site: model.site, baseUrl: index.baseUrl, checked: index.checked, extraNav };
  const html = (pagePath: string, build: (ctx: PageContext) => PageShell, markdown = 0): Output => ({
    key: pagePath.replace(/\.html$/, ''),
    file: `site/${pagePath}`,
    markdown,
    render() {
      const ctx = new PageContext(index, pagePath);
      const page = build(ctx);
      return { file: `site/${pagePath}`, content: renderPage(page, shell), messages: ctx.messages };
    },
  });
  const file = (key: string, filePath: string, render: () => string): Output => ({
    key,
    file: filePath,
    markdown: 0,
    render: () => ({ file: filePath, content: render(), messages: [] }),
  });

  const outputs: Output[] = [html('index.html', frontPage)];
  for (const route of index.routes) {
    const markdown = route.body.length + route.steps.reduce((n, s) => n + s.description.length, 0);
    outputs.push(html(`ruter/${route.id}.html`, (ctx) => routePage(ctx, route), markdown));
  }

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
    file('style.css', 'site/style.css', () => readFileSync(STYLE_SOURCE, 'utf8')),
    file('sitemap.xml', 'site/sitemap.xml', () => sitemap(index.baseUrl, [...htmlPages].sort())),
    file('bundle/rules.json', 'bundle/rules.json', () => stableJson(model.rules)),
  );
  return outputs;
}

/**
 * Every output the model produces, and those this build renders (`only`), in a fixed order: the
 * same list in every thread, so a worker can render "outputs 40 to 59" of it.
 */
export function plannedOutputs(model: ContentModel, opts: BuildOptions): { outputs: Output[]; chosen: Output[] } {
  const outputs = plan(siteIndex(model, opts), opts.only);
  return { outputs, chosen: outputs.filter((o) => selected(o.key, opts.only)) };
}

export function renderRange(chosen: readonly Output[], from: number, to: number): RenderedOutput[] {
  const out: RenderedOutput[] = [];
  for (let i = from; i < to; i++) out.push((chosen[i] as Output).render());
  return out;
}

/** Below this much Markdown a build stays on the main thread: starting a worker costs more than it saves. */
const PARALLEL_MARKDOWN = 1_000_000;

function workerCount(opts: BuildOptions, chosen: readonly Output[]): number {
  if (opts.workers !== undefined) return Math.max(0, Math.floor(opts.workers));
  const markdown = chosen.reduce((n, o) => n + o.markdown, 0);
  return markdown >= PARALLEL_MARKDOWN ? Math.min(3, availableParallelism() - 1) : 0;
}

function selected(key: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => key === o || key.startsWith(`${o.replace(/\/$/, '')}/`));
}

/**
 * Writes `content` unless the file already holds exactly these bytes. Each output folder is created
 * and listed once per build, so a file that is not there yet costs one write and no failed read.
 */
class Writer {
  private readonly folders = new Map<string, Promise<Set<string>>>();

  private folder(dir: string): Promise<Set<string>> {
    let names = this.folders.get(dir);
    if (!names) {
      names = mkdir(dir, { recursive: true }).then(() => readdir(dir).then((list) => new Set(list)));
      this.folders.set(dir, names);
    }
    return names;
  }

  async writeIfChanged(file: string, content: string): Promise<boolean> {
    const bytes = Buffer.from(content, 'utf8');
    const names = await this.folder(path.dirname(file));
    if (names.has(path.basename(file))) {
      const existing = await readFile(file).catch(() => null);
      if (existing && existing.equals(bytes)) return false;
    }
    await writeFile(file, bytes);
    return true;
  }
}

/** Generated pages under these site folders that the model no longer produces are removed on a full build. */
const OWNED_DIRS = ['site/ruter', 'site/veiviser'];

export async function buildSite(model: ContentModel, opts: BuildOptions): Promise<BuildResult> {
  const { outputs, chosen } = plannedOutputs(model, opts);
  const workers = workerCount(opts, chosen);
  const rendered =
    workers > 0
      ? await renderInParallel(
          { model, opts: { ...opts, workers: 0 }, files: chosen.map((o) => o.file) },
          workers,
          (from, to) => renderRange(chosen, from, to),
        )
      : renderRange(chosen, 0, chosen.length);
  // In page order, whichever thread rendered the page, so messages come out the same either way.
  const messages = rendered.flatMap((r) => r.messages);

  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length) throw new SiteBuildError(dedupe(errors));

  const written: string[] = [];
  const writer = new Writer();
  await pool(rendered, 16, async (r) => {
    if (await writer.writeIfChanged(path.join(opts.outDir, r.file), r.content)) written.push(r.file);
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
