/**
 * ContentModel → the static site (dist/site) and the rules bundle (dist/bundle/rules.json).
 * Deterministic: no timestamps, stable order, so an unchanged model rebuilds to the same bytes;
 * files whose bytes did not change are not rewritten, and `only` rebuilds a subset of pages.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { type Fact, type IsoDate, yearOf } from '../../shared/index.ts';
import type { ContentMessage, ContentModel } from './model.ts';
import { formatMessage } from './content/messages.ts';
import type { ShellContext } from './pages/layout.ts';
import type { SiteIndex } from './pages/common.ts';
import { SITE_PAGES } from './pages/index.ts';
import type { Output, RenderedOutput, SiteBuild } from './pages/registry.ts';
import { renderInParallel } from './render-pool.ts';

export type { Output, RenderedOutput } from './pages/registry.ts';
export { stableJson } from './pages/files.ts';

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

/** Pages whose key (or folder) one of `only` selects; sitemap.xml lists every page, so it selects them all. */
function wanted(only: string[] | undefined, folder: string | undefined): boolean {
  if (!only || !folder || only.includes('sitemap.xml')) return true;
  return only.some((o) => o === folder || o.startsWith(`${folder}/`) || folder.startsWith(`${o.replace(/\/$/, '')}/`));
}

function plan(index: SiteIndex, only: string[] | undefined): Output[] {
  const { model } = index;
  const embedded = new Set(SITE_PAGES.flatMap((p) => p.embeds ?? []));
  const extraNav = Object.keys(model.pages)
    .filter((k) => !embedded.has(k))
    .sort()
    .map((k) => ({ path: `${k}.html`, label: model.pages[k]?.title ?? k }));
  const shell: ShellContext = {
    site: model.site,
    baseUrl: index.baseUrl,
    checked: index.checked,
    extraNav,
    ...(model.pages.personvern && !embedded.has('personvern') ? { privacyPage: 'personvern.html' } : {}),
  };
  const site: SiteBuild = { index, shell, pagePaths: [] };
  // Pages first (a folder nobody asked for is not even listed: the veiviser grows its tree to list
  // its pages), then the other files, which may list the pages.
  const pages = SITE_PAGES.filter((p) => p.kind === 'page' && wanted(only, p.folder)).flatMap((p) => p.outputs(site));
  site.pagePaths = pages.map((o) => o.file.slice('site/'.length)).sort();
  return [...pages, ...SITE_PAGES.filter((p) => p.kind === 'file').flatMap((p) => p.outputs(site))];
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
const OWNED_DIRS = SITE_PAGES.flatMap((p) => (p.folder ? [`site/${p.folder}`] : []));

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
