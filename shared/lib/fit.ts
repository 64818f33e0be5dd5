/**
 * fit(): does this reader fit this ad, and if not, which route closes the gap?
 * Each requirement the reader read from the ad becomes one reason (met / unmet / caveat / info);
 * the verdict follows from the reasons, the route from the gap, and every predicate and parameter
 * consulted is in the trace.
 */
import { EFFECT_LABELS, REASON_TEXTS, VERDICT_LABELS, type ReasonId, type Texts } from './explain.ts';
import { evaluateConditions, evaluatePredicate, traceParameter, yearOf, type PredicateContext } from './predicates.ts';
import { traceSteps } from './trace.ts';
import type {
  AdReading,
  EducationKind,
  EducationRequirement,
  Evidence,
  IsoDate,
  Profile,
  Reason,
  Rules,
  TitleId,
  TraceEntry,
  Verdict,
  VerdictKind,
} from './types.ts';

export type RouteNeed = 'authorisation' | 'medsek-course';

/**
 * The first route (by priority, then id) meeting the need whose `for` conditions hold.
 * 'authorisation' considers routes that lead to authorisation; 'medsek-course' the others.
 * An authorised reader has no authorisation gap, so gets null whatever the route files say.
 */
export function chooseRoute(profile: Profile, asOf: IsoDate, rules: Rules, need: RouteNeed): { route: string | null; trace: TraceEntry[] } {
  yearOf(asOf);
  const ctx: PredicateContext = { profile, asOf, rules };
  const trace: TraceEntry[] = [];
  if (need === 'authorisation' && evaluatePredicate('authorised', ctx, trace)) {
    trace.push({ rule: 'choose-route', inputs: { need }, result: null, facts: ['F-01'] });
    return { route: null, trace };
  }
  const candidates = rules.routes
    .filter((r) => (need === 'authorisation' ? r.leadsToAuthorisation : !r.leadsToAuthorisation))
    .sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id));
  for (const route of candidates) {
    const { ok, trace: conditionTrace } = evaluateConditions(route.for, ctx);
    trace.push(...conditionTrace, { rule: `route:${route.id}`, inputs: { need, priority: route.priority }, result: ok, facts: route.facts });
    if (ok) {
      trace.push({ rule: 'choose-route', inputs: { need }, result: route.id, facts: route.facts });
      return { route: route.id, trace };
    }
  }
  trace.push({ rule: 'choose-route', inputs: { need }, result: null, facts: [] });
  return { route: null, trace };
}

const GOAL_TITLE = 'Helsesekretær';
const GOAL_REQUIREMENT = 'Autorisasjon som helsesekretær er et krav.';

/**
 * A synthetic reading of "a helsesekretær job that requires authorisation". The veiviser asks
 * fit() about it, so every veiviser leaf is the same route the extension would show.
 */
export function authorisationGoalReading(): AdReading {
  const requirementStart = GOAL_TITLE.length + 1;
  return {
    mentions: [{ title: 'helsesekretaer', start: 0, end: GOAL_TITLE.length, text: GOAL_TITLE }],
    related: [],
    isTargetJob: true,
    listing: false,
    authorisation: {
      level: 'required',
      evidence: { start: requirementStart, end: requirementStart + GOAL_REQUIREMENT.length, text: GOAL_REQUIREMENT },
      alternatives: [],
    },
    education: [],
    minYearsExperience: null,
    systems: [],
    norwegian: null,
    language: 'nb',
  };
}

function normaliseSystem(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function knowsSystem(profile: Profile, name: string): boolean {
  const wanted = normaliseSystem(name);
  if (!wanted) return false;
  return profile.systems.some((s) => {
    const known = normaliseSystem(s);
    return known.length >= 3 && (known === wanted || wanted.includes(known) || known.includes(wanted));
  });
}

/** Which titles in an "or" alternative the reader's education meets. */
function alternativesMet(alternatives: TitleId[], hasMedsekCourse: boolean): TitleId[] {
  return alternatives.filter((t) => t !== 'helsesekretaer' && hasMedsekCourse);
}

export function fit(profile: Profile, reading: AdReading, asOf: IsoDate, rules: Rules): Verdict {
  yearOf(asOf);
  const ctx: PredicateContext = { profile, asOf, rules };
  const trace: TraceEntry[] = [];
  const reasons: Reason[] = [];
  const predicateValues = new Map<string, boolean>();
  const holds = (name: string): boolean => {
    let value = predicateValues.get(name);
    if (value === undefined) {
      value = evaluatePredicate(name, ctx, trace);
      predicateValues.set(name, value);
    }
    return value;
  };
  const add = (id: ReasonId, effect: Reason['effect'], texts: Texts, evidence: Evidence | null, facts: string[]): void => {
    reasons.push({ id, effect, text: texts.nb, textEn: texts.en, evidence, facts });
    trace.push({ rule: `reason:${id}`, inputs: evidence ? { evidence: evidence.text } : {}, result: effect, facts });
  };
  const finish = (verdict: VerdictKind, route: string | null): Verdict => {
    trace.push({ rule: 'verdict', inputs: { reasons: reasons.map((r) => `${r.id}:${r.effect}`) }, result: verdict, facts: [] });
    return { verdict, reasons, route, trace, asOf };
  };

  const firstMention = reading.mentions[0];
  const mentionEvidence: Evidence | null = firstMention ? { start: firstMention.start, end: firstMention.end, text: firstMention.text } : null;

  if (reading.listing) {
    add('listing', 'info', REASON_TEXTS.listing(), null, []);
    return finish('cannot-tell', null);
  }
  if (!reading.isTargetJob) {
    add('not-target-job', 'info', REASON_TEXTS['not-target-job'](reading.mentions.length > 0), mentionEvidence, []);
    return finish('cannot-tell', null);
  }

  const authorised = holds('authorised');
  const hasVg3 = holds('has-vg3');
  const hasMedsekCourse = holds('has-medsek-course');
  const abroad = holds('education-abroad');
  const readerHas = new Set<EducationKind>();
  // Authorisation presupposes the vitnemål (F-10), except the pre-2008 transitional rule.
  if (authorised || hasVg3) readerHas.add('helsesekretaer-education');
  if (hasMedsekCourse) readerHas.add('medisinsk-sekretaer-course');
  const gaps = new Set<'authorisation' | 'medsek-course'>();
  const mentionsHelsesekretaer = reading.mentions.some((m) => m.title === 'helsesekretaer');

  // Authorisation.
  const auth = reading.authorisation;
  switch (auth.level) {
    case 'required':
      if (authorised) add('authorisation-required-met', 'met', REASON_TEXTS['authorisation-required-met'](), auth.evidence, ['F-01']);
      else {
        add('authorisation-required-missing', 'unmet', REASON_TEXTS['authorisation-required-missing'](), auth.evidence, ['F-01', 'F-03', 'F-10']);
        gaps.add('authorisation');
      }
      break;
    case 'preferred': {
      const met = alternativesMet(auth.alternatives, hasMedsekCourse);
      if (authorised) add('authorisation-preferred-met', 'met', REASON_TEXTS['authorisation-preferred-met'](), auth.evidence, ['F-01']);
      else if (met.length > 0) add('authorisation-alternative-met', 'met', REASON_TEXTS['authorisation-alternative-met'](met), auth.evidence, ['F-02', 'F-03']);
      else {
        add('authorisation-preferred-missing', 'caveat', REASON_TEXTS['authorisation-preferred-missing'](), auth.evidence, ['F-03', 'F-04']);
        gaps.add('authorisation');
      }
      break;
    }
    case 'not-required':
      add('authorisation-not-required', 'info', REASON_TEXTS['authorisation-not-required'](), auth.evidence, ['F-03']);
      break;
    case 'not-mentioned':
      break;
  }
  if (!authorised && mentionsHelsesekretaer && (auth.level === 'not-required' || auth.level === 'not-mentioned')) {
    add('may-apply-title-protected', 'info', REASON_TEXTS['may-apply-title-protected'](), mentionEvidence, ['F-01', 'F-03']);
  }
  if (reading.language === 'en' && reading.mentions.some((m) => m.title === 'medisinsk-sekretaer') && auth.level !== 'required') {
    const mention = reading.mentions.find((m) => m.title === 'medisinsk-sekretaer');
    add('english-medical-secretary', 'info', REASON_TEXTS['english-medical-secretary'](), mention ? { start: mention.start, end: mention.end, text: mention.text } : null, ['F-06']);
  }

  // Education.
  for (const requirement of reading.education) {
    const gap = judgeEducation(requirement, readerHas, holds('has-secretary-experience'), add);
    if (gap) gaps.add(gap);
  }

  // Minimum years: never blocks (F-22: experience is weighed, not a formal qualification).
  const minYears = reading.minYearsExperience;
  if (minYears) {
    const have = profile.yearsAsSecretaryInHealth;
    trace.push({ rule: 'experience-years', inputs: { required: minYears.years, have, strength: minYears.strength }, result: have >= minYears.years, facts: [] });
    if (have >= minYears.years) add('experience-met', 'met', REASON_TEXTS['experience-met'](minYears.years, have), minYears.evidence, []);
    else add('experience-below-minimum', 'caveat', REASON_TEXTS['experience-below-minimum'](minYears.years, have), minYears.evidence, []);
  }

  // Journal systems: learnt on the job; information only, never a block.
  for (const system of reading.systems) {
    if (knowsSystem(profile, system.name)) add('system-known', 'met', REASON_TEXTS['system-known'](system.name), system.evidence, []);
    else add('system-unknown', 'info', REASON_TEXTS['system-unknown'](system.name), system.evidence, []);
  }

  if (reading.norwegian) {
    add('norwegian-requirement', 'info', REASON_TEXTS['norwegian-requirement'](abroad && !authorised), reading.norwegian, abroad && !authorised ? ['F-16'] : []);
  }

  if (abroad && !authorised && !hasVg3 && (gaps.has('authorisation') || auth.level !== 'not-mentioned' || mentionsHelsesekretaer)) {
    const months = traceParameter(rules, 'processing-months-outside-eu', asOf, trace);
    add(
      'education-abroad-needs-approval',
      'info',
      REASON_TEXTS['education-abroad-needs-approval'](typeof months?.value === 'number' ? months.value : null),
      null,
      ['F-16'],
    );
  }
  if (gaps.has('authorisation') && !hasVg3 && !abroad && holds('long-secretary-experience')) {
    add('long-experience-rkv', 'info', REASON_TEXTS['long-experience-rkv'](profile.yearsAsSecretaryInHealth), null, ['F-20', 'F-21', 'F-22']);
  }

  const requirementsRead =
    auth.level !== 'not-mentioned' ||
    reading.education.length > 0 ||
    minYears !== null ||
    reading.systems.length > 0 ||
    reading.norwegian !== null;
  if (!requirementsRead) {
    add('no-requirements-found', 'info', REASON_TEXTS['no-requirements-found'](), null, []);
    return finish('cannot-tell', null);
  }

  const verdict: VerdictKind = reasons.some((r) => r.effect === 'unmet')
    ? 'not-yet'
    : reasons.some((r) => r.effect === 'caveat')
      ? 'fits-with-caveats'
      : 'fits';
  const need = gaps.has('authorisation') ? 'authorisation' : gaps.has('medsek-course') ? 'medsek-course' : null;
  let route: string | null = null;
  if (need) {
    const chosen = chooseRoute(profile, asOf, rules, need);
    trace.push(...chosen.trace);
    route = chosen.route;
  }
  return finish(verdict, route);
}

type AddReason = (id: ReasonId, effect: Reason['effect'], texts: Texts, evidence: Evidence | null, facts: string[]) => void;

function educationFacts(kinds: EducationKind[]): string[] {
  const facts = new Set<string>();
  if (kinds.includes('helsesekretaer-education')) facts.add('F-11');
  if (kinds.includes('medisinsk-sekretaer-course')) facts.add('F-02');
  return [...facts];
}

/** One education requirement → one reason; returns the gap it leaves, if a route can close it. */
function judgeEducation(
  requirement: EducationRequirement,
  readerHas: Set<EducationKind>,
  hasExperience: boolean,
  add: AddReason,
): 'authorisation' | 'medsek-course' | null {
  const { accepts, strength, orEquivalent, evidence } = requirement;
  const required = strength === 'required';
  const met = accepts.filter((k) => readerHas.has(k));
  if (met.length > 0) {
    add('education-met', 'met', REASON_TEXTS['education-met'](accepts, met, required), evidence, educationFacts(met));
    return null;
  }
  const known = accepts.filter((k) => k !== 'other');
  if (known.length === 0) {
    add('education-other-unknown', required ? 'caveat' : 'info', REASON_TEXTS['education-other-unknown'](required), evidence, []);
    return null;
  }
  const gap = known.includes('helsesekretaer-education') ? 'authorisation' : 'medsek-course';
  if (known.length === 1 && known[0] === 'medisinsk-sekretaer-course' && readerHas.has('helsesekretaer-education')) {
    add('education-helsesekretaer-for-medsek', required ? 'caveat' : 'info', REASON_TEXTS['education-helsesekretaer-for-medsek'](), evidence, ['F-02', 'F-11']);
    return null;
  }
  if (orEquivalent && (readerHas.size > 0 || hasExperience)) {
    add('education-equivalent-maybe', 'caveat', REASON_TEXTS['education-equivalent-maybe'](known), evidence, ['F-03', ...educationFacts(known)]);
    return gap;
  }
  if (required) add('education-required-missing', 'unmet', REASON_TEXTS['education-required-missing'](known), evidence, educationFacts(known));
  else add('education-preferred-missing', 'caveat', REASON_TEXTS['education-preferred-missing'](known), evidence, educationFacts(known));
  return gap;
}

const ROUTE_LABEL: Texts = { nb: 'Vei videre', en: 'Route' };
const SOURCES_LABEL: Texts = { nb: 'Kilder', en: 'Sources' };
const TRACE_LABEL: Texts = { nb: 'Slik kom vi fram til svaret', en: 'How we reached this answer' };

/** Plain text for the CLI: the verdict, each reason with its quoted evidence and facts, the route, the trace steps. */
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
