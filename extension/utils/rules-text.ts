import type { Fact, Route, Rules, TraceStep } from '../../shared/index.ts';
import type { Lang } from './i18n.ts';

/**
 * The words the popup shows for things that come from the bundled rules: a route's title, first
 * step, duration and cost in the reader's language, a fact as its short title and publisher, and
 * trace steps without internal ids. English comes from each route's optional `en` fields
 * (content/routes/*.md); where one is missing the Norwegian text is shown, marked lang="nb".
 */
export interface Localised {
  text: string;
  /** The language the text is actually in (differs from the UI's when an English field is missing). */
  lang: Lang;
}

interface RouteEnglish {
  title?: string;
  duration?: string;
  cost?: string;
  steps?: { title?: string }[] | Record<string, { title?: string }>;
}

/** A route as the rules bundle may carry it: the Norwegian fields plus optional English ones. */
type RouteWithEnglish = Route & { en?: RouteEnglish; titleEn?: string; durationEn?: string; costEn?: string };
type StepWithEnglish = Route['steps'][number] & { en?: { title?: string }; titleEn?: string };

export interface RouteText {
  id: string;
  title: Localised;
  firstStep: Localised | null;
  duration: Localised;
  cost: Localised;
}

function pick(nbText: string, enText: string | undefined, lang: Lang): Localised {
  return lang === 'en' && enText ? { text: enText, lang: 'en' } : { text: nbText, lang: 'nb' };
}

export function routeText(rules: Rules, id: string, lang: Lang): RouteText | null {
  const route = rules.routes.find((r) => r.id === id) as RouteWithEnglish | undefined;
  if (!route) return null;
  const en = route.en;
  const step = route.steps[0] as StepWithEnglish | undefined;
  const stepsEn = en?.steps;
  const stepEn = step ? (step.en?.title ?? step.titleEn ?? (Array.isArray(stepsEn) ? stepsEn[0]?.title : stepsEn?.[step.id]?.title)) : undefined;
  return {
    id,
    title: pick(route.title, en?.title ?? route.titleEn, lang),
    firstStep: step ? pick(step.title, stepEn, lang) : null,
    duration: pick(route.duration, en?.duration ?? route.durationEn, lang),
    cost: pick(route.cost, en?.cost ?? route.costEn, lang),
  };
}

/** Route titles by id, for trace steps that name routes. */
export function routeTitles(rules: Rules, lang: Lang): Record<string, string> {
  return Object.fromEntries(rules.routes.map((r) => [r.id, routeText(rules, r.id, lang)?.title.text ?? r.title]));
}

/** A fact as a reader can recognise it: its first source's title and publisher (never "F-10"). */
export function factName(fact: Fact): { title: string; publisher: string; url: string | null } {
  const titled = fact as Fact & { title?: string };
  const source = fact.sources[0];
  const url = source?.url && /^https:\/\//.test(source.url) ? source.url : null;
  return { title: titled.title ?? source?.title ?? fact.statement.slice(0, 80), publisher: source?.publisher ?? '', url };
}

export function factsById(rules: Rules, ids: readonly string[]): Fact[] {
  return ids.map((id) => rules.facts.find((f) => f.id === id)).filter((f): f is Fact => f !== undefined);
}

/**
 * Words for trace lines the core leaves as ids (rules without a label, parameters it has no name
 * for). Keyed by the trace rule; the core's own labels win when it has them.
 */
const RULE_WORDS: Record<string, { nb: string; en: string }> = {
  'parameter:transitional-rule-open': { nb: 'Gjelder overgangsregelen (autorisasjon etter praksis)', en: 'Does the transitional rule (authorisation by practice) apply' },
  'parameter:authorisation-fee-innmeldingsliste': { nb: 'Gebyr for autorisasjon via innmeldingsliste (kr)', en: 'Authorisation fee via the school’s list (NOK)' },
  'parameter:authorisation-fee-self-norwegian': { nb: 'Gebyr når du søker autorisasjon selv (kr)', en: 'Authorisation fee when you apply yourself (NOK)' },
  'parameter:authorisation-fee-eu': { nb: 'Gebyr for autorisasjon med utdanning fra EU/EØS (kr)', en: 'Authorisation fee with education from the EU/EEA (NOK)' },
  'parameter:authorisation-fee-outside-eu': { nb: 'Gebyr for autorisasjon med utdanning fra utenfor EU/EØS (kr)', en: 'Authorisation fee with education from outside the EU/EEA (NOK)' },
  'parameter:processing-months-norwegian': { nb: 'Saksbehandlingstid med norsk utdanning (måneder)', en: 'Processing time with Norwegian education (months)' },
  'parameter:processing-months-eu': { nb: 'Saksbehandlingstid med utdanning fra EU/EØS (måneder)', en: 'Processing time with education from the EU/EEA (months)' },
  'parameter:processing-months-outside-eu': { nb: 'Saksbehandlingstid med utdanning fra utenfor EU/EØS (måneder)', en: 'Processing time with education from outside the EU/EEA (months)' },
  'parameter:authorisation-valid-until-age': { nb: 'Autorisasjonen gjelder til du fyller (år)', en: 'Authorisation is valid until the age of' },
};

const RESULT_WORDS: Record<string, { nb: string; en: string }> = {
  true: { nb: 'ja', en: 'yes' },
  false: { nb: 'nei', en: 'no' },
};

/** A trace step with internal ids replaced by words where the core gave none. */
export function readableStep(step: TraceStep, lang: Lang): TraceStep {
  const words = RULE_WORDS[step.rule];
  const raw = step.rule.replace(/^[a-z-]+:/, '');
  const unlabelled = step.text === step.rule || step.text.includes(raw);
  if (!words || !unlabelled) return step;
  const from = /\(([^)]*\d{4}-\d{2}-\d{2})\)$/.exec(step.text)?.[0];
  return {
    ...step,
    text: from ? `${words[lang]} ${from}` : words[lang],
    result: RESULT_WORDS[step.result]?.[lang] ?? step.result,
  };
}
