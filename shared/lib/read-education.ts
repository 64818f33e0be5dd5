/**
 * Education the ad asks for: the helsesekretær programme ("utdanning som helsesekretær",
 * "helsesekretærutdanning", "fullført Vg3 helsesekretær", "Helsesekretær eller tilsvarende
 * utdanning") and the private medisinsk sekretær course ("kurs/utdanning som medisinsk sekretær").
 * Alternatives named in the same sentence or list item all go into `accepts`; "eller tilsvarende"
 * sets `orEquivalent`. "Legesekretær" education is the old name of the helsesekretær programme (F-02).
 * An education item that names neither of the two ("Relevant utdanning", "Utdanning innen økonomi",
 * teacher training for a teacher of the programme) is not reported: `other` is only ever an
 * accepted alternative beside one of them ("helsesekretær, helsefagarbeider eller tilsvarende").
 */
import type { EducationKind, EducationRequirement } from './types.ts';
import { evidenceOf, inRequirementSection, modalAt, strengthAt, type Doc, type Unit } from './read-units.ts';
import { OTHER_PROFESSION } from './read-authorisation.ts';
import { rx } from './read-regex.ts';

const EDU = '(?:utdann\\p{L}*|vitnemål\\p{L}*|fagutdanning\\p{L}*|yrkeskompetanse|kurs|kurset|course|training|education|educated|qualified|studie\\p{L}*|eksamen|fullført|fullførte|gjennomført|vg3|diploma|degree)';
const HS_OR_LS = '[\uE000\uE002]';
const MS = '\uE001';

const HS_EDU = [
  rx(`\\b${EDU}(?: [\\p{L}/-]+){0,3}? ?${HS_OR_LS}`),
  rx(`${HS_OR_LS},?(?: [\\p{L}/,-]+| ${MS}){0,5}? ${EDU}\\b`),
  rx('\\b(helse|lege)sekret(æ|ae|e)r(utdann\\p{L}*|fag\\p{L}*|linj\\p{L}*|studi\\p{L}*|kurs\\p{L}*|eksamen)'),
  rx('\\bvg ?3 (helsesekret|legesekret)'),
  rx('\\b(health services?|health) secretary (education|training|programme|program|qualification|diploma)'),
];
const MS_EDU = [
  rx(`\\b${EDU}(?: [\\p{L}/-]+){0,3}? ?${MS}`),
  rx(`${MS},?(?: [\\p{L}/,-]+| [\uE000\uE002]){0,5}? ${EDU}\\b`),
  rx('\\bmedisinsk(e)? ?-?sekret(æ|ae|e)r-?(kurs\\p{L}*|utdann\\p{L}*|studi\\p{L}*|linj\\p{L}*)'),
  rx('\\bmedical secretary (education|training|course|programme|program|diploma)'),
];
/** Words one of which each HS_EDU and MS_EDU pattern contains: EDU's words, "vg" (vg3, "vg 3"),
 * "sekret" (the compounds "helsesekretærutdanning", "medisinsk sekretær-kurs") and "secretary". */
const EDU_WORD = /utdann|vitnemål|yrkeskompetanse|kurs|course|training|educat|qualified|studie|eksamen|fullført|gjennomført|vg|diploma|degree|sekret|secretary/;
const OTHER_EDU = rx(
  '\\b(annen|anna|andre|other|relevant|helsefaglig|helsefagleg|kontorfaglig|kontorfagleg|merkantil|administrativ)(?: [\\p{L}-]+){0,2}? (utdanning\\p{L}*|utdannelse|education|training|bakgrunn|background|fagbrev)\\b',
);
const OR_EQUIVALENT = rx(
  '\\b(eller|or|evt\\.?|el\\.)(?: [\\p{L}]+)? (tilsvarende|tilsvarande|liknande|lignende|equivalent|similar)\\b|\\b(tilsvarende|tilsvarande|equivalent) (utdanning|utdannelse|education|kompetanse|kvalifikasjon\\p{L}*|qualification\\p{L}*)\\b|\\bor equivalent\\b',
);

const ALTERNATIVE_EDUCATION = rx('\\b(eller|or)((?: [\\p{L}-]+){0,3}? [\\p{L}-]*(fag|faget|fagbrev|utdanning|utdannelse|education))\\b');
const EQUIVALENT = rx('\\b(tilsvarende|tilsvarande|liknande|lignende|equivalent|similar)\\b');

/** An alternative education that names one of the titles: "… eller utdanning som medisinsk sekretær". */
const TITLE_AFTER = /^ (?:som|as|as a|innen|i) [\uE000-\uE002]/u;

/** "eller kontor- og administrasjonsfag": an alternative education that is neither "tilsvarende"
 * nor one of the titles. */
function otherAlternative(s: string): boolean {
  const m = ALTERNATIVE_EDUCATION.exec(s);
  return m !== null && !EQUIVALENT.test(m[2] ?? '') && !TITLE_AFTER.test(s.slice(m.index + m[0].length, m.index + m[0].length + 12));
}

export function readEducation(doc: Doc): EducationRequirement[] {
  const out: EducationRequirement[] = [];
  let lastEvidenceStart = -1;
  for (const unit of doc.units) {
    const found = educationIn(unit);
    if (!found) continue;
    const evidence = evidenceOf(doc, unit.evidence);
    const strength = strengthAt(unit, found.at);
    if (strength === 'negated') continue;
    // Outside requirement lists, only a sentence with its own modal word asks for anything
    // ("Vi tilbyr kurs for helsesekretærer", "søker lærer i programfag for Vg3 helsesekretær" do not).
    if (!inRequirementSection(unit) && modalAt(unit, found.at) === null) continue;
    const previous = out[out.length - 1];
    if (previous && lastEvidenceStart === unit.evidence.start) {
      // Another sentence of the same list item: merge.
      for (const k of found.accepts) if (!previous.accepts.includes(k)) previous.accepts.push(k);
      previous.orEquivalent ||= found.orEquivalent;
      continue;
    }
    lastEvidenceStart = unit.evidence.start;
    out.push({ strength, accepts: found.accepts, orEquivalent: found.orEquivalent, evidence });
  }
  return out;
}

function firstMatch(list: RegExp[], s: string): number {
  let best = -1;
  for (const re of list) {
    const m = re.exec(s);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

function educationIn(unit: Unit): { at: number; accepts: EducationKind[]; orEquivalent: boolean } | null {
  const s = unit.match;
  const hasTitle = unit.titles.length > 0;
  if (!hasTitle && !/sekret|secretary/u.test(unit.plain)) return null;
  // An authorisation item is education only where it also names a course or education that
  // stands in for it: "Autorisasjon som helsesekretær eller kurs som medisinsk sekretær" asks for
  // one of the two (the helsesekretær education is implied by the authorisation).
  const aboutAuthorisation = /autori|authori/u.test(s);
  const underEducationHeading = unit.block.section.kind === 'education';
  // Every HS_EDU / MS_EDU pattern has one of EDU_WORD's words: most units need no more.
  const eduInMatch = EDU_WORD.test(s);
  const eduInPlain = EDU_WORD.test(unit.plain);
  let hs = eduInMatch ? firstMatch(HS_EDU, s) : -1;
  if (hs < 0 && eduInPlain) hs = firstMatch(HS_EDU, unit.plain);
  let ms = eduInMatch ? firstMatch(MS_EDU, s) : -1;
  if (ms < 0 && eduInPlain) ms = firstMatch(MS_EDU, unit.plain);
  if (underEducationHeading) {
    if (hs < 0 && /[\uE000\uE002]/u.test(s)) hs = s.search(/[\uE000\uE002]/u);
    if (ms < 0 && s.includes(MS)) ms = s.indexOf(MS);
  }
  // "Autorisert helsesekretær eller medisinsk sekretær med kurs": the course counts, the
  // authorised title is authorisation (read-authorisation.ts), not education.
  if (hs < 0 && ms < 0) return null;
  if (aboutAuthorisation && ms < 0) return null;
  // A title in the same item as the found education is an accepted alternative:
  // "Utdanning som helsesekretær eller medisinsk sekretær".
  if (hs < 0 && /[\uE000\uE002]/u.test(s)) hs = s.search(/[\uE000\uE002]/u);
  if (ms < 0 && s.includes(MS)) ms = s.indexOf(MS);
  // In the order the ad names them.
  const accepts: EducationKind[] = (
    [
      [hs, 'helsesekretaer-education'],
      [ms, 'medisinsk-sekretaer-course'],
    ] as const
  )
    .filter(([at]) => at >= 0)
    .sort((a, b) => a[0] - b[0])
    .map(([, kind]) => kind);
  // "... helsefagarbeider eller tilsvarende", "... eller kontor- og administrasjonsfag":
  // another education is accepted too.
  if (OTHER_EDU.test(s) || OTHER_PROFESSION.test(s) || otherAlternative(s)) accepts.push('other');
  const at = Math.min(...[hs, ms].filter((x) => x >= 0));
  return { at, accepts, orEquivalent: OR_EQUIVALENT.test(s) };
}
