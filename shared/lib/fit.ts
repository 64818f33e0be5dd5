/**
 * fit(): does this reader fit this ad, and if not, which route closes the gap?
 * Each requirement the reader read from the ad becomes one reason (met / unmet / caveat / info),
 * quoting its sentence; a sentence with alternatives ("A eller B": authorisation or a course,
 * education or N years) is one requirement met by either. A stated requirement not met blocks
 * (not-yet), a wish is a caveat. The verdict follows from the reasons, the route from the gap
 * (route-choice.ts, by the reader's situation), and every predicate, parameter and requirement
 * check consulted is in the trace. Words and facts of each reason live in reasons.ts.
 */
import { evaluatePredicate, traceParameter, yearOf, type PredicateContext } from './predicates.ts';
import { emptyReading } from './read.ts';
import { foreignEducationOf } from './profile.ts';
import { makeReason, type AuthorisationSituation, type ReasonId, type ReasonParams, type RequirementOption } from './reasons.ts';
import { chooseRoute } from './route-choice.ts';
import type {
  AdReading,
  AlternativeExperience,
  EducationRequirement,
  Evidence,
  ForeignEducation,
  IsoDate,
  Profile,
  Reason,
  Rules,
  Strength,
  TitleId,
  TraceEntry,
  Verdict,
  VerdictKind,
} from './types.ts';

// The route is chosen by the reader's situation (route-choice.ts); the ad only names the gap.
export { chooseRoute, type RouteNeed } from './route-choice.ts';

const GOAL_TITLE = 'Helsesekretær';
const GOAL_REQUIREMENT = 'Autorisasjon som helsesekretær er et krav.';

/**
 * A synthetic reading of "a helsesekretær job that requires authorisation". The veiviser asks
 * fit() about it, so every veiviser leaf is the same route the extension would show.
 */
export function authorisationGoalReading(): AdReading {
  const requirementStart = GOAL_TITLE.length + 1;
  return {
    ...emptyReading(),
    mentions: [{ title: 'helsesekretaer', start: 0, end: GOAL_TITLE.length, text: GOAL_TITLE }],
    isTargetJob: true,
    authorisation: {
      level: 'required',
      evidence: { start: requirementStart, end: requirementStart + GOAL_REQUIREMENT.length, text: GOAL_REQUIREMENT },
      alternatives: [],
    },
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

/** Where an unauthorised reader stands on the way to authorisation: a Norwegian vitnemål decides
 * even after schooling abroad (F-10, F-38); only a completed foreign education can be approved (F-51). */
function authorisationSituation(hasVg3: boolean, abroad: boolean, completed: ForeignEducation['completed']): AuthorisationSituation {
  if (hasVg3) return 'norwegian-vitnemal';
  if (!abroad) return 'norwegian';
  return completed === 'partial' ? 'foreign-partial' : completed === 'medical-secretary' ? 'foreign-medical-secretary' : 'foreign-complete';
}

const required = (strength: Strength): boolean => strength === 'required';

const sameSentence = (a: Evidence | null, b: Evidence | null): boolean => a !== null && b !== null && a.start === b.start && a.end === b.end;

type Gap = 'authorisation' | 'medsek-course';

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
  const add = <I extends ReasonId>(id: I, effect: Reason['effect'], evidence: Evidence | null, ...params: ReasonParams<I>): void => {
    const reason = makeReason(id, effect, evidence, ...params);
    reasons.push(reason);
    trace.push({ kind: 'reason', rule: `reason:${id}`, inputs: evidence ? { evidence: evidence.text } : {}, result: effect, facts: reason.facts });
  };
  const finish = (verdict: VerdictKind, route: string | null): Verdict => {
    trace.push({ kind: 'verdict', rule: 'verdict', inputs: { reasons: reasons.map((r) => `${r.id}:${r.effect}`) }, result: verdict, facts: [] });
    return { verdict, reasons, route, trace, asOf };
  };

  const firstMention = reading.mentions[0];
  const mentionEvidence: Evidence | null =
    reading.titleEvidence ?? (firstMention ? { start: firstMention.start, end: firstMention.end, text: firstMention.text } : null);

  if (reading.listing) {
    add('listing', 'info', null);
    return finish('cannot-tell', null);
  }
  if (!reading.isTargetJob) {
    add('not-target-job', 'info', mentionEvidence, reading.mentions.length > 0);
    return finish('cannot-tell', null);
  }

  const authorised = holds('authorised');
  const hasVg3 = holds('has-vg3');
  const hasMedsekCourse = holds('has-medsek-course');
  const abroad = holds('education-abroad');
  // Missing means what educationAbroad meant before the field: completed, from outside the EU/EEA.
  const foreign: ForeignEducation = foreignEducationOf(profile) ?? { completed: 'full-equivalent', region: 'other' };
  const years = profile.yearsAsSecretaryInHealth;
  const gaps = new Set<Gap>();
  /** The sentence that opened the authorisation gap: what the reasons about the way there quote. */
  let gapEvidence: Evidence | null = null;
  const openGap = (gap: Gap | null, evidence: Evidence | null): void => {
    if (!gap) return;
    if (gap === 'authorisation' && !gaps.has(gap)) gapEvidence = evidence;
    gaps.add(gap);
  };
  const mentionsHelsesekretaer = reading.mentions.some((m) => m.title === 'helsesekretaer');
  /** Whether the reader meets one way of meeting a requirement. An authorised helsesekretær meets
   * any medisinsk sekretær / legesekretær education requirement (F-01, F-02), and authorisation
   * presupposes the vitnemål (F-10). */
  const meets = (option: RequirementOption, need: number | null): boolean => {
    switch (option) {
      case 'authorisation':
        return authorised;
      case 'helsesekretaer-education':
        return authorised || hasVg3;
      case 'medisinsk-sekretaer-course':
      case 'title-medisinsk-sekretaer':
      case 'title-legesekretaer':
        return authorised || hasMedsekCourse;
      case 'years':
        return need !== null && years >= need;
      case 'other':
        return false;
    }
  };
  const hasSomething = authorised || hasVg3 || hasMedsekCourse || holds('has-secretary-experience');

  /**
   * One requirement with alternatives ("A eller B"): met by any one of them, one reason for the
   * sentence. Returns the gap a route can close, if it is not met.
   */
  const judgeAlternatives = (options: RequirementOption[], need: AlternativeExperience | undefined, strength: Strength, orEquivalent: boolean, evidence: Evidence | null): Gap | null => {
    const yearsNeeded = need?.years ?? null;
    const met = options.find((o) => meets(o, yearsNeeded));
    trace.push({ kind: 'requirement', rule: 'requirement:alternatives', inputs: { options, yearsNeeded, years }, result: met ?? false, facts: [] });
    if (met) {
      add('alternatives-met', 'met', evidence, options, met, yearsNeeded, years);
      return null;
    }
    const gap: Gap | null = options.some((o) => o === 'authorisation' || o === 'helsesekretaer-education')
      ? 'authorisation'
      : options.some((o) => o === 'medisinsk-sekretaer-course' || o.startsWith('title-'))
        ? 'medsek-course'
        : null;
    if (hasVg3 && options.some((o) => o === 'medisinsk-sekretaer-course' || o === 'title-medisinsk-sekretaer')) {
      // The vitnemål is the fuller education: ask whether it is accepted; authorisation (one
      // application away) meets the authorisation side for certain.
      add('education-helsesekretaer-for-medsek', required(strength) ? 'caveat' : 'info', evidence);
      return options.includes('authorisation') ? 'authorisation' : null;
    }
    if (strength === 'preferred') add('alternatives-preferred-missing', 'caveat', evidence, options, yearsNeeded);
    else if ((orEquivalent || options.includes('other')) && hasSomething) add('alternatives-equivalent-maybe', 'caveat', evidence, options, yearsNeeded);
    else add('alternatives-missing', 'unmet', evidence, options, yearsNeeded, years);
    return gap;
  };

  // Authorisation, alone or as one side of an "A eller B" sentence.
  const auth = reading.authorisation;
  const authAsks = auth.level === 'required' || auth.level === 'preferred';
  const joinedEducation = authAsks ? reading.education.find((e) => sameSentence(e.evidence, auth.evidence)) : undefined;
  if (authAsks && (joinedEducation || auth.orExperience)) {
    const options: RequirementOption[] = ['authorisation'];
    const educationKinds = joinedEducation?.accepts ?? [];
    // The title next to the authorisation is the authorisation, not its education; a title
    // alternative whose course is named is that course.
    for (const t of auth.alternatives) {
      if (t === 'medisinsk-sekretaer' && !educationKinds.includes('medisinsk-sekretaer-course')) options.push('title-medisinsk-sekretaer');
      if (t === 'legesekretaer') options.push('title-legesekretaer');
    }
    for (const k of educationKinds) if (k !== 'helsesekretaer-education') options.push(k);
    const need = joinedEducation?.orExperience ?? auth.orExperience;
    if (need) options.push('years');
    const strength: Strength = joinedEducation?.strength ?? need?.strength ?? (auth.level === 'required' ? 'required' : 'preferred');
    openGap(judgeAlternatives([...new Set(options)], need, strength, joinedEducation?.orEquivalent ?? false, auth.evidence), auth.evidence);
  } else {
    switch (auth.level) {
      case 'required':
        if (authorised) add('authorisation-required-met', 'met', auth.evidence);
        else {
          add('authorisation-required-missing', 'unmet', auth.evidence, authorisationSituation(hasVg3, abroad, foreign.completed));
          openGap('authorisation', auth.evidence);
        }
        break;
      case 'preferred': {
        const met = auth.alternatives.filter((t) => t !== 'helsesekretaer' && hasMedsekCourse);
        if (authorised) add('authorisation-preferred-met', 'met', auth.evidence);
        else if (met.length > 0) add('authorisation-alternative-met', 'met', auth.evidence, met);
        else {
          add('authorisation-preferred-missing', 'caveat', auth.evidence);
          openGap('authorisation', auth.evidence);
        }
        break;
      }
      case 'not-required':
        add('authorisation-not-required', 'info', auth.evidence);
        break;
      case 'not-mentioned':
        break;
    }
  }
  if (!authorised && mentionsHelsesekretaer && (auth.level === 'not-required' || auth.level === 'not-mentioned')) {
    add('may-apply-title-protected', 'info', auth.level === 'not-required' ? auth.evidence : mentionEvidence);
  }
  if (reading.language === 'en' && reading.mentions.some((m) => m.title === 'medisinsk-sekretaer') && auth.level !== 'required') {
    const mention = reading.mentions.find((m) => m.title === 'medisinsk-sekretaer');
    const quote = mention === firstMention ? mentionEvidence : mention ? { start: mention.start, end: mention.end, text: mention.text } : null;
    add('english-medical-secretary', 'info', quote);
  }

  // Education.
  for (const requirement of reading.education) {
    if (requirement === joinedEducation) continue;
    const gap = requirement.orExperience
      ? judgeAlternatives([...requirement.accepts, 'years'], requirement.orExperience, requirement.strength, requirement.orEquivalent, requirement.evidence)
      : judgeEducation(requirement);
    openGap(gap, requirement.evidence);
  }

  function judgeEducation(requirement: EducationRequirement): Gap | null {
    const { accepts, strength, orEquivalent, evidence } = requirement;
    const required = strength === 'required';
    const known = accepts.filter((k) => k !== 'other');
    const met = known.filter((k) => meets(k, null));
    if (met.length > 0) {
      // The authorised reader meets a medisinsk sekretær requirement through authorisation, not the course.
      if (!hasMedsekCourse && !met.includes('helsesekretaer-education') && authorised) {
        add('education-met-by-authorisation', 'met', evidence, educationTitles(evidence), required);
      } else {
        add('education-met', 'met', evidence, accepts, met, required);
      }
      return null;
    }
    if (known.length === 0) {
      add('education-other-unknown', required ? 'caveat' : 'info', evidence, required);
      return null;
    }
    const gap: Gap = known.includes('helsesekretaer-education') ? 'authorisation' : 'medsek-course';
    if (known.length === 1 && known[0] === 'medisinsk-sekretaer-course' && hasVg3) {
      add('education-helsesekretaer-for-medsek', required ? 'caveat' : 'info', evidence);
      return null;
    }
    if (orEquivalent && hasSomething) {
      add('education-equivalent-maybe', 'caveat', evidence, known);
      return gap;
    }
    if (required) add('education-required-missing', 'unmet', evidence, known);
    else add('education-preferred-missing', 'caveat', evidence, known);
    return gap;
  }

  // A minimum of years: a stated requirement the reader does not meet blocks; a wish is a caveat.
  const minYears = reading.minYearsExperience;
  if (minYears) {
    const required = minYears.strength === 'required';
    const met = years >= minYears.years;
    trace.push({ kind: 'requirement', rule: 'requirement:experience-years', inputs: { required: minYears.years, have: years, strength: minYears.strength }, result: met, facts: [] });
    if (met) add('experience-met', 'met', minYears.evidence, minYears.years, years, required);
    else if (required) add('experience-below-minimum', 'unmet', minYears.evidence, minYears.years, years);
    else add('experience-preferred-below', 'caveat', minYears.evidence, minYears.years, years);
  }

  // Journal systems: learnt on the job; information only, never a block.
  for (const system of reading.systems) {
    if (knowsSystem(profile, system.name)) add('system-known', 'met', system.evidence, system.name);
    else add('system-unknown', 'info', system.evidence, system.name);
  }

  if (reading.norwegian) add('norwegian-requirement', 'info', reading.norwegian);

  const situation = authorisationSituation(hasVg3, abroad, foreign.completed);
  const authorisationEvidence = gapEvidence ?? (authAsks ? auth.evidence : null);
  if (
    !authorised &&
    (situation === 'foreign-complete' || situation === 'foreign-medical-secretary') &&
    (gaps.has('authorisation') || auth.level !== 'not-mentioned' || mentionsHelsesekretaer)
  ) {
    const parameter = foreign.region === 'nordic' || foreign.region === 'eu-eea' ? 'processing-months-eu' : foreign.region === 'other' ? 'processing-months-outside-eu' : null;
    const months = parameter ? traceParameter(rules, parameter, asOf, trace) : null;
    add('education-abroad-needs-approval', 'info', authorisationEvidence ?? mentionEvidence, foreign.region, typeof months?.value === 'number' ? months.value : null);
  }
  // RKV is for Vg1/Vg2 subjects not yet passed, normally from the year one turns 25 (F-20); it is
  // promised only with voksenrett (F-24, F-25).
  if (
    gaps.has('authorisation') &&
    (situation === 'norwegian' || situation === 'foreign-partial') &&
    holds('long-secretary-experience') &&
    holds('has-adult-right') &&
    !holds('has-vg2')
  ) {
    add('long-experience-rkv', 'info', authorisationEvidence, years);
  }

  const requirementsRead =
    auth.level !== 'not-mentioned' ||
    reading.education.length > 0 ||
    minYears !== null ||
    reading.systems.length > 0 ||
    reading.norwegian !== null;
  if (!requirementsRead) {
    add('no-requirements-found', 'info', null);
    return finish('cannot-tell', null);
  }

  const verdict: VerdictKind = reasons.some((r) => r.effect === 'unmet')
    ? 'not-yet'
    : reasons.some((r) => r.effect === 'caveat')
      ? 'fits-with-caveats'
      : 'fits';
  const need = gaps.has('authorisation') ? 'authorisation' : gaps.has('medsek-course') ? 'medsek-course' : null;
  const chosen = chooseRoute(profile, asOf, rules, need);
  trace.push(...chosen.trace);
  return finish(verdict, chosen.route);
}

/** The titles an education requirement's sentence names besides helsesekretær, for its words. */
function educationTitles(evidence: Evidence): TitleId[] {
  const out: TitleId[] = [];
  if (/medisinsk|medical/i.test(evidence.text)) out.push('medisinsk-sekretaer');
  if (/legesekret/i.test(evidence.text)) out.push('legesekretaer');
  return out;
}
