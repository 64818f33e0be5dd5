/** kilder.html: every fact with its statement, sources, checked date and confidence, each at #F-NN. */
import type { Fact, Parameter } from '../../../shared/index.ts';
import type { PageShell } from './layout.ts';
import { norwegianDate } from './layout.ts';
import { block, h, joined, lines } from '../html.ts';
import { PageContext, factMeta, sourceList } from './common.ts';
import { PAGE_SHELL, htmlOutput, listedRoute, type SitePage } from './registry.ts';

/** F-2 before F-10: by number, then by the id as written. */
export function compareFactIds(a: string, b: string): number {
  const na = Number(/\d+/.exec(a)?.[0] ?? NaN);
  const nb = Number(/\d+/.exec(b)?.[0] ?? NaN);
  if (na !== nb && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function factArticle(fact: Fact, ctx: PageContext) {
  const usedIn = ctx.index.routes.filter((r) => r.facts.includes(fact.id));
  return h(
    'article',
    { className: 'fact', id: fact.id, ariaLabelledBy: `${fact.id}-tittel` },
    block(
      h('h2', { id: `${fact.id}-tittel` }, fact.id),
      h('p', fact.statement),
      h('p', { className: 'meta' }, factMeta(fact)),
      h('h3', { className: 'visually-hidden' }, `Kilder for ${fact.id}`),
      fact.sources.length ? sourceList(fact) : h('p', 'Ingen kilde oppgitt.'),
      usedIn.length > 0 && h('p', 'Brukt i: ', joined(usedIn.map((r) => h('a', { href: ctx.link(`ruter/${r.id}.html`) }, r.title)), ', ')),
    ),
  );
}

function parameterRow(p: Parameter, ctx: PageContext) {
  const values = p.values.map((v) => `${String(v.value)} (fra ${norwegianDate(v.from)}${v.to ? ` til ${norwegianDate(v.to)}` : ''})`).join('; ');
  const facts = joined(p.facts.map((id) => h('a', { href: ctx.link(`kilder.html#${id}`) }, id)), ', ');
  return h('tr', h('th', { scope: 'row' }, h('code', p.id)), h('td', p.description), h('td', values), h('td', facts.length ? facts : '–'));
}

export function sourcesPage(ctx: PageContext): PageShell {
  const { model } = ctx.index;
  const facts = [...model.rules.facts].sort((a, b) => compareFactIds(a.id, b.id));
  const parameters = [...model.rules.parameters].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const table = h(
    'table',
    block(
      h('caption', 'Parametere i reglene'),
      h('thead', h('tr', ['Parameter', 'Beskrivelse', 'Verdi', 'Fakta'].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', block(parameters.map((p) => parameterRow(p, ctx)))),
    ),
  );
  const main = lines(
    h('h1', 'Kilder'),
    h(
      'p',
      'Alt denne siden sier som fakta, bygger på listen under. Hvert faktum har kildene sine, datoen det ble sjekket og hvor sikkert det er. Er sikkerheten «middels», kan kilden være eldre eller bare én; sjekk selv før du bygger en avgjørelse på det.',
    ),
    facts.map((f) => factArticle(f, ctx)),
    h(
      'section',
      { ariaLabelledBy: 'parametere' },
      block(h('h2', { id: 'parametere' }, 'Regelparametere'), h('p', 'Tallene reglene bruker, med perioden de gjelder for.'), h('div', { className: 'table-wrap' }, block(table))),
    ),
  );
  return {
    path: ctx.path,
    title: 'Kilder',
    description: `Alle ${facts.length} faktaene bak ${model.site.title}, med kilder, dato og sikkerhet.`,
    main,
  };
}

export const sources: SitePage = {
  name: 'kildene',
  kind: 'page',
  shows: [...PAGE_SHELL, { on: 'parameters' }, { on: 'parameter:*' }, { on: 'route:*', part: listedRoute }],
  keys: () => ['kilder'],
  outputs: (site) => [htmlOutput(site, 'kilder.html', sourcesPage)],
};
