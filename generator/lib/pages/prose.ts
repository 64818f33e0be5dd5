/** A prose page from content/pages/<key>.md (e.g. om.html), rendered as its own page. */
import type { PageShell } from './layout.ts';
import { h, lines } from '../html.ts';
import { PageContext, textOfNodes } from './common.ts';
import type { ContentModel } from '../model.ts';
import { PAGE_SHELL, htmlOutput, type SitePage } from './registry.ts';

export function prosePage(ctx: PageContext, key: string): PageShell {
  const page = ctx.index.model.pages[key];
  if (!page) throw new Error(`no page «${key}»`);
  const body = ctx.markdownNodes(page.body, { file: page.file, field: 'body' });
  return {
    path: ctx.path,
    title: page.title,
    description: textOfNodes(body).slice(0, 160) || ctx.index.model.site.description,
    main: lines(h('h1', page.title), body, ctx.notesNode()),
  };
}

/** The content pages that are pages of their own: all but those another page embeds. */
export function ownPages(model: ContentModel, embedded: ReadonlySet<string>): string[] {
  return Object.keys(model.pages)
    .filter((key) => !embedded.has(key))
    .sort();
}

/** Every content/pages/*.md that no other page embeds, at <key>.html (and in the main menu). */
export function prosePages(embedded: ReadonlySet<string>): SitePage {
  return {
    name: 'tekstsidene (content/pages)',
    kind: 'page',
    shows: [...PAGE_SHELL, { on: 'page:*', one: (key) => (embedded.has(key) ? null : key) }],
    keys: (model) => ownPages(model, embedded),
    outputs: (site) => ownPages(site.index.model, embedded).map((key) => htmlOutput(site, `${key}.html`, (ctx) => prosePage(ctx, key))),
  };
}
