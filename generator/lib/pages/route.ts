/** One page per route: who it is for, the steps (list + SVG diagram), duration, cost, outcome, body. */
import { SITUATIONS, type Route } from '../../../shared/index.ts';
import type { PageShell } from './layout.ts';
import { absoluteUrl, esc } from './layout.ts';
import { PageContext, textOf } from './common.ts';
import { routeDiagram } from '../svg.ts';

/** The situations (shared/lib/route-choice.ts) in which the rules choose this route, with their sources. */
export function situationsHtml(route: Route, ctx: PageContext, file: string): string {
  const items = SITUATIONS.filter((s) => s.route === route.id).map(
    (s) => `<li><strong>${esc(s.label.nb)}.</strong> ${esc(s.advice.nb)}${ctx.factRefs(s.facts, { file: 'shared/lib/route-choice.ts', field: s.id })}</li>`,
  );
  const audience = ctx.markdown(route.audience, { file, field: 'audience' }, 3);
  return items.length
    ? `${audience}
<p>Veiviseren, utvidelsen og kommandolinjen foreslår denne ruten når:</p>
<ul class="conditions">
${items.join('\n')}
</ul>`
    : audience;
}

export function routePage(ctx: PageContext, route: Route): PageShell {
  const { model } = ctx.index;
  const file = model.sourceFiles[`route:${route.id}`] ?? `content/routes/${route.id}.md`;
  // Rendered in document order, so source notes are numbered as the reader meets them.
  const routeFacts = ctx.factRefs(route.facts, { file, field: 'facts' }) || '–';
  const conditions = situationsHtml(route, ctx, file);
  const steps = route.steps
    .map((step, i) => {
      const heading = `${esc(step.title)}${ctx.factRefs(step.facts, { file, field: `steps[${i}].facts` })}`;
      const codes = step.subjectCodes.length
        ? `<p class="codes">LK20-fagkoder: ${step.subjectCodes.map((c) => `<code>${esc(c)}</code>`).join(', ')}</p>`
        : '';
      const description = ctx.markdown(step.description, { file, field: `steps[${i}].description` }, 4);
      return `<li id="steg-${esc(step.id)}">
<h3>${heading}</h3>
${codes}
${description}
</li>`;
    })
    .join('\n');
  const body = ctx.markdown(route.body, { file, field: 'body' }, 3);

  const main = `<h1>${esc(route.title)}</h1>
<dl class="facts-box">
<dt>Varighet</dt><dd>${esc(route.duration)}</dd>
<dt>Kostnad</dt><dd>${esc(route.cost)}</dd>
<dt>Gir autorisasjon som helsesekretær</dt><dd>${route.leadsToAuthorisation ? 'Ja' : 'Nei'}</dd>
<dt>Kilder</dt><dd>${routeFacts}</dd>
</dl>
<section aria-labelledby="hvem">
<h2 id="hvem">Hvem ruten passer for</h2>
${conditions}
<p>Usikker? <a href="${ctx.href('veiviser/index.html')}">Prøv veiviseren</a>.</p>
</section>
<section aria-labelledby="steg">
<h2 id="steg">Steg for steg</h2>
<figure class="diagram">
${routeDiagram(route)}
</figure>
<ol class="steps">
${steps}
</ol>
</section>
<section aria-labelledby="detaljer">
<h2 id="detaljer">Om ruten</h2>
${body}
</section>
${ctx.notesSection()}`;

  const description = `${route.title}: ${route.steps.length} steg, ${route.duration}. ${route.leadsToAuthorisation ? 'Gir autorisasjon som helsesekretær.' : 'Gir ikke autorisasjon.'}`;
  const program: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'EducationalOccupationalProgram',
    name: route.title,
    description: textOf(body.slice(0, 2000)).slice(0, 300) || description,
    url: absoluteUrl(ctx.index.baseUrl, ctx.path),
    inLanguage: 'nb',
    occupationalCategory: 'Helsesekretær',
    offers: { '@type': 'Offer', description: route.cost },
    hasCourse: route.steps.map((s) => ({
      '@type': 'Course',
      name: s.title,
      ...(s.subjectCodes.length ? { courseCode: s.subjectCodes.join(', ') } : {}),
    })),
    ...(route.leadsToAuthorisation
      ? { occupationalCredentialAwarded: 'Autorisasjon som helsesekretær (helsepersonelloven § 48)' }
      : {}),
  };
  return { path: ctx.path, title: route.title, description, main, jsonLd: [program] };
}
