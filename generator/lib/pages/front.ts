/** Front page: the three titles side by side, the routes, and the way into the rest of the site. */
import type { PageShell } from './layout.ts';
import { block, h, lines, type Child } from '../html.ts';
import { PageContext } from './common.ts';
import { PAGE_SHELL, htmlOutput, listedRoute, type SitePage } from './registry.ts';

const YES_NO = (value: boolean): string => (value ? 'Ja' : 'Nei');

export function frontPage(ctx: PageContext): PageShell {
  const { model, routes } = ctx.index;
  const front = model.pages.front;
  const titles = model.titles;
  const titlesFile = model.sourceFiles.titles ?? 'content/titles.yaml';
  const heading = front?.title ?? model.site.title;
  const intro = front ? ctx.markdownNodes(front.body, { file: front.file, field: 'body' }) : h('p', model.site.description);

  const row = (label: string, cell: (t: (typeof titles)[number], i: number) => Child) =>
    h('tr', h('th', { scope: 'row' }, label), titles.map((t, i) => h('td', cell(t, i))));
  const origin = (i: number, field: string) => ({ file: titlesFile, field: `titles[${i}].${field}` });
  const table = h(
    'table',
    { className: 'compare' },
    block(
      h('caption', 'De tre titlene sammenlignet'),
      h('thead', h('tr', h('td'), titles.map((t) => h('th', { scope: 'col' }, t.name)))),
      h(
        'tbody',
        block(
          row('Beskyttet tittel', (t) => YES_NO(t.protected)),
          row('Autorisasjon finnes', (t) => YES_NO(t.authorisation)),
          row('Utdanning', (t) => t.education),
          row('Navn på engelsk', (t) => t.englishNames.join(', ')),
          row('Merknader', (t, i) => ctx.markdownNodes(t.notes, origin(i, 'notes'))),
          row('Kilder', (t, i) => {
            const refs = ctx.factRefNodes(t.facts, origin(i, 'facts'));
            return refs.length ? refs : '–';
          }),
        ),
      ),
    ),
  );

  const routeList = routes.map((r) =>
    h('li', h('a', { href: ctx.link(`ruter/${r.id}.html`) }, r.title), ` – ${r.duration}${r.leadsToAuthorisation ? ', gir autorisasjon' : ''}`),
  );
  const section = (id: string, title: string, ...content: Child[]) =>
    h('section', { ariaLabelledBy: id }, block(h('h2', { id }, title), ...content));

  const main = lines(
    h('h1', heading),
    intro,
    h('div', { className: 'table-wrap' }, block(table)),
    section(
      'veiviser-tittel',
      'Hva er din vei?',
      h('p', h('a', { className: 'button-link', href: ctx.link('veiviser/index.html') }, 'Svar på noen spørsmål i veiviseren'), ' og få ruten som passer deg.'),
    ),
    section('ruter-tittel', 'Rutene', h('ul', block(routeList))),
    section(
      'mer-tittel',
      'Mer',
      h(
        'ul',
        block(
          h('li', h('a', { href: ctx.link('endringer.html') }, 'Hva er endret'), ': vanlige påstander sammenlignet med hva som gjelder nå.'),
          h('li', h('a', { href: ctx.link('kilder.html') }, 'Kilder'), ': alle faktaene med kildene sine.'),
        ),
      ),
    ),
    ctx.notesNode(),
  );

  const occupations = titles.map((t) => ({
    '@type': 'Occupation',
    name: t.name,
    alternateName: t.englishNames,
    educationRequirements: t.education,
    ...(t.authorisation ? { qualifications: 'Autorisasjon som helsepersonell etter helsepersonelloven § 48' } : {}),
    occupationLocation: { '@type': 'Country', name: 'Norge' },
  }));
  return {
    path: ctx.path,
    title: heading,
    description: model.site.description,
    main,
    ogType: 'website',
    jsonLd: [{ '@context': 'https://schema.org', '@graph': occupations }],
  };
}

export const front: SitePage = {
  name: 'forsiden',
  kind: 'page',
  embeds: 'front',
  shows: [...PAGE_SHELL, { on: 'page:front' }, { on: 'titles' }, { on: 'title:*' }, { on: 'route:*', part: listedRoute }],
  keys: () => ['index'],
  outputs: (site) => [htmlOutput(site, 'index.html', frontPage)],
};
