/**
 * Every output of the site, in build order. The full build, the incremental plan (what an edit
 * rebuilds) and the watcher all read this list. Add a page: a module exporting a SitePage
 * (see registry.ts), and one line here.
 */
import { veiviserPages } from './veiviser.ts';
import { routePages } from './route.ts';
import { changes } from './changes.ts';
import { front } from './front.ts';
import { prosePages } from './prose.ts';
import { rulesBundle, sitemap, style } from './files.ts';
import { sources } from './sources.ts';
import type { SitePage } from './registry.ts';

const PAGES: readonly SitePage[] = [front, routePages, veiviserPages, sources, changes];

export const SITE_PAGES: readonly SitePage[] = [
  ...PAGES,
  prosePages(new Set(PAGES.flatMap((p) => p.embeds ?? []))),
  style,
  sitemap,
  rulesBundle,
];
