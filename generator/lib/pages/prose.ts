/** A prose page from content/pages/<key>.md (e.g. om.html), rendered as its own page. */
import type { PageShell } from './layout.ts';
import { esc } from './layout.ts';
import { PageContext, textOf } from './common.ts';

export function prosePage(ctx: PageContext, key: string): PageShell {
  const page = ctx.index.model.pages[key];
  if (!page) throw new Error(`no page «${key}»`);
  const body = ctx.markdown(page.body, { file: page.file, field: 'body' });
  return {
    path: ctx.path,
    title: page.title,
    description: textOf(body).slice(0, 160) || ctx.index.model.site.description,
    main: `<h1>${esc(page.title)}</h1>\n${body}\n${ctx.notesSection()}`,
  };
}
