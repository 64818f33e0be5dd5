/**
 * Named predicates on the reader's situation, the vocabulary route conditions are written in
 * (`for: { all: [has-adult-right], none: [authorised, has-vg3] }`). Each carries the facts it
 * rests on and the parameters it reads; evaluation returns a trace, Catala/OpenFisca style.
 */
import type { CourseId, IsoDate, Parameter, Profile, RouteConditions, Rules, TraceEntry } from './types.ts';

export interface PredicateContext {
  profile: Profile;
  asOf: IsoDate;
  rules: Rules;
}

export interface ParameterReading {
  id: string;
  value: Parameter['values'][number]['value'];
  from: IsoDate;
  to?: IsoDate;
  facts: string[];
}

export interface PredicateDefinition {
  name: string;
  /** Short, for the reader: the trace shows "label: ja/nei". */
  label: { nb: string; en: string };
  /** Norwegian, for editors (shown on the route pages). */
  description: string;
  facts: string[];
  /** Parameter ids it reads from rules.parameters. */
  parameters: string[];
  /** Pure test; `param` records each parameter read in the trace. */
  test(ctx: PredicateContext, param: (id: string) => ParameterReading | null): { result: boolean; inputs: Record<string, unknown> };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar year of an ISO date; throws on anything else, because a wrong date silently shifts every age rule. */
export function yearOf(asOf: IsoDate): number {
  const match = ISO_DATE.exec(asOf);
  if (!match) throw new Error(`asOf må være en dato på formen ÅÅÅÅ-MM-DD, fikk ${JSON.stringify(asOf)}`);
  return Number(match[1]);
}

/** The value of a parameter valid on asOf (`from` and `to` both inclusive), or null if none is. */
export function parameterAt(rules: Rules, id: string, asOf: IsoDate): ParameterReading | null {
  const parameter = rules.parameters.find((p) => p.id === id);
  if (!parameter) return null;
  const period = parameter.values.find((v) => v.from <= asOf && (v.to === undefined || asOf <= v.to));
  if (!period) return null;
  return { id, value: period.value, from: period.from, ...(period.to ? { to: period.to } : {}), facts: parameter.facts };
}

/** Read a parameter and record the read in the trace. */
export function traceParameter(rules: Rules, id: string, asOf: IsoDate, trace: TraceEntry[]): ParameterReading | null {
  const reading = parameterAt(rules, id, asOf);
  const parameter = rules.parameters.find((p) => p.id === id);
  trace.push({
    kind: 'parameter',
    rule: `parameter:${id}`,
    inputs: { asOf, ...(reading ? { validFrom: reading.from, validTo: reading.to ?? null } : {}) },
    result: reading ? reading.value : null,
    facts: parameter?.facts ?? [],
  });
  return reading;
}

function numeric(reading: ParameterReading | null): number | null {
  return reading && typeof reading.value === 'number' ? reading.value : null;
}

function hasCourse(course: CourseId): PredicateDefinition['test'] {
  return (ctx) => ({ result: ctx.profile.completed.includes(course), inputs: { completed: ctx.profile.completed } });
}

/** Minimum years counted as having worked as a secretary in health services at all. */
const SOME_EXPERIENCE_YEARS = 1;

export const PREDICATES: readonly PredicateDefinition[] = [
  {
    name: 'authorised',
    label: { nb: 'Autorisert som helsesekretær', en: 'Authorised as helsesekretær' },
    description: 'Leseren har autorisasjon som helsesekretær (helsepersonelloven § 48).',
    facts: ['F-01', 'F-10'],
    parameters: [],
    test: (ctx) => ({ result: ctx.profile.authorisedHelsesekretaer, inputs: { authorisedHelsesekretaer: ctx.profile.authorisedHelsesekretaer } }),
  },
  {
    name: 'has-vg1',
    label: { nb: 'Har fullført Vg1 helse- og oppvekstfag', en: 'Has completed Vg1 health and childhood/youth development' },
    description: 'Leseren har fullført Vg1 helse- og oppvekstfag.',
    facts: ['F-11', 'F-12'],
    parameters: [],
    test: hasCourse('vg1-helse-oppvekst'),
  },
  {
    name: 'has-vg2',
    label: { nb: 'Har fullført Vg2 helseservicefag', en: 'Has completed Vg2 health service' },
    description: 'Leseren har fullført Vg2 helseservicefag.',
    facts: ['F-11', 'F-12'],
    parameters: [],
    test: hasCourse('vg2-helseservice'),
  },
  {
    name: 'has-vg3',
    label: { nb: 'Har vitnemål fra Vg3 helsesekretær', en: 'Has the Vg3 helsesekretær diploma' },
    description: 'Leseren har vitnemål som viser fullført og bestått helsesekretærutdanning (Vg3 helsesekretær).',
    facts: ['F-10', 'F-11', 'F-12'],
    parameters: [],
    test: hasCourse('vg3-helsesekretaer'),
  },
  {
    name: 'has-medsek-course',
    label: { nb: 'Har kurs eller utdanning som medisinsk sekretær', en: 'Has a medical secretary course or education' },
    description: 'Leseren har tatt et kurs eller en utdanning som medisinsk sekretær (ikke en beskyttet tittel).',
    facts: ['F-02'],
    parameters: [],
    test: hasCourse('medisinsk-sekretaer-course'),
  },
  {
    name: 'education-abroad',
    label: { nb: 'Har utdanningen fra utlandet', en: 'Education is from abroad' },
    description: 'Leserens helsesekretærutdanning er fra utlandet og må godkjennes av Helsedirektoratet.',
    facts: ['F-16'],
    parameters: [],
    test: (ctx) => ({ result: ctx.profile.educationAbroad, inputs: { educationAbroad: ctx.profile.educationAbroad } }),
  },
  {
    name: 'has-adult-right',
    label: { nb: 'Har voksenrett (fra og med året du fyller 25)', en: 'Has the adult right (from the year you turn 25)' },
    description: 'Leseren har voksenrett: fra og med det kalenderåret hen fyller 25 år (årstall for asOf minus fødselsår ≥ adult-right-age).',
    facts: ['F-24'],
    parameters: ['adult-right-age'],
    test: (ctx, param) => {
      const age = numeric(param('adult-right-age'));
      const yearsTurned = yearOf(ctx.asOf) - ctx.profile.birthYear;
      return {
        result: age !== null && yearsTurned >= age,
        inputs: { birthYear: ctx.profile.birthYear, asOfYear: yearOf(ctx.asOf), ageThisYear: yearsTurned, adultRightAge: age },
      };
    },
  },
  {
    name: 'has-secretary-experience',
    label: { nb: 'Har erfaring som sekretær i helsetjenesten', en: 'Has experience as a secretary in health care' },
    description: `Leseren har minst ${SOME_EXPERIENCE_YEARS} års erfaring som sekretær i helsetjenesten (grunnlag for realkompetansevurdering).`,
    facts: ['F-20'],
    parameters: [],
    test: (ctx) => ({
      result: ctx.profile.yearsAsSecretaryInHealth >= SOME_EXPERIENCE_YEARS,
      inputs: { yearsAsSecretaryInHealth: ctx.profile.yearsAsSecretaryInHealth, threshold: SOME_EXPERIENCE_YEARS },
    }),
  },
  {
    name: 'long-secretary-experience',
    label: { nb: 'Har minst fem års erfaring', en: 'Has at least five years of experience' },
    description:
      'Leseren har minst fem års erfaring (experience-years-fellesfag-exemption). Det gir grunnlag for fritak fra fellesfag, og gjør godkjenning av Vg1/Vg2-programfag ved realkompetansevurdering sannsynlig, men aldri automatisk.',
    facts: ['F-20', 'F-22'],
    parameters: ['experience-years-fellesfag-exemption'],
    test: (ctx, param) => {
      const threshold = numeric(param('experience-years-fellesfag-exemption'));
      return {
        result: threshold !== null && ctx.profile.yearsAsSecretaryInHealth >= threshold,
        inputs: { yearsAsSecretaryInHealth: ctx.profile.yearsAsSecretaryInHealth, threshold },
      };
    },
  },
];

export const PREDICATE_NAMES: string[] = PREDICATES.map((p) => p.name);

export function getPredicate(name: string): PredicateDefinition | undefined {
  return PREDICATES.find((p) => p.name === name);
}

/** Evaluate one named predicate, appending its parameter reads and its own entry to the trace. */
export function evaluatePredicate(name: string, ctx: PredicateContext, trace: TraceEntry[]): boolean {
  const predicate = getPredicate(name);
  if (!predicate) {
    trace.push({ kind: 'predicate', rule: `predicate:${name}`, inputs: {}, result: 'unknown-predicate', facts: [] });
    return false;
  }
  const { result, inputs } = predicate.test(ctx, (id) => traceParameter(ctx.rules, id, ctx.asOf, trace));
  trace.push({ kind: 'predicate', rule: `predicate:${name}`, inputs, result, facts: predicate.facts });
  return result;
}

/**
 * `all` must all hold, at least one of a non-empty `any` must hold, none of `none` may hold.
 * Every named predicate is evaluated once (no short-circuit), so the trace is complete.
 * An unknown name counts as not holding in `all`/`any` and fails the whole condition.
 */
export function evaluateConditions(cond: RouteConditions, ctx: PredicateContext): { ok: boolean; trace: TraceEntry[] } {
  const trace: TraceEntry[] = [];
  const values = new Map<string, boolean>();
  const value = (name: string): boolean => {
    let v = values.get(name);
    if (v === undefined) {
      v = evaluatePredicate(name, ctx, trace);
      values.set(name, v);
    }
    return v;
  };
  const all = cond.all ?? [];
  const any = cond.any ?? [];
  const none = cond.none ?? [];
  const allOk = all.map(value).every(Boolean);
  const anyOk = any.length === 0 || any.map(value).some(Boolean);
  const noneOk = !none.map(value).some(Boolean);
  const unknown = [...all, ...any, ...none].filter((n) => !getPredicate(n));
  const ok = allOk && anyOk && noneOk && unknown.length === 0;
  trace.push({
    kind: 'conditions',
    rule: 'conditions',
    inputs: { all, any, none, ...(unknown.length ? { unknown } : {}) },
    result: ok,
    facts: [],
  });
  return { ok, trace };
}
