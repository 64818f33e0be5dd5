/** The site's outputs that are not pages: the style sheet, the sitemap, and the extension's rules bundle. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { absoluteUrl } from './layout.ts';
import { PAGE_SHELL, fileOutput, listedRoute, type SitePage } from './registry.ts';

const STYLE_SOURCE = fileURLToPath(new URL('../../assets/style.css', import.meta.url));

export const style: SitePage = {
  name: 'stilarket',
  kind: 'file',
  shows: [],
  keys: () => ['style.css'],
  outputs: () => [fileOutput('style.css', 'site/style.css', () => readFileSync(STYLE_SOURCE, 'utf8'))],
};

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Every page's address; which veiviser pages exist follows the routes' conditions, the parameters and the date. */
export const sitemap: SitePage = {
  name: 'nettstedskartet',
  kind: 'file',
  shows: [...PAGE_SHELL, { on: 'parameters' }, { on: 'parameter:*' }, { on: 'route:*', part: listedRoute }],
  keys: () => ['sitemap.xml'],
  outputs: (site) => [
    fileOutput('sitemap.xml', 'site/sitemap.xml', () => {
      const urls = site.pagePaths.map((p) => `  <url><loc>${absoluteUrl(site.index.baseUrl, p).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c)}</loc></url>`);
      return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
    }),
  ],
};

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

/** The rules the extension bundles (dist/bundle/rules.json). */
export const rulesBundle: SitePage = {
  name: 'regelpakken til utvidelsen',
  kind: 'file',
  shows: [{ on: 'facts' }, { on: 'fact:*' }, { on: 'parameters' }, { on: 'parameter:*' }, { on: 'route:*' }],
  keys: () => ['bundle/rules.json'],
  outputs: (site) => [fileOutput('bundle/rules.json', 'bundle/rules.json', () => stableJson(site.index.model.rules))],
};
