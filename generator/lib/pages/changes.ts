/** endringer.html: each common claim next to what is right now, with source notes. */
import type { PageShell } from './layout.ts';
import { esc } from './layout.ts';
import { PageContext, textOf } from './common.ts';

export function changesPage(ctx: PageContext): PageShell {
  const { model } = ctx.index;
  const file = model.sourceFiles.changes ?? 'content/changes.yaml';
  const intro = model.pages.endringer;
  const introHtml = intro
    ? ctx.markdown(intro.body, { file: intro.file, field: 'body' })
    : '<p>Mye av det som står på nett om disse titlene, er skrevet før dagens regler. Her er vanlige påstander og hva som gjelder nå.</p>';
  const answers: { question: string; answer: string }[] = [];
  const items = model.changes.map((change, i) => {
    // The heading's notes come before the answer's, in numbering as in reading order.
    const refs = ctx.factRefs(change.facts, { file, field: `changes[${i}].facts` });
    const now = ctx.markdown(change.now, { file, field: `changes[${i}].now` });
    answers.push({ question: change.claim, answer: textOf(now) });
    return `<article class="change" id="${esc(change.id)}" aria-labelledby="${esc(change.id)}-tittel">
<h2 id="${esc(change.id)}-tittel">${esc(change.topic)}</h2>
<div class="claim">
<h3>Det som ofte sies</h3>
<blockquote><p>${esc(change.claim)}</p></blockquote>
</div>
<div class="now">
<h3>Slik er det nå${refs}</h3>
${now}
</div>
</article>`;
  });
  const main = `<h1>${esc(intro?.title ?? 'Hva er endret')}</h1>
${introHtml}
${items.join('\n')}
${ctx.notesSection()}`;
  return {
    path: ctx.path,
    title: intro?.title ?? 'Hva er endret',
    description: 'Vanlige påstander om helsesekretær, medisinsk sekretær og legesekretær, sammenlignet med det som gjelder nå.',
    main,
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
