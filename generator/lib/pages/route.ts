/** One page per route: who it is for, the steps (list + SVG diagram), duration, cost, outcome, body. */
import { SITUATIONS, type Route } from '../../../shared/index.ts';
import type { PageShell } from './layout.ts';
import { absoluteUrl } from './layout.ts';
import { block, h, joined, lines, type Child } from '../html.ts';
import { PageContext, textOfNodes } from './common.ts';
import { routeDiagramNode } from '../svg.ts';
import { PAGE_SHELL, htmlOutput, type SitePage } from './registry.ts';

/** Who the route is for: the editor's words, then the situations (shared/lib/route-choice.ts) in which the rules choose it. */
export function situationsNodes(route: Route, ctx: PageContext, file: string): Child[] {
  const audience = ctx.markdownNodes(route.audience, { file, field: 'audience' }, 3);
  const items = SITUATIONS.filter((s) => s.route === route.id).map((s) =>
    h('li', h('strong', `${s.label.nb}.`), ` ${s.advice.nb}`, ctx.factRefNodes(s.facts, { file: 'shared/lib/route-choice.ts', field: s.id })),
  );
  if (items.length === 0) return audience;
  return lines(audience, h('p', 'Veiviseren, utvidelsen og kommandolinjen foreslår denne ruten når:'), h('ul', { className: 'conditions' }, block(items)));
}

export function routePage(ctx: PageContext, route: Route): PageShell {
  const { model } = ctx.index;
  const file = model.sourceFiles[`route:${route.id}`] ?? `content/routes/${route.id}.md`;
  // Built in document order, so source notes are numbered as the reader meets them.
  const routeFacts = ctx.factRefNodes(route.facts, { file, field: 'facts' });
  const conditions = situationsNodes(route, ctx, file);
  const steps = route.steps.map((step, i) => {
    const heading = h('h3', step.title, ctx.factRefNodes(step.facts, { file, field: `steps[${i}].facts` }));
    const codes = step.subjectCodes.length > 0 && h('p', { className: 'codes' }, 'LK20-fagkoder: ', joined(step.subjectCodes.map((c) => h('code', c)), ', '));
    const description = ctx.markdownNodes(step.description, { file, field: `steps[${i}].description` }, 4);
    return h('li', { id: `steg-${step.id}` }, block(heading, codes, description));
  });
  const body = ctx.markdownNodes(route.body, { file, field: 'body' }, 3);
  const section = (id: string, title: string, ...content: Child[]) => h('section', { ariaLabelledBy: id }, block(h('h2', { id }, title), ...content));

  const main = lines(
    h('h1', route.title),
    h(
      'dl',
      { className: 'facts-box' },
      block(
        [h('dt', 'Varighet'), h('dd', route.duration)],
        [h('dt', 'Kostnad'), h('dd', route.cost)],
        [h('dt', 'Gir autorisasjon som helsesekretær'), h('dd', route.leadsToAuthorisation ? 'Ja' : 'Nei')],
        [h('dt', 'Kilder'), h('dd', routeFacts.length ? routeFacts : '–')],
      ),
    ),
    section('hvem', 'Hvem ruten passer for', ...conditions, h('p', 'Usikker? ', h('a', { href: ctx.link('veiviser/index.html') }, 'Prøv veiviseren'), '.')),
    section('steg', 'Steg for steg', h('figure', { className: 'diagram' }, block(routeDiagramNode(route))), h('ol', { className: 'steps' }, block(steps))),
    section('detaljer', 'Om ruten', ...body),
    ctx.notesNode(),
  );

  const description = `${route.title}: ${route.steps.length} steg, ${route.duration}. ${route.leadsToAuthorisation ? 'Gir autorisasjon som helsesekretær.' : 'Gir ikke autorisasjon.'}`;
  const program: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'EducationalOccupationalProgram',
    name: route.title,
    description: textOfNodes(body).slice(0, 300) || description,
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

/** One page per route, at ruter/<id>.html. */
export const routePages: SitePage = {
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
