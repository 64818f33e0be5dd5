/** The CLI's plain-text verdict: the verdict, each reason with its quoted sentence and facts, the route, the trace steps. */
import { EFFECT_LABELS, VERDICT_LABELS, traceSteps, type Texts, type Verdict } from '../../shared/index.ts';

const ROUTE_LABEL: Texts = { nb: 'Vei videre', en: 'Route' };
const SOURCES_LABEL: Texts = { nb: 'Kilder', en: 'Sources' };
const TRACE_LABEL: Texts = { nb: 'Slik kom vi fram til svaret', en: 'How we reached this answer' };

export function renderVerdictText(v: Verdict, lang: 'nb' | 'en', routeTitles: Readonly<Record<string, string>> = {}): string {
  const lines = [`${VERDICT_LABELS[v.verdict][lang]} (${v.asOf})`];
  for (const reason of v.reasons) {
    lines.push(`- [${EFFECT_LABELS[reason.effect][lang]}] ${lang === 'nb' ? reason.text : reason.textEn}`);
    if (reason.evidence) lines.push(`    «${reason.evidence.text.replace(/\s+/g, ' ').trim()}»`);
    if (reason.facts.length > 0) lines.push(`    ${SOURCES_LABEL[lang]}: ${reason.facts.join(', ')}`);
  }
  if (v.route) lines.push(`${ROUTE_LABEL[lang]}: ${routeTitles[v.route] ? `${routeTitles[v.route]} (${v.route})` : v.route}`);
  const steps = traceSteps(v.trace, lang, routeTitles);
  if (steps.length > 0) {
    lines.push(`${TRACE_LABEL[lang]}:`);
    steps.forEach((step, i) => lines.push(`  ${i + 1}. ${step.text}: ${step.result}${step.facts.length > 0 ? ` (${step.facts.join(', ')})` : ''}`));
  }
  return lines.join('\n') + '\n';
}
