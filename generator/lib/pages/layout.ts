/**
 * The page shell every HTML page shares, plus the small string helpers the page modules use.
 * Pages are built as strings: every piece of content text goes through `esc`, and the only
 * unescaped HTML is what remark-html produced (sanitised) or what these modules wrote.
 */
import { posix } from 'node:path';
import type { SiteSettings } from '../model.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML text content and double-quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

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
  main: string;
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
  const fullTitle = documentTitle(page, ctx.site.title);
  const nav = [...NAV, ...(ctx.extraNav ?? [])].map((item) => {
    const current = item.path === page.path ? ' aria-current="page"' : isCurrentSection(page.path, item.path) ? ' aria-current="true"' : '';
    return `<li><a href="${esc(rel(page.path, item.path))}"${current}>${esc(item.label)}</a></li>`;
  }).join('');
  const jsonLd = (page.jsonLd ?? [])
    .map((data) => `<script type="application/ld+json">\n${jsonForScript(data)}\n</script>\n`)
    .join('');
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(fullTitle)}</title>
<meta name="description" content="${esc(page.description)}">
<meta name="color-scheme" content="light dark">
<link rel="canonical" href="${esc(url)}">
<link rel="stylesheet" href="${esc(rel(page.path, 'style.css'))}">
<meta property="og:type" content="${page.ogType ?? 'article'}">
<meta property="og:title" content="${esc(page.title)}">
<meta property="og:description" content="${esc(page.description)}">
<meta property="og:url" content="${esc(url)}">
<meta property="og:site_name" content="${esc(ctx.site.title)}">
<meta property="og:locale" content="nb_NO">
${jsonLd}</head>
<body>
<a class="skip-link" href="#innhold">Hopp til innholdet</a>
<header class="site-header">
<p class="site-name"><a href="${esc(rel(page.path, 'index.html'))}">${esc(ctx.site.title)}</a></p>
<nav aria-label="Hovedmeny"><ul>${nav}</ul></nav>
</header>
<main id="innhold">
${page.main}
</main>
<footer class="site-footer">
<p>Veiledning, ikke et vedtak: arbeidsgiveren avgjør krav til stillingen, og Helsedirektoratet avgjør autorisasjon.</p>
<p>Faktaene er sjekket mot kildene ${esc(norwegianDate(ctx.checked))}. <a href="${esc(rel(page.path, 'kilder.html'))}">Se alle kilder</a>.</p>
</footer>
</body>
</html>
`;
}
