/** kilder.html: every fact with its statement, sources, checked date and confidence, each at #F-NN. */
import type { Fact, Parameter } from '../../../shared/index.ts';
import type { PageShell } from './layout.ts';
import { esc, norwegianDate } from './layout.ts';
import { PageContext, factMeta, sourceList } from './common.ts';

/** F-2 before F-10: by number, then by the id as written. */
export function compareFactIds(a: string, b: string): number {
  const na = Number(/\d+/.exec(a)?.[0] ?? NaN);
  const nb = Number(/\d+/.exec(b)?.[0] ?? NaN);
  if (na !== nb && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function factArticle(fact: Fact, ctx: PageContext): string {
  return `<article class="fact" id="${esc(fact.id)}" aria-labelledby="${esc(fact.id)}-tittel">
<h2 id="${esc(fact.id)}-tittel">${esc(fact.id)}</h2>
<p>${esc(fact.statement)}</p>
<p class="meta">${factMeta(fact)}</p>
<h3 class="visually-hidden">Kilder for ${esc(fact.id)}</h3>
${fact.sources.length ? sourceList(fact) : '<p>Ingen kilde oppgitt.</p>'}
${ctx.index.routes.some((r) => r.facts.includes(fact.id)) ? `<p>Brukt i: ${ctx.index.routes.filter((r) => r.facts.includes(fact.id)).map((r) => `<a href="${ctx.href(`ruter/${r.id}.html`)}">${esc(r.title)}</a>`).join(', ')}</p>` : ''}
</article>`;
}

function parameterRow(p: Parameter, ctx: PageContext): string {
  const values = p.values
    .map((v) => `${esc(String(v.value))} (fra ${esc(norwegianDate(v.from))}${v.to ? ` til ${esc(norwegianDate(v.to))}` : ''})`)
    .join('; ');
  const facts = p.facts.map((id) => `<a href="${ctx.href(`kilder.html#${id}`)}">${esc(id)}</a>`).join(', ');
  return `<tr><th scope="row"><code>${esc(p.id)}</code></th><td>${esc(p.description)}</td><td>${values}</td><td>${facts || '–'}</td></tr>`;
}

export function sourcesPage(ctx: PageContext): PageShell {
  const { model } = ctx.index;
  const facts = [...model.rules.facts].sort((a, b) => compareFactIds(a.id, b.id));
  const parameters = [...model.rules.parameters].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const main = `<h1>Kilder</h1>
<p>Alt denne siden sier som fakta, bygger på listen under. Hvert faktum har kildene sine, datoen det ble sjekket og hvor sikkert det er. Er sikkerheten «middels», kan kilden være eldre eller bare én; sjekk selv før du bygger en avgjørelse på det.</p>
${facts.map((f) => factArticle(f, ctx)).join('\n')}
<section aria-labelledby="parametere">
<h2 id="parametere">Regelparametere</h2>
<p>Tallene reglene bruker, med perioden de gjelder for.</p>
<div class="table-wrap">
<table>
<caption>Parametere i reglene</caption>
<thead><tr><th scope="col">Parameter</th><th scope="col">Beskrivelse</th><th scope="col">Verdi</th><th scope="col">Fakta</th></tr></thead>
<tbody>
${parameters.map((p) => parameterRow(p, ctx)).join('\n')}
</tbody>
</table>
</div>
</section>`;
  return {
    path: ctx.path,
    title: 'Kilder',
    description: `Alle ${facts.length} faktaene bak ${model.site.title}, med kilder, dato og sikkerhet.`,
    main,
  };
}
