import { fileURLToPath } from 'node:url';
import { EFFECT_LABELS, VERDICT_LABELS, fit, parseProfile, readText, traceSteps, type Texts, type Verdict } from '../../shared/index.ts';
import { loadContent } from '../lib/content/load.ts';
import { formatMessage } from '../lib/content/messages.ts';
import { parseOptions, readInput } from './args.ts';
import { UsageError } from './errors.ts';
import type { Command } from './index.ts';

const BUNDLED_CONTENT = fileURLToPath(new URL('../../content', import.meta.url));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const command: Command = {
  name: 'fit',
  summary: 'passer profilen til annonsen?',
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      profile: { type: 'string' },
      json: { type: 'boolean', default: false },
      content: { type: 'string' },
      'as-of': { type: 'string' },
    });
    if (!values.profile) throw new UsageError('mangler --profile PROFIL.json');
    if (positionals.length > 1) throw new UsageError('gi én annonsefil (eller - for standard inn)');
    const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
    if (!ISO_DATE.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of må være en dato som 2026-11-28, fikk «${asOf}»`);

    const profileText = await readInput(values.profile);
    let profileData: unknown;
    try {
      profileData = JSON.parse(profileText);
    } catch (error) {
      throw new UsageError(`profilen «${values.profile}» er ikke gyldig JSON: ${(error as Error).message}`);
    }
    const parsed = parseProfile(profileData);
    if (!parsed.ok) throw new UsageError(`profilen «${values.profile}» er ugyldig:\n  ${parsed.errors.join('\n  ')}`);

    const ad = await readInput(positionals[0] ?? '-');
    const { model, messages } = await loadContent(values.content ?? BUNDLED_CONTENT);
    if (!model) throw new UsageError(`innholdet har feil:\n${messages.map(formatMessage).join('\n')}`);

    const verdict = fit(parsed.profile, readText(ad), asOf, model.rules);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ verdict: verdict.verdict, route: verdict.route, reasons: verdict.reasons, trace: verdict.trace, asOf: verdict.asOf })}\n`);
    } else {
      process.stdout.write(`${renderVerdictText(verdict, 'nb', Object.fromEntries(model.rules.routes.map((r) => [r.id, r.title])))}\n`);
    }
    return 0;
  },
};

/** The plain-text verdict: the verdict, each reason with its quoted sentence and facts, the route, the trace steps. */
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
