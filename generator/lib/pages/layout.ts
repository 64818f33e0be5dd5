/**
 * The page shell every HTML page shares, built as a tree (see ../html.ts), plus the small helpers
 * the page modules use.
 */
import { posix } from 'node:path';
import type { SiteSettings } from '../model.ts';
import { block, h, toHtmlString, type Child } from '../html.ts';

/** Relative link from one site page to another (both paths relative to the site root). */
export function rel(from: string, to: string): string {
  const [path = '', fragment] = to.split('#');
  if (path === from && fragment !== undefined) return `#${fragment}`;
  const out = relativeFrom(posix.dirname(from), path);
  return fragment === undefined ? out : `${out}#${fragment}`;
}

/** posix.relative, remembered: every page in a folder links to the same few hundred targets. */
const relatives = new Map<string, string>();

function relativeFrom(dir: string, to: string): string {
  const key = `${dir}\u0000${to}`;
  let out = relatives.get(key);
  if (out === undefined) {
    if (relatives.size >= 50_000) relatives.clear();
    out = posix.relative(dir, to);
    relatives.set(key, out);
  }
  return out;
}

/** Absolute URL of a site page, for canonical links, Open Graph and the sitemap. */
export function absoluteUrl(baseUrl: string, path: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(path, base).href;
}

/** JSON for a <script type="application/ld+json"> block: "<" escaped so no text can end the block. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Dates as Norwegians write them: 2026-11-28 → 28.11.2026. */
export function norwegianDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export interface PageShell {
  /** Path relative to the site root, e.g. "ruter/vgs-full.html". */
  path: string;
  /** Page title (without the site name); also the Open Graph title. */
  title: string;
  description: string;
  /** The content of <main>, starting with its <h1>. */
  main: Child[];
  jsonLd?: Record<string, unknown>[];
  ogType?: 'website' | 'article';
}

export interface ShellContext {
  site: SiteSettings;
  baseUrl: string;
  /** Date the content was last checked (ISO), shown in the footer. */
  checked: string;
  /** Prose pages (e.g. om.html) added to the main menu. */
  extraNav?: { path: string; label: string }[];
  /** The privacy page (linked from every footer), when the site has one. */
  privacyPage?: string;
}

const NAV: { path: string; label: string }[] = [
  { path: 'index.html', label: 'Titlene' },
  { path: 'veiviser/index.html', label: 'Veiviser' },
  { path: 'endringer.html', label: 'Hva er endret' },
  { path: 'kilder.html', label: 'Kilder' },
];

function isCurrentSection(pagePath: string, navPath: string): boolean {
  if (navPath === pagePath) return true;
  return navPath.endsWith('/index.html') && pagePath.startsWith(navPath.slice(0, -'index.html'.length));
}

/** Search results cut titles near 70 characters: drop the site name first, then shorten at a word. */
const MAX_TITLE = 70;

export function documentTitle(page: Pick<PageShell, 'path' | 'title'>, siteTitle: string): string {
  if (page.path === 'index.html') return siteTitle;
  const full = `${page.title} – ${siteTitle}`;
  if (full.length <= MAX_TITLE) return full;
  if (page.title.length <= MAX_TITLE) return page.title;
  const cut = page.title.slice(0, MAX_TITLE - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

export function renderPage(page: PageShell, ctx: ShellContext): string {
  const url = absoluteUrl(ctx.baseUrl, page.path);
  const link = (to: string) => rel(page.path, to);
  const nav = [...NAV, ...(ctx.extraNav ?? [])].map((item) => {
    const current = item.path === page.path ? 'page' : isCurrentSection(page.path, item.path) ? 'true' : undefined;
    return h('li', h('a', { href: link(item.path), ariaCurrent: current }, item.label));
  });
  const jsonLd = (page.jsonLd ?? []).map((data) => h('script', { type: 'application/ld+json' }, `\n${jsonForScript(data)}\n`));
  const meta = (property: string, content: string) => h('meta', { property, content });
  const head = h(
    'head',
    block(
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', documentTitle(page, ctx.site.title)),
      h('meta', { name: 'description', content: page.description }),
      h('meta', { name: 'color-scheme', content: 'light dark' }),
      h('link', { rel: 'canonical', href: url }),
      h('link', { rel: 'stylesheet', href: link('style.css') }),
      meta('og:type', page.ogType ?? 'article'),
      meta('og:title', page.title),
      meta('og:description', page.description),
      meta('og:url', url),
      meta('og:site_name', ctx.site.title),
      meta('og:locale', 'nb_NO'),
      jsonLd,
    ),
  );
  const footer = h(
    'footer',
    { className: 'site-footer' },
    block(
      h('p', 'Veiledning, ikke et vedtak: arbeidsgiveren avgjør krav til stillingen, og Helsedirektoratet avgjør autorisasjon.'),
      h('p', `Faktaene er sjekket mot kildene ${norwegianDate(ctx.checked)}. `, h('a', { href: link('kilder.html') }, 'Se alle kilder'), '.'),
      ctx.privacyPage && h('p', h('a', { href: link(ctx.privacyPage) }, 'Personvern'), ': hva nettleserutvidelsen lagrer, og hva den aldri gjør.'),
    ),
  );
  const body = h(
    'body',
    block(
      h('a', { className: 'skip-link', href: '#innhold' }, 'Hopp til innholdet'),
      h('header', { className: 'site-header' }, block(h('p', { className: 'site-name' }, h('a', { href: link('index.html') }, ctx.site.title)), h('nav', { ariaLabel: 'Hovedmeny' }, h('ul', nav)))),
      h('main', { id: 'innhold' }, block(page.main)),
      footer,
    ),
  );
  const html = h('html', { lang: 'nb' }, block(head, body));
  return `${toHtmlString([{ type: 'doctype' }, '\n', html])}\n`;
}
