/**
 * `generate --watch [--serve]`: rebuild when a content file is saved, re-reading only that file and
 * re-rendering only the pages it affects; serve dist/site on 127.0.0.1. Errors are printed (and
 * shown as a banner on served pages) without stopping; the last good output keeps being served.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { IsoDate } from '../../shared/index.ts';
import { buildSite, SiteBuildError } from './build.ts';
import { ContentLoader } from './content/load.ts';
import { formatMessage } from './content/messages.ts';
import { generate } from './generate.ts';
import { h, toHtmlString } from './html.ts';
import type { ContentMessage, ContentModel } from './model.ts';
import { SITE_PAGES } from './pages/index.ts';
import { outputsAffected } from './pages/registry.ts';

export interface WatchOptions {
  contentDir: string;
  outDir: string;
  baseUrl?: string;
  asOf?: IsoDate;
  /** Serve outDir/site on http://127.0.0.1:<port> (0 = any free port). Omit to only watch. */
  port?: number;
  /** Where progress lines go (default: stdout / stderr by kind). */
  log?: (line: string, kind: 'info' | 'error') => void;
  /** Quiet time after the last file event before rebuilding. */
  debounceMs?: number;
}

export interface RebuildReport {
  /** Content files (absolute) that triggered it. */
  changed: string[];
  ok: boolean;
  messages: ContentMessage[];
  /** Page keys rebuilt (undefined = everything). */
  only: string[] | undefined;
  /** Files whose bytes changed, relative to outDir. */
  written: string[];
  ms: number;
}

export interface Watcher {
  /** http://127.0.0.1:<port>/ when serving. */
  url: string | null;
  /** The initial full build. */
  initial: RebuildReport;
  onRebuild(listener: (report: RebuildReport) => void): () => void;
  close(): Promise<void>;
}

const CONTENT_FILE = /\.(ya?ml|md)$/;

export async function startWatch(options: WatchOptions): Promise<Watcher> {
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  const log = options.log ?? ((line, kind) => (kind === 'error' ? process.stderr : process.stdout).write(`${line}\n`));
  const loader = new ContentLoader(contentDir);
  const listeners = new Set<(report: RebuildReport) => void>();
  let model: ContentModel | null = null;
  let errors: ContentMessage[] = [];

  const report = (r: RebuildReport): RebuildReport => {
    errors = r.ok ? [] : r.messages.filter((m) => m.severity === 'error');
    for (const m of r.messages) log(formatMessage(m), m.severity === 'error' ? 'error' : 'info');
    log(
      r.ok
        ? `Bygget ${r.written.length} ${r.changed.length ? 'endrede ' : ''}filer på ${Math.round(r.ms)} ms${r.only ? ` (${r.only.join(', ')})` : ''}.`
        : `${errors.length} feil i innholdet: siden er ikke oppdatert. Lagre en rettet fil for å prøve igjen.`,
      r.ok ? 'info' : 'error',
    );
    for (const listener of listeners) listener(r);
    return r;
  };

  const started = performance.now();
  const first = await generate({ contentDir, outDir, loader, ...pick(options) });
  model = first.model && first.ok ? first.model : null;
  const initial = report({
    changed: [],
    ok: first.ok,
    messages: first.messages,
    only: undefined,
    written: first.files,
    ms: performance.now() - started,
  });

  // Files changed since the last good build (edits made while the content had errors count too).
  const dirty = new Set<string>();
  const rebuild = async (changed: string[]): Promise<void> => {
    const start = performance.now();
    const loaded = await loader.load(changed);
    for (const file of loader.reparsed) dirty.add(loader.display(file));
    if (!loaded.model) {
      report({ changed, ok: false, messages: loaded.messages, only: undefined, written: [], ms: performance.now() - start });
      return;
    }
    if (dirty.size === 0 && model && errors.length === 0) return; // saved without changes
    const only = model ? affectedPages(model, loaded.model, [...dirty]) : undefined;
    try {
      const built = await buildSite(loaded.model, {
        outDir,
        baseUrl: options.baseUrl ?? loaded.model.site.baseUrl,
        sourceRoot: path.dirname(contentDir),
        ...(options.asOf ? { asOf: options.asOf } : {}),
        ...(only ? { only } : {}),
      });
      model = loaded.model;
      dirty.clear();
      report({ changed, ok: true, messages: [...loaded.messages, ...built.messages], only, written: built.written, ms: performance.now() - start });
    } catch (error) {
      if (!(error instanceof SiteBuildError)) throw error;
      report({ changed, ok: false, messages: error.messages, only, written: [], ms: performance.now() - start });
    }
  };

  // Builds run one at a time; events that arrive meanwhile are batched into the next one.
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const batch = [...pending];
      pending.clear();
      running = running.then(() => rebuild(batch)).catch((error: unknown) => log(`Bygget feilet: ${String(error)}`, 'error'));
    }, options.debounceMs ?? 15);
  };
  const watcher: FSWatcher = watch(contentDir, { recursive: true }, (_event, name) => {
    if (!name || (!CONTENT_FILE.test(name) && path.extname(name) !== '')) return;
    pending.add(path.join(contentDir, name.toString()));
    schedule();
  });

  let server: Server | null = null;
  let url: string | null = null;
  if (options.port !== undefined) {
    server = createServer((req, res) => {
      void serveFile(path.join(outDir, 'site'), req.url ?? '/', () => errors).then(({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject);
      server?.listen(options.port, '127.0.0.1', () => resolve());
    }).catch((error: unknown) => {
      watcher.close(); // or the process stays alive watching, with nothing to serve
      if (timer) clearTimeout(timer);
      throw error;
    });
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}/`;
    log(`Serverer ${path.join(outDir, 'site')} på ${url}`, 'info');
  }
  log(`Følger med på ${contentDir} (Ctrl+C for å avslutte).`, 'info');

  return {
    url,
    initial,
    onRebuild(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      watcher.close();
      if (timer) clearTimeout(timer);
      await running;
      server?.closeAllConnections(); // browsers keep connections open; close() would wait for them
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}

function pick(options: WatchOptions): { baseUrl?: string; asOf?: IsoDate } {
  return { ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) };
}

/**
 * Page keys to rebuild after `files` (display paths) changed: the entities they held, and what of
 * them each page shows (pages/index.ts). A new or removed entity means everything (undefined).
 */
export function affectedPages(before: ContentModel, after: ContentModel, files: string[]): string[] | undefined {
  const keysBefore = Object.keys(before.sourceFiles);
  const keysAfter = Object.keys(after.sourceFiles);
  if (keysBefore.length !== keysAfter.length || keysAfter.some((k) => !(k in before.sourceFiles))) return undefined;
  const changed = new Set(files);
  const entities = keysAfter.filter((k) => changed.has(after.sourceFiles[k] ?? '') || changed.has(before.sourceFiles[k] ?? ''));
  return outputsAffected(SITE_PAGES, before, after, entities);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Resolves a request path inside root (never outside it) and reads the file. */
export async function serveFile(
  root: string,
  requestUrl: string,
  currentErrors: () => ContentMessage[] = () => [],
): Promise<{ status: number; type: string; body: Buffer | string }> {
  const notFound = { status: 404, type: TYPES['.txt'] as string, body: 'Fant ikke siden.\n' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return { status: 400, type: TYPES['.txt'] as string, body: 'Ugyldig adresse.\n' };
  }
  if (pathname.includes('\0')) return notFound;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.resolve(root, `.${path.posix.normalize(pathname)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return notFound;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound;
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const errors = currentErrors();
  if (type.startsWith('text/html') && errors.length > 0) return { status: 200, type, body: withErrorBanner(body.toString('utf8'), errors) };
  return { status: 200, type, body };
}

/** The served page with the content errors on top (dev server only). */
function withErrorBanner(html: string, errors: ContentMessage[]): string {
  const banner = toHtmlString(
    h(
      'div',
      { role: 'alert', style: 'background:#fde8e8;color:#5c0000;border:2px solid #b00;padding:1rem;margin:0;font:1rem/1.4 system-ui,sans-serif' },
      h('strong', `${errors.length} feil i innholdet – siden viser forrige gyldige versjon.`),
      h('ul', errors.map((m) => h('li', h('code', formatMessage(m))))),
    ),
  );
  const at = html.search(/<body[^>]*>/i);
  if (at < 0) return banner + html;
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + banner + html.slice(end);
}
