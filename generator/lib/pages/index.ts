/**
 * Every output of the site, in build order. The full build, the incremental plan (what an edit
 * rebuilds) and the watcher all read this list. Add a page: a module exporting a SitePage
 * (see registry.ts), and one line here.
 */
import { buildVeiviserTree, nodePath, veiviserPage, type VeiviserNode } from './veiviser.ts';
import { routePage } from './route.ts';
import { changes } from './changes.ts';
import { front } from './front.ts';
import { prosePages } from './prose.ts';
import { rulesBundle, sitemap, style } from './files.ts';
import { sources } from './sources.ts';
import { PAGE_SHELL, htmlOutput, listedRoute, type Output, type SitePage } from './registry.ts';

// The route and veiviser pages are still rendered as HTML strings by their own modules; these two
// entries only adapt them (they move into route.ts and veiviser.ts when those build trees).

/** One page per route, at ruter/<id>.html. */
const routes: SitePage = {
  name: 'rutesidene',
  kind: 'page',
  folder: 'ruter',
  shows: [...PAGE_SHELL, { on: 'route:*', one: (id) => `ruter/${id}` }],
  outputs: (site) =>
    site.index.routes.map((route) => {
      const markdown = route.body.length + route.steps.reduce((n, s) => n + s.description.length, 0);
      return htmlOutput(site, `ruter/${route.id}.html`, (ctx) => routePage(ctx, route), markdown);
    }),
};

/** The veiviser's decision tree, one page per node under veiviser/. */
const veiviser: SitePage = {
  name: 'veiviseren',
  kind: 'page',
  folder: 'veiviser',
  embeds: 'veiviser',
  shows: [...PAGE_SHELL, { on: 'page:veiviser' }, { on: 'parameters' }, { on: 'parameter:*' }, { on: 'route:*', part: listedRoute }],
  outputs(site) {
    const out: Output[] = [];
    const walk = (node: VeiviserNode, ancestors: VeiviserNode[]): void => {
      out.push(htmlOutput(site, nodePath(node), (ctx) => veiviserPage(ctx, node, ancestors)));
      for (const child of node.children ?? []) walk(child.node, [...ancestors, node]);
    };
    walk(buildVeiviserTree(site.index.model.rules, site.index.asOf).root, []);
    return out;
  },
};

const PAGES: readonly SitePage[] = [front, routes, veiviser, sources, changes];

export const SITE_PAGES: readonly SitePage[] = [
  ...PAGES,
  prosePages(new Set(PAGES.flatMap((p) => p.embeds ?? []))),
  style,
  sitemap,
  rulesBundle,
];
