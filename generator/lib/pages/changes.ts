/** endringer.html: each common claim next to what is right now, with source notes. */
import type { PageShell } from './layout.ts';
import { block, h, lines } from '../html.ts';
import { PageContext, textOfNodes } from './common.ts';
import { PAGE_SHELL, htmlOutput, type SitePage } from './registry.ts';

export function changesPage(ctx: PageContext): PageShell {
  const { model } = ctx.index;
  const file = model.sourceFiles.changes ?? 'content/changes.yaml';
  const intro = model.pages.endringer;
  const introNodes = intro
    ? ctx.markdownNodes(intro.body, { file: intro.file, field: 'body' })
    : h('p', 'Mye av det som står på nett om disse titlene, er skrevet før dagens regler. Her er vanlige påstander og hva som gjelder nå.');
  const answers: { question: string; answer: string }[] = [];
  const items = model.changes.map((change, i) => {
    // The heading's notes come before the answer's, in numbering as in reading order.
    const refs = ctx.factRefNodes(change.facts, { file, field: `changes[${i}].facts` });
    const now = ctx.markdownNodes(change.now, { file, field: `changes[${i}].now` });
    answers.push({ question: change.claim, answer: textOfNodes(now) });
    return h(
      'article',
      { className: 'change', id: change.id, ariaLabelledBy: `${change.id}-tittel` },
      block(
        h('h2', { id: `${change.id}-tittel` }, change.topic),
        h('div', { className: 'claim' }, block(h('h3', 'Det som ofte sies'), h('blockquote', h('p', change.claim)))),
        h('div', { className: 'now' }, block(h('h3', 'Slik er det nå', refs), now)),
      ),
    );
  });
  const title = intro?.title ?? 'Hva er endret';
  return {
    path: ctx.path,
    title,
    description: 'Vanlige påstander om helsesekretær, medisinsk sekretær og legesekretær, sammenlignet med det som gjelder nå.',
    main: lines(h('h1', title), introNodes, items, ctx.notesNode()),
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'FAQPage',
        mainEntity: answers.map((a) => ({
          '@type': 'Question',
          name: a.question,
          acceptedAnswer: { '@type': 'Answer', text: a.answer },
        })),
      },
    ],
  };
}

export const changes: SitePage = {
  name: 'hva som er endret',
  kind: 'page',
  embeds: 'endringer',
  shows: [...PAGE_SHELL, { on: 'page:endringer' }, { on: 'changes' }, { on: 'change:*' }],
  keys: () => ['endringer'],
  outputs: (site) => [htmlOutput(site, 'endringer.html', changesPage)],
};
