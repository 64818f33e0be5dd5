/**
 * Named predicates on the reader's situation, the vocabulary the situations in route-choice.ts are
 * written in (`when: { all: [has-adult-right] }`). Each carries the facts it rests on, the
 * parameters and profile fields it reads; evaluation returns a trace, Catala/OpenFisca style.
 */
import { foreignEducationOf, yearsOfWorkOf } from './profile.ts';
import type { CourseId, ForeignCompletion, ForeignRegion, IsoDate, Parameter, Profile, Rules, TraceEntry } from './types.ts';

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
  /** The date the value was read in a source, where `from` is not the date a rule began. */
  checked?: IsoDate;
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
  /** Profile fields it reads (the veiviser shows "ikke spurt" where one was not asked). */
  reads: (keyof Profile)[];
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
  return {
    id,
    value: period.value,
    from: period.from,
    ...(period.to ? { to: period.to } : {}),
    ...(period.checked ? { checked: period.checked } : {}),
    facts: parameter.facts,
  };
}

/** Read a parameter and record the read in the trace. */
export function traceParameter(rules: Rules, id: string, asOf: IsoDate, trace: TraceEntry[]): ParameterReading | null {
  const reading = parameterAt(rules, id, asOf);
  const parameter = rules.parameters.find((p) => p.id === id);
  trace.push({
    kind: 'parameter',
    rule: `parameter:${id}`,
    inputs: {
      asOf,
      ...(reading ? (reading.checked ? { checked: reading.checked } : { validFrom: reading.from, validTo: reading.to ?? null }) : {}),
    },
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

function foreignCompleted(completed: ForeignCompletion): PredicateDefinition['test'] {
  return (ctx) => {
    const foreign = foreignEducationOf(ctx.profile);
    return { result: foreign?.completed === completed, inputs: { educationAbroad: ctx.profile.educationAbroad, foreignCompleted: foreign?.completed ?? null } };
  };
}

function foreignRegion(...regions: ForeignRegion[]): PredicateDefinition['test'] {
  return (ctx) => {
    const foreign = foreignEducationOf(ctx.profile);
    return { result: foreign !== null && regions.includes(foreign.region), inputs: { educationAbroad: ctx.profile.educationAbroad, region: foreign?.region ?? null } };
  };
}

/** The age a person turns in the calendar year of asOf. */
function ageThisYear(ctx: PredicateContext): number {
  return yearOf(ctx.asOf) - ctx.profile.birthYear;
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
    reads: ['authorisedHelsesekretaer'],
    test: (ctx) => ({ result: ctx.profile.authorisedHelsesekretaer, inputs: { authorisedHelsesekretaer: ctx.profile.authorisedHelsesekretaer } }),
  },
  {
    name: 'has-vg1',
    label: { nb: 'Har fullført Vg1 helse- og oppvekstfag', en: 'Has completed Vg1 health and childhood/youth development' },
    description: 'Leseren har fullført Vg1 helse- og oppvekstfag.',
    facts: ['F-11', 'F-12'],
    parameters: [],
    reads: ['completed'],
    test: hasCourse('vg1-helse-oppvekst'),
  },
  {
    name: 'has-vg2',
    label: { nb: 'Har fullført Vg2 helseservicefag', en: 'Has completed Vg2 health service' },
    description: 'Leseren har fullført Vg2 helseservicefag.',
    facts: ['F-11', 'F-12'],
    parameters: [],
    reads: ['completed'],
    test: hasCourse('vg2-helseservice'),
  },
  {
    name: 'has-vg3',
    label: { nb: 'Har vitnemål fra Vg3 helsesekretær', en: 'Has the Vg3 helsesekretær diploma' },
    description: 'Leseren har vitnemål som viser fullført og bestått helsesekretærutdanning (Vg3 helsesekretær).',
    facts: ['F-10', 'F-11', 'F-12'],
    parameters: [],
    reads: ['completed'],
    test: hasCourse('vg3-helsesekretaer'),
  },
  {
    name: 'has-medsek-course',
    label: { nb: 'Har kurs eller utdanning som medisinsk sekretær', en: 'Has a medical secretary course or education' },
    description: 'Leseren har tatt et kurs eller en utdanning som medisinsk sekretær (ikke en beskyttet tittel).',
    facts: ['F-02'],
    parameters: [],
    reads: ['completed'],
    test: hasCourse('medisinsk-sekretaer-course'),
  },
  {
    name: 'education-abroad',
    label: { nb: 'Har utdanning fra utlandet', en: 'Has education from abroad' },
    description: 'Leseren har utdanning (fullført eller ikke) fra utlandet; bare en fullført utdanning kan godkjennes av Helsedirektoratet.',
    facts: ['F-10', 'F-51'],
    parameters: [],
    reads: ['educationAbroad'],
    test: (ctx) => ({ result: ctx.profile.educationAbroad, inputs: { educationAbroad: ctx.profile.educationAbroad } }),
  },
  {
    name: 'has-adult-right',
    label: { nb: 'Har voksenrett (fra og med året du fyller 25, uten fullført videregående)', en: 'Has the adult right (from the year you turn 25, upper secondary not completed)' },
    description:
      'Leseren har voksenrett: fra og med det kalenderåret hen fyller 25 år (adult-right-age), og hen har ikke fullført videregående opplæring fra før (verken vitnemål som helsesekretær, fagbrev, studiekompetanse eller annen yrkeskompetanse).',
    facts: ['F-24', 'F-25'],
    parameters: ['adult-right-age'],
    reads: ['birthYear', 'otherUpperSecondaryCompleted', 'completed'],
    test: (ctx, param) => {
      const age = numeric(param('adult-right-age'));
      const otherCompleted = ctx.profile.otherUpperSecondaryCompleted ?? false;
      const vg3 = ctx.profile.completed.includes('vg3-helsesekretaer');
      return {
        result: age !== null && ageThisYear(ctx) >= age && !otherCompleted && !vg3,
        inputs: { birthYear: ctx.profile.birthYear, asOfYear: yearOf(ctx.asOf), ageThisYear: ageThisYear(ctx), adultRightAge: age, otherUpperSecondaryCompleted: otherCompleted },
      };
    },
  },
  {
    name: 'other-upper-secondary',
    label: { nb: 'Har fullført videregående på annen måte', en: 'Has completed upper secondary in another way' },
    description:
      'Leseren har fullført videregående opplæring på annen måte: fagbrev (f.eks. helsefagarbeider), studiekompetanse, en annen yrkeskompetanse eller utenlandsk videregående godkjent i Norge.',
    facts: ['F-24', 'F-25'],
    parameters: [],
    reads: ['otherUpperSecondaryCompleted'],
    test: (ctx) => ({ result: ctx.profile.otherUpperSecondaryCompleted ?? false, inputs: { otherUpperSecondaryCompleted: ctx.profile.otherUpperSecondaryCompleted ?? false } }),
  },
  {
    name: 'reaches-authorisation-age-limit',
    label: { nb: 'Fyller 80 i år eller er eldre', en: 'Turns 80 this year or is older' },
    description: 'Leseren fyller 80 år i år eller er eldre (authorisation-valid-until-age): autorisasjonen gjelder til 80 år, deretter lisens for ett år om gangen.',
    facts: ['F-52'],
    parameters: ['authorisation-valid-until-age'],
    reads: ['birthYear'],
    test: (ctx, param) => {
      const limit = numeric(param('authorisation-valid-until-age'));
      return { result: limit !== null && ageThisYear(ctx) >= limit, inputs: { birthYear: ctx.profile.birthYear, ageThisYear: ageThisYear(ctx), limit } };
    },
  },
  {
    name: 'foreign-full-equivalent',
    label: { nb: 'Har fullført en utdanning i utlandet som tilsvarer helsesekretær', en: 'Has completed an education abroad equivalent to helsesekretær' },
    description: 'Leseren har fullført en utdanning i utlandet som tilsvarer helsesekretærutdanningen (kan vurderes for godkjenning).',
    facts: ['F-10', 'F-48', 'F-51'],
    parameters: [],
    reads: ['educationAbroad', 'foreignEducation'],
    test: foreignCompleted('full-equivalent'),
  },
  {
    name: 'foreign-medical-secretary',
    label: { nb: 'Har fullført en utdanning som medisinsk sekretær i utlandet', en: 'Has completed a medical secretary education abroad' },
    description: 'Leseren har fullført en utdanning som medisinsk sekretær i utlandet (kan vurderes individuelt, med åpent utfall).',
    facts: ['F-48', 'F-51'],
    parameters: [],
    reads: ['educationAbroad', 'foreignEducation'],
    test: foreignCompleted('medical-secretary'),
  },
  {
    name: 'foreign-partial',
    label: { nb: 'Har utdanning fra utlandet som ikke er fullført', en: 'Has education from abroad that was not completed' },
    description: 'Leseren har bare deler av en utdanning fra utlandet: det finnes ikke noe fullført å godkjenne.',
    facts: ['F-51'],
    parameters: [],
    reads: ['educationAbroad', 'foreignEducation'],
    test: foreignCompleted('partial'),
  },
  {
    name: 'foreign-in-nordic',
    label: { nb: 'Utdanningen er fra et nordisk land', en: 'The education is from a Nordic country' },
    description: 'Utdanningen fra utlandet er fra et annet nordisk land (EU/EØS-reglene gjelder).',
    facts: ['F-49'],
    parameters: [],
    reads: ['educationAbroad', 'foreignEducation'],
    test: foreignRegion('nordic'),
  },
  {
    name: 'foreign-in-eu-eea',
    label: { nb: 'Utdanningen er fra et annet EU/EØS-land', en: 'The education is from another EU/EEA country' },
    description: 'Utdanningen fra utlandet er fra et EU/EØS-land utenom Norden.',
    facts: ['F-15', 'F-16', 'F-48'],
    parameters: [],
    reads: ['educationAbroad', 'foreignEducation'],
    test: foreignRegion('eu-eea'),
  },
  {
    name: 'foreign-in-eea-or-nordic',
    label: { nb: 'Utdanningen er fra et EU/EØS-land (Norden medregnet)', en: 'The education is from an EU/EEA country (Nordic included)' },
    description: 'Utdanningen fra utlandet er fra et EU/EØS-land, Norden medregnet.',
    facts: ['F-48', 'F-49'],
    parameters: [],
    reads: ['educationAbroad', 'foreignEducation'],
    test: foreignRegion('nordic', 'eu-eea'),
  },
  {
    name: 'foreign-in-uk',
    label: { nb: 'Utdanningen er fra Storbritannia', en: 'The education is from the United Kingdom' },
    description: 'Utdanningen fra utlandet er fra Storbritannia (utenfor EU/EØS).',
    facts: ['F-16'],
    parameters: [],
    reads: ['educationAbroad', 'foreignEducation'],
    test: foreignRegion('uk'),
  },
  {
    name: 'foreign-in-switzerland',
    label: { nb: 'Utdanningen er fra Sveits', en: 'The education is from Switzerland' },
    description: 'Utdanningen fra utlandet er fra Sveits (ingen tilleggskrav, som for EU/EØS).',
    facts: ['F-16'],
    parameters: [],
    reads: ['educationAbroad', 'foreignEducation'],
    test: foreignRegion('switzerland'),
  },
  {
    name: 'foreign-outside-eea',
    label: { nb: 'Utdanningen er fra et land utenfor EU/EØS og Sveits', en: 'The education is from outside the EU/EEA and Switzerland' },
    description: 'Utdanningen fra utlandet er fra et land utenfor EU/EØS, Sveits og Storbritannia.',
    facts: ['F-15', 'F-16'],
    parameters: [],
    reads: ['educationAbroad', 'foreignEducation'],
    test: foreignRegion('other'),
  },
  {
    name: 'has-secretary-experience',
    label: { nb: 'Har erfaring som sekretær i helsetjenesten', en: 'Has experience as a secretary in health care' },
    description: `Leseren har minst ${SOME_EXPERIENCE_YEARS} års erfaring som sekretær i helsetjenesten (grunnlag for realkompetansevurdering).`,
    facts: ['F-20'],
    parameters: [],
    reads: ['yearsAsSecretaryInHealth'],
    test: (ctx) => ({
      result: ctx.profile.yearsAsSecretaryInHealth >= SOME_EXPERIENCE_YEARS,
      inputs: { yearsAsSecretaryInHealth: ctx.profile.yearsAsSecretaryInHealth, threshold: SOME_EXPERIENCE_YEARS },
    }),
  },
  {
    name: 'long-secretary-experience',
    label: { nb: 'Har minst fem års erfaring som sekretær i helsetjenesten', en: 'Has at least five years as a secretary in health care' },
    description:
      'Leseren har minst fem års erfaring som sekretær i helsetjenesten. Det gjør godkjenning av Vg1/Vg2-programfag ved realkompetansevurdering sannsynlig, men aldri automatisk.',
    facts: ['F-20', 'F-22'],
    parameters: ['experience-years-fellesfag-exemption'],
    reads: ['yearsAsSecretaryInHealth'],
    test: (ctx, param) => {
      const threshold = numeric(param('experience-years-fellesfag-exemption'));
      return {
        result: threshold !== null && ctx.profile.yearsAsSecretaryInHealth >= threshold,
        inputs: { yearsAsSecretaryInHealth: ctx.profile.yearsAsSecretaryInHealth, threshold },
      };
    },
  },
  {
    name: 'five-years-any-work',
    label: { nb: 'Har minst fem års arbeidserfaring (alle slags arbeid)', en: 'Has at least five years of work (any kind)' },
    description:
      'Leseren har minst fem års allsidig arbeidserfaring av alle slag (experience-years-fellesfag-exemption). Det gir fritak fra fellesfag for privatister og i opplæring organisert for voksne, ikke i vanlige klasser.',
    facts: ['F-22'],
    parameters: ['experience-years-fellesfag-exemption'],
    reads: ['yearsOfWork', 'yearsAsSecretaryInHealth'],
    test: (ctx, param) => {
      const threshold = numeric(param('experience-years-fellesfag-exemption'));
      const years = yearsOfWorkOf(ctx.profile);
      return { result: threshold !== null && years >= threshold, inputs: { yearsOfWork: years, threshold } };
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
