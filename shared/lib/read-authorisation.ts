/**
 * Authorisation as helsesekretær: required, preferred, explicitly not required, or not mentioned.
 *
 * Signals (in a unit's matching string, titles are placeholders — see read-units.ts):
 * - linked: "autorisasjon som ⟨helsesekretær⟩", "autorisert ⟨helsesekretær⟩", "(offentlig) godkjent
 *   ⟨helsesekretær⟩", "⟨helsesekretær⟩ med autorisasjon", "authorised ⟨health secretary⟩". A linked
 *   "medisinsk sekretær" / "legesekretær" counts too ("autorisert legesekretær"): only
 *   helsesekretær has an authorisation (F-01, F-02), so that is what the employer asks for.
 * - bare: "Autorisasjon" / "Norsk autorisasjon" with no profession named, in a requirement list
 *   of an ad whose job is one of the three titles (the only authorisation such a job can mean).
 * - negated: "ikke krav om autorisasjon", "autorisasjon er ikke et krav", "uten autorisasjon".
 * - alternatives: "Autorisert helsesekretær eller medisinsk sekretær",
 *   "Autorisert helsesekretær/medisinsk sekretær og/eller relevant ledererfaring" (corpus 004),
 *   "medisinske sekretærer kan også søke": an accepted alternative makes authorisation preferred.
 * Authorisation for another profession ("autorisasjon som lege", "autorisert sykepleier") is not it.
 */
import type { AdReading, Evidence, Strength, TitleId } from './types.ts';
import { evidenceOf, inRequirementSection, MAX_MATCHES_PER_UNIT, modalAt, type Doc, type Unit } from './read-units.ts';
import { rx } from './read-regex.ts';

type Authorisation = AdReading['authorisation'];

const T = '[\uE000\uE001\uE002]';
const AUTH = '(?:autoris\\p{L}*|autoriser\\p{L}*|authori[sz]\\p{L}*|licen[sc]\\p{L}*)';
const APPROVED = '(?:offentlig godkjent|offentleg godkjend|godkjent|godkjend|godkjente|registered)';
/** "autorisasjon (fra Helsedirektoratet) som helsesekretær", "autorisert helsesekretær". */
const AUTH_BEFORE_TITLE = rx(`\\b${AUTH}(?: (?:som|as|as a|som en|i|for|fra helsedirektoratet som|from the norwegian directorate of health as(?: a)?|norsk|\\(som\\)))?(?: \\(?som\\)?)? ?(?:\\p{L}+ (?:eller|og|or|and) |\\p{L}+ ?\\/ ?)?(${T})`, 'g');
const APPROVED_BEFORE_TITLE = rx(`\\b${APPROVED} (${T})`, 'g');
/** "helsesekretær med (gyldig) (norsk) autorisasjon", "helsesekretær (autorisert)", "helsesekretær-autorisasjon". */
const TITLE_BEFORE_AUTH = rx(`(${T})(?: ?[-(,]| med| with| som er| who is)?(?: gyldig| valid)?(?: norsk| norwegian)? ?${AUTH}`, 'g');
const BARE_AUTH = rx(`\\b${AUTH}`, 'g');
/** A word every AUTH alternative contains (NOT_REQUIRED's "ikke autorisert" too). */
const AUTH_WORD = /autori|authori|licen/;
/** A word every APPROVED alternative contains. */
const APPROVED_WORD = /godkjen|registered/;

/** Professions whose authorisation is not the helsesekretær one. */
export const OTHER_PROFESSION = rx(
  '\\b(lege|leger|legar|legen|fastlege\\p{L}*|overlege\\p{L}*|turnuslege|lis ?[123]|sykepleier\\p{L}*|sjukepleiar\\p{L}*|sjukepleier\\p{L}*|spesialsykepleier\\p{L}*|helsesykepleier\\p{L}*|helsesjukepleiar\\p{L}*|helsesøster|helsefagarbeider\\p{L}*|helsefagarbeidar\\p{L}*|hjelpepleier\\p{L}*|hjelpepleiar\\p{L}*|omsorgsarbeider\\p{L}*|bioingeniør\\p{L}*|fysioterapeut\\p{L}*|ergoterapeut\\p{L}*|jordmor|jordmødre|vernepleier\\p{L}*|vernepleiar\\p{L}*|psykolog\\p{L}*|tannlege\\p{L}*|tannhelsesekretær\\p{L}*|tannpleier\\p{L}*|radiograf\\p{L}*|apotektekniker\\p{L}*|farmasøyt\\p{L}*|ambulansearbeider\\p{L}*|paramedic|nurse|nurses|doctor|doctors|physician|physicians|dentist|psychologist|pharmacist|medisin|medicine|spesialist\\p{L}*|allmennlege\\p{L}*)\\b',
);
const ALTERNATIVE_AFTER = rx('^ ?(?:/|eller\\b|og/eller\\b|el\\.|evt\\.?|eventuelt\\b|alternativt\\b|or\\b|and/or\\b|,(?= ?(?:eller|or|evt)))');
const ALTERNATIVE_BEFORE = rx('(?:/|\\beller|\\bog/eller|\\bel\\.|\\bevt\\.?|\\beventuelt|\\balternativt|\\bor|\\band/or) ?$');
const ALSO_WELCOME = rx(
  '\\b(kan også søke|kan òg søkje|kan også søkje|oppfordres også|blir også vurdert|vil også bli vurdert|vil også kunne bli vurdert|er også aktuell\\p{L}*|også aktuelle|også velkomne|kan også være aktuell\\p{L}*|will also be considered|are also welcome|may also apply|can also apply|vil bli vurdert)\\b',
);
const NOT_REQUIRED = rx(
  `(?:\\b(?:ikke|ikkje|ingen|not|no)(?: \\S+){0,3}? (?:krav|kravet|påkrevd|påkravd|nødvendig|naudsynt|required|requirement|necessary)(?: \\S+){0,4}? ${AUTH}|${AUTH}(?: \\S+){0,6}? (?:er|is|blir) (?:ikke|ikkje|not)(?: \\S+){0,2}? (?:krav|et krav|eit krav|påkrevd|påkravd|nødvendig|naudsynt|required|a requirement|necessary|obligatorisk)|\\b(?:uten|utan|without|no)(?: \\S+){0,2}? ${AUTH}|\\b(?:trenger|treng|behøver|need|needs)(?: du)? (?:ikke|ikkje|not)(?: \\S+){0,3}? ${AUTH}|\\b(?:do|does) not need(?: \\S+){0,3}? ${AUTH}|\\bikke (?:nødvendigvis )?(?:være )?autorisert|\\bikkje (?:naudsynleg )?(?:vere )?autorisert)`,
);
const HIRING_VERB = rx('\\b(søker|søkjer|søkes|søkjast|trenger|treng|ansetter|tilset|looking for|hiring|seeking|recruiting|wanted)\\b');
/** Staff descriptions: "Legesenteret har tre autoriserte helsesekretærer". */
const DESCRIBES_STAFF = rx('\\b(vi|me|kontoret|legekontoret|legesenteret|senteret|avdelingen|avdelinga|enheten|eininga|klinikken|we|the clinic) (har|består av|have|has|consists of)\\b');

interface Signal {
  level: Strength | 'not-required';
  unit: Unit;
  alternatives: TitleId[];
  /** An accepted alternative without authorisation, found apart from the authorisation phrase. */
  acceptsAlternative?: boolean;
  /** Stated in a requirement list or with a modal word (preferred as evidence over an intro sentence). */
  explicit?: boolean;
}

export function readAuthorisation(doc: Doc, isTargetJob: boolean): Authorisation {
  const signals: Signal[] = [];
  for (const unit of doc.units) {
    const s = unit.match;
    if (!/autor|authori|licen|godkjen|registered|certified|qualified|\uE000|\uE001|\uE002/u.test(s)) continue;
    // Every pattern below but ALSO_WELCOME needs one of these words: a unit without them (a bare
    // title, most sentences of an ad) costs two cheap tests instead of a dozen patterns.
    const authWord = AUTH_WORD.test(s);
    const unitSignals = authWord || APPROVED_WORD.test(s) ? linkedSignals(unit) : [];
    if (authWord && NOT_REQUIRED.test(s) && !(unitSignals.length === 0 && OTHER_PROFESSION.test(s) && !hasTitle(s))) {
      if (isTargetJob || hasTitle(s)) signals.push({ level: 'not-required', unit, alternatives: otherTitles(unit) });
      // "Autorisasjon som helsesekretær er ikke et krav, men en fordel" keeps its positive reading below.
      if (unitSignals.every((x) => x.level !== 'preferred')) continue;
    }
    if (unitSignals.length > 0) {
      signals.push(...unitSignals);
      continue;
    }
    const bare = authWord ? bareSignal(unit, isTargetJob) : null;
    if (bare) {
      signals.push(bare);
      continue;
    }
    if (ALSO_WELCOME.test(s) && /[\uE001\uE002]/u.test(s)) {
      signals.push({ level: 'preferred', unit, alternatives: otherTitles(unit), acceptsAlternative: true });
    }
  }
  return resolve(doc, signals);
}

function hasTitle(s: string): boolean {
  return /[\uE000\uE001\uE002]/u.test(s);
}

function otherTitles(unit: Unit): TitleId[] {
  return [...new Set(unit.titles.filter((t) => t !== 'helsesekretaer'))];
}

function linkedSignals(unit: Unit): Signal[] {
  const s = unit.match;
  const found: { at: number; end: number; mark: string }[] = [];
  for (const re of [AUTH_BEFORE_TITLE, APPROVED_BEFORE_TITLE, TITLE_BEFORE_AUTH]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let count = 0;
    while ((m = re.exec(s)) !== null && count++ < MAX_MATCHES_PER_UNIT) {
      const mark = m[1] ?? '';
      found.push({ at: m.index, end: m.index + m[0].length, mark });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  if (found.length === 0) return [];
  // A medisinsk sekretær / legesekretær link only counts where helsesekretær is not an option
  // apart from it, and only in the phrase forms that name an authorisation.
  const first = found.sort((a, b) => a.at - b.at)[0]!;
  const explicit = inRequirementSection(unit) || modalAt(unit, first.at) !== null;
  if (!explicit) {
    // Outside requirement lists and without a modal word, an authorised title is a requirement
    // only in a hiring sentence ("Vi søker en autorisert helsesekretær"), not in a description of
    // staff ("... har utdannet sine medisinske sekretærer til autoriserte helsesekretærer").
    const kind = unit.block.section.kind;
    if (DESCRIBES_STAFF.test(s)) return [];
    if ((kind === 'other' || kind === 'personal') && !HIRING_VERB.test(s)) return [];
  }
  const between = s.slice(first.at, first.end);
  // "autorisasjon som sykepleier eller helsesekretær": another authorised profession as an
  // alternative still asks for an authorisation — for this reader, the helsesekretær one.
  if (OTHER_PROFESSION.test(between) && !/(?:eller|og|or|and|\/) ?[\uE000-\uE002]$/u.test(between)) return [];
  const strength = modalStrength(unit, first.at);
  if (strength === 'negated') return [];
  const hasAlternative = alternativeNear(s, first.at, first.end);
  const alternatives = hasAlternative ? otherTitles(unit) : [];
  return [{ level: hasAlternative ? 'preferred' : strength, unit, alternatives, explicit }];
}

/** An "or" right after the authorised title, or right before the authorisation phrase. */
function alternativeNear(s: string, start: number, end: number): boolean {
  // A parenthesis after the title glosses it: "Authorised health secretary (helsesekretær) or ...".
  const after = s.slice(end, end + 64).replace(/^ ?\([^)]{0,40}\)/u, '').slice(0, 24);
  const m = ALTERNATIVE_AFTER.exec(after);
  if (m && after.slice(m[0].length).trim().length > 0) return true;
  return start > 3 && ALTERNATIVE_BEFORE.test(s.slice(Math.max(0, start - 16), start));
}

function modalStrength(unit: Unit, at: number): Strength | 'negated' {
  const modal = modalAt(unit, at);
  if (modal !== null) return modal;
  return unit.block.section.strength ?? 'required';
}

/** "Autorisasjon" alone (no profession named) in a requirement list of a target job. */
function bareSignal(unit: Unit, isTargetJob: boolean): Signal | null {
  if (!isTargetJob) return null;
  const s = unit.match;
  BARE_AUTH.lastIndex = 0;
  const m = BARE_AUTH.exec(s);
  if (!m) return null;
  if (OTHER_PROFESSION.test(s) || /[\uE001\uE002]/u.test(s)) return null;
  const modal = modalAt(unit, m.index);
  if (modal === 'negated') return null;
  if (!inRequirementSection(unit) && modal === null) return null;
  const strength = modal ?? unit.block.section.strength ?? 'required';
  return { level: strength, unit, alternatives: [], explicit: true };
}

function resolve(doc: Doc, signals: Signal[]): Authorisation {
  const none: Authorisation = { level: 'not-mentioned', evidence: null, alternatives: [] };
  if (signals.length === 0) return none;
  const positives = signals.filter((x) => x.level !== 'not-required' && !x.acceptsAlternative);
  const negatives = signals.filter((x) => x.level === 'not-required');
  const accepts = signals.filter((x) => x.acceptsAlternative);
  const ev = (x: Signal): Evidence => evidenceOf(doc, x.unit.evidence);
  if (positives.length === 0) {
    if (negatives.length > 0) return { level: 'not-required', evidence: ev(negatives[0]!), alternatives: [] };
    return none;
  }
  const required = positives.find((x) => x.level === 'required' && x.explicit) ?? positives.find((x) => x.level === 'required');
  if (required && negatives.length === 0 && accepts.length === 0) {
    return { level: 'required', evidence: ev(required), alternatives: [] };
  }
  const preferred = positives.find((x) => x.level === 'preferred') ?? required ?? positives[0]!;
  const alternatives = [...new Set([...preferred.alternatives, ...accepts.flatMap((x) => x.alternatives), ...negatives.flatMap((x) => x.alternatives)])];
  return { level: 'preferred', evidence: ev(preferred), alternatives };
}
