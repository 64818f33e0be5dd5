/**
 * Minimum years of experience: "minst 3 års erfaring", "minimum to år med erfaring", "1–2 år" (→ 1),
 * "erfaring fra legekontor i minst ett år", "2+ years of experience". Only numbers tied to an
 * experience word count: not salary seniority ("lønn etter 10 års ansiennitet"), position size
 * ("50 - 60 %"), hours ("24 timer", "07-22"), ages ("0-18 år") or dates. The smallest stated number
 * wins; its strength comes from the unit's modal words or its section heading.
 */
import type { AdReading, AlternativeExperience, EducationRequirement, Strength } from './types.ts';
import { evidenceOf, MAX_MATCHES_PER_UNIT, strengthAt, type Doc } from './read-units.ts';
import { rx } from './read-regex.ts';

const NUMBER_WORDS: Record<string, number> = {
  ett: 1, en: 1, ei: 1, eitt: 1, ein: 1, et: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, sju: 7, syv: 7, åtte: 8, ni: 9, ti: 10,
  elleve: 11, tolv: 12, halvt: 0.5, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const NUM = `(?:\\d{1,2}(?:[.,]5)?|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT = '(år|års|åra|årene|aar|aars|ar|ars|years?|yrs?|måneder|måneders|månader|månaders|mnd|months?)';
const QUANTIFIER = '(?:minimum|minst|min\\.|over|mer enn|meir enn|at least|a minimum of|minimum of|no less than|opptil|inntil)';
const EXPERIENCE = '(?:\\p{L}{0,20}?(?:erfaring|røynsle|røynsla|praksis)\\p{L}{0,6}|experience|work experience)';
const CONNECTOR = '(?:på|av|of|i|for|over|minimum|minst|at least|mer enn|meir enn|tilsvarende|svarande til)';

/** "3 års erfaring", "to år med relevant erfaring", "2-3 years of experience". */
const NUMBER_FIRST = rx(
  `\\b(?:${QUANTIFIER} )?(${NUM})(?: ?(?:-|til|to|or|eller) ?(${NUM}))? ?\\+? ?${UNIT}\\b'?((?: (?!ansiennitet|lønn|løn|alder|gamle?|vikariat|engasjement|prosjekt|stilling|kontrakt|contract|position|temporary|periode|permisjon)[\\p{L}/]+){0,3}?) ${EXPERIENCE}\\b`,
  'g',
);
/** "erfaring fra legekontor i minst 2 år", "experience of at least two years". */
const EXPERIENCE_FIRST = rx(
  `\\b${EXPERIENCE}:?(?: (?:fra|frå|med|innen|innan|som|from|in|as|with|within)(?: [\\p{L}/\uE000-\uE002]+){0,4}?)?(?:((?: ${CONNECTOR})+)|(?:,| -| \\()(?: (?:gjerne|helst|fortrinnsvis|preferably|ideally|ca\\.?|cirka))?((?: ${CONNECTOR})*)) (${NUM})(?: ?(?:-|til|to|or|eller) ?(${NUM}))? ?\\+? ?${UNIT}\\b`,
  'g',
);
const EMPLOYER_SUBJECT = rx(
  '\\b(vi|me|we|selskapet|firmaet|bedriften|kontoret|legekontoret|legesenteret|senteret|klinikken|avdelingen|avdelinga|sykehuset|sjukehuset|company|our company)(?: \\S+){0,2} (har|have|has)\\b',
);
const CANDIDATE = rx('\\b(du|deg|søker\\p{L}*|søkjar\\p{L}*|kandidat\\p{L}*|you|candidate\\p{L}*|applicant\\p{L}*)\\b');

function toNumber(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^\d/.test(word)) {
    const n = Number(word.replace(',', '.'));
    return Number.isFinite(n) ? n : null;
  }
  return NUMBER_WORDS[word] ?? null;
}

function toYears(n: number, unit: string): number {
  const months = /^(m|mnd)/.test(unit);
  return months ? Math.round((n / 12) * 100) / 100 : n;
}

/** An experience phrase that is the other side of an "A eller B": "… eller (minst) 5 års erfaring",
 * "5 års erfaring eller utdanning som …" (not "2 år eller mer", "eller tilsvarende"). */
const ALTERNATIVE_BEFORE = rx('\\b(?:eller|alternativt|evt\\.?|eventuelt|or|alternatively),? ?$');
const ALTERNATIVE_AFTER = rx('^,? ?(?:eller|alternativt|or|alternatively) (?!mer\\b|meir\\b|more\\b|lenger|lengre|longer|tilsvarende|tilsvarande|equivalent|similar)');

export interface ExperienceCandidate {
  years: number;
  strength: Strength;
  unitIndex: number;
  /** One side of an "A eller B" in its sentence. */
  alternative: boolean;
}

/** Every stated minimum of years, one per unit at most (its smallest). */
export function experienceCandidates(doc: Doc): ExperienceCandidate[] {
  const out: ExperienceCandidate[] = [];
  doc.units.forEach((unit, unitIndex) => {
    const s = unit.match;
    if (!/erfaring|praksis|røynsl|experience/.test(s)) return;
    let best: ExperienceCandidate | null = null;
    const consider = (at: number, end: number, first: number | null, second: number | null, unitWord: string): void => {
      if (first === null) return;
      const years = toYears(second !== null ? Math.min(first, second) : first, unitWord);
      if (!(years > 0) || years > 30) return;
      const before = s.slice(0, at);
      if (EMPLOYER_SUBJECT.test(before) && !CANDIDATE.test(s)) return;
      const strength = strengthAt(unit, at);
      if (strength === 'negated') return;
      const alternative = ALTERNATIVE_BEFORE.test(before.slice(-24)) || ALTERNATIVE_AFTER.test(s.slice(end, end + 40));
      if (best === null || years < best.years) best = { years, strength, unitIndex, alternative };
    };
    NUMBER_FIRST.lastIndex = 0;
    let m: RegExpExecArray | null;
    let count = 0;
    while ((m = NUMBER_FIRST.exec(s)) !== null && count++ < MAX_MATCHES_PER_UNIT) {
      consider(m.index, m.index + m[0].length, toNumber(m[1]), toNumber(m[2]), m[3] ?? '');
    }
    EXPERIENCE_FIRST.lastIndex = 0;
    count = 0;
    while ((m = EXPERIENCE_FIRST.exec(s)) !== null && count++ < MAX_MATCHES_PER_UNIT) {
      consider(m.index, m.index + m[0].length, toNumber(m[3]), toNumber(m[4]), m[5] ?? '');
    }
    if (best) out.push(best);
  });
  return out;
}

/**
 * The smallest stated minimum of years. A minimum that is one side of an "A eller B" whose other
 * side is an education requirement or the authorisation read from the same sentence is attached
 * to that requirement (`orExperience`, set here) instead: the sentence is one requirement.
 */
export function readExperience(
  doc: Doc,
  education: EducationRequirement[] = [],
  authorisation: AdReading['authorisation'] | null = null,
): AdReading['minYearsExperience'] {
  let best: ExperienceCandidate | null = null;
  for (const c of experienceCandidates(doc)) {
    const start = doc.units[c.unitIndex]!.evidence.start;
    if (c.alternative) {
      const attach = (holder: { orExperience?: AlternativeExperience }): void => {
        if (!holder.orExperience || c.years < holder.orExperience.years) holder.orExperience = { years: c.years, strength: c.strength };
      };
      const requirement = education.find((e) => e.evidence.start === start);
      if (requirement) {
        attach(requirement);
        continue;
      }
      if (authorisation && (authorisation.level === 'required' || authorisation.level === 'preferred') && authorisation.evidence?.start === start) {
        attach(authorisation);
        continue;
      }
    }
    if (best === null || c.years < best.years) best = c;
  }
  if (best === null) return null;
  const found: ExperienceCandidate = best;
  const unit = doc.units[found.unitIndex]!;
  return { years: found.years, strength: found.strength, evidence: evidenceOf(doc, unit.evidence) };
}
