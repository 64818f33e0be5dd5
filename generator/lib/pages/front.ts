/** Front page: the three titles side by side, the routes, and the way into the rest of the site. */
import type { PageShell } from './layout.ts';
import { esc } from './layout.ts';
import { PageContext } from './common.ts';

const YES_NO = (value: boolean): string => (value ? 'Ja' : 'Nei');

export function frontPage(ctx: PageContext): PageShell {
  const { model, routes } = ctx.index;
  const front = model.pages.front;
  const titles = model.titles;
  const titlesFile = model.sourceFiles.titles ?? 'content/titles.yaml';
  const heading = front?.title ?? model.site.title;
  const intro = front ? ctx.markdown(front.body, { file: front.file, field: 'body' }) : `<p>${esc(model.site.description)}</p>`;

  const row = (label: string, cell: (t: (typeof titles)[number], i: number) => string): string =>
    `<tr><th scope="row">${esc(label)}</th>${titles.map((t, i) => `<td>${cell(t, i)}</td>`).join('')}</tr>`;
  const origin = (i: number, field: string) => ({ file: titlesFile, field: `titles[${i}].${field}` });
  const table = `<table class="compare">
<caption>De tre titlene sammenlignet</caption>
<thead><tr><td></td>${titles.map((t) => `<th scope="col">${esc(t.name)}</th>`).join('')}</tr></thead>
<tbody>
${row('Beskyttet tittel', (t) => YES_NO(t.protected))}
${row('Autorisasjon finnes', (t) => YES_NO(t.authorisation))}
${row('Utdanning', (t) => esc(t.education))}
${row('Navn på engelsk', (t) => esc(t.englishNames.join(', ')))}
${row('Merknader', (t, i) => ctx.markdown(t.notes, origin(i, 'notes')))}
${row('Kilder', (t, i) => ctx.factRefs(t.facts, origin(i, 'facts')) || '–')}
</tbody>
</table>`;

  const routeList = routes
    .map((r) => `<li><a href="${ctx.href(`ruter/${r.id}.html`)}">${esc(r.title)}</a> – ${esc(r.duration)}${r.leadsToAuthorisation ? ', gir autorisasjon' : ''}</li>`)
    .join('\n');

  const main = `<h1>${esc(heading)}</h1>
${intro}
<div class="table-wrap">
${table}
</div>
<section aria-labelledby="veiviser-tittel">
<h2 id="veiviser-tittel">Hva er din vei?</h2>
<p><a class="button-link" href="${ctx.href('veiviser/index.html')}">Svar på noen spørsmål i veiviseren</a> og få ruten som passer deg.</p>
</section>
<section aria-labelledby="ruter-tittel">
<h2 id="ruter-tittel">Rutene</h2>
<ul>
${routeList}
</ul>
</section>
<section aria-labelledby="mer-tittel">
<h2 id="mer-tittel">Mer</h2>
<ul>
<li><a href="${ctx.href('endringer.html')}">Hva er endret</a>: vanlige påstander sammenlignet med hva som gjelder nå.</li>
<li><a href="${ctx.href('kilder.html')}">Kilder</a>: alle faktaene med kildene sine.</li>
</ul>
</section>
${ctx.notesSection()}`;

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
