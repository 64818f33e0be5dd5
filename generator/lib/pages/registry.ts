/**
 * What a site page is, as the build, the incremental plan and the watcher see it: each page module
 * declares its outputs (paths), what content it shows, and how it renders (see pages/index.ts for
 * the list). Adding a page is one module exporting a SitePage plus one line in that list.
 */
import type { ContentMessage, ContentModel, Page } from '../model.ts';
import type { Route } from '../../../shared/index.ts';
import { PageContext, type SiteIndex } from './common.ts';
import { renderPage, type PageShell, type ShellContext } from './layout.ts';

/** One file the build writes. */
export interface Output {
  /** The output path without ".html" ("index", "ruter/vgs-full", "sitemap.xml", "bundle/rules.json"): what `only` selects. */
  key: string;
  /** Relative to outDir ("site/index.html"). */
  file: string;
  /** Characters of Markdown it renders (to decide whether the build is worth parallelising). */
  markdown: number;
  render(): RenderedOutput;
}

/** One rendered output file and the content problems found while rendering it. */
export interface RenderedOutput {
  /** Relative to outDir. */
  file: string;
  content: string;
  messages: ContentMessage[];
}

/** A piece of content an output shows, so that editing it rebuilds exactly what shows it. */
export interface Shows {
  /**
   * An entity key of ContentModel.sourceFiles ("site", "titles", "page:front"), or every entity of
   * a kind ("route:*").
   */
  on: string;
  /** The part of the entity shown (default: all of it): a change outside it rebuilds nothing here. */
  part?: (entity: never) => unknown;
  /** For "kind:*": the key of the one output that shows entity `id` (null: none). Default: all the page's outputs. */
  one?: (id: string) => string | null;
}

/** What the build knows when it plans a page's outputs. */
export interface SiteBuild {
  index: SiteIndex;
  shell: ShellContext;
  /** Every HTML page's path (relative to site/), sorted; for file outputs (the sitemap), planned after the pages. */
  pagePaths: string[];
}

export interface SitePage {
  /** What it is, in a few words (messages, tests). */
  name: string;
  /** "page": HTML under site/ (planned first); "file": anything else (planned after, sees every page path). */
  kind: 'page' | 'file';
  /** When all its outputs sit in one folder (keys "ruter/…"), the folder: a rebuild of all of them needs no listing. */
  folder?: string;
  /** The content/pages/*.md it shows inside itself (so it is not also a page of its own). */
  embeds?: string;
  shows: readonly Shows[];
  /** Output keys for this model, without rendering anything (pages without a folder). */
  keys?(model: ContentModel): string[];
  outputs(site: SiteBuild): Output[];
}

/** What every HTML page shows: the site settings, the facts (notes, footer date), and the menu (page titles). */
export const PAGE_SHELL: readonly Shows[] = [
  { on: 'site' },
  { on: 'facts' },
  { on: 'fact:*' },
  { on: 'page:*', part: (page: Page) => page.title },
];

/** What pages that list routes show of each: everything but the body, the steps and the cost. */
export function listedRoute(route: Route): Omit<Route, 'body' | 'steps' | 'cost'> {
  const { body: _body, steps: _steps, cost: _cost, ...rest } = route;
  return rest;
}

/** An HTML output at `pagePath` (relative to site/), rendered in its own PageContext inside the shell. */
export function htmlOutput(site: SiteBuild, pagePath: string, build: (ctx: PageContext) => PageShell, markdown = 0): Output {
  const file = `site/${pagePath}`;
  return {
    key: pagePath.replace(/\.html$/, ''),
    file,
    markdown,
    render() {
      const ctx = new PageContext(site.index, pagePath);
      const page = build(ctx);
      return { file, content: renderPage(page, site.shell), messages: ctx.messages };
    },
  };
}

/** A non-HTML output. */
export function fileOutput(key: string, file: string, render: () => string): Output {
  return { key, file, markdown: 0, render: () => ({ file, content: render(), messages: [] }) };
}

/** The content entity a key names, or undefined (unknown key or kind, or no such entity). */
export function entityOf(model: ContentModel, key: string): unknown {
  const at = key.indexOf(':');
  const kind = at < 0 ? key : key.slice(0, at);
  const id = at < 0 ? undefined : key.slice(at + 1);
  const byId = <T extends { id: string }>(list: readonly T[]) => (id === undefined ? list : list.find((e) => e.id === id));
  switch (kind) {
    case 'site':
      return id === undefined ? model.site : undefined;
    case 'facts':
    case 'fact':
      return byId(model.rules.facts);
    case 'parameters':
    case 'parameter':
      return byId(model.rules.parameters);
    case 'titles':
    case 'title':
      return byId(model.titles);
    case 'changes':
    case 'change':
      return byId(model.changes);
    case 'route':
      return id === undefined ? undefined : model.rules.routes.find((r) => r.id === id);
    case 'page':
      return id === undefined ? undefined : model.pages[id];
    default:
      return undefined;
  }
}

function matches(on: string, key: string): boolean {
  return on.endsWith(':*') ? key.startsWith(on.slice(0, -1)) : key === on;
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The `only` keys to rebuild after these entities (ContentModel.sourceFiles keys) changed from
 * `before` to `after`, from what each page shows; undefined = everything (an entity appeared or
 * went, or its kind is unknown).
 */
export function outputsAffected(pages: readonly SitePage[], before: ContentModel, after: ContentModel, entityKeys: readonly string[]): string[] | undefined {
  const keys = new Set<string>();
  for (const key of entityKeys) {
    const old = entityOf(before, key);
    const now = entityOf(after, key);
    if (old === undefined || now === undefined) return undefined;
    const id = key.includes(':') ? key.slice(key.indexOf(':') + 1) : '';
    for (const page of pages) {
      for (const shows of page.shows) {
        if (!matches(shows.on, key)) continue;
        const part = shows.part as ((entity: unknown) => unknown) | undefined;
        if (part ? same(part(old), part(now)) : same(old, now)) continue;
        if (shows.one) {
          const one = shows.one(id);
          if (one) keys.add(one);
        } else if (page.folder) keys.add(page.folder);
        else for (const k of page.keys?.(after) ?? []) keys.add(k);
      }
    }
  }
  return [...keys].sort();
}
