/**
 * The reader's view of an AdSource: blocks with their effective kind, the section each block sits
 * in (from the nearest heading before it), and "units" — sentences — each with a matching string
 * in which title mentions are replaced by one placeholder character. Every rule module
 * (read-authorisation.ts, read-experience.ts, ...) matches against units and quotes their evidence.
 *
 * Everything here is one pass over the text: linear time.
 */
import type { AdSource, Block, BlockKind, Evidence, Mention, Span, Strength, TitleId } from './types.ts';
import { splitSentences } from './sentences.ts';
import { BULLET_CHARS, isJsSpace } from './source/vocabulary.ts';
import type { WorkCounter } from './work.ts';
import { rx } from './read-regex.ts';

/** Placeholder characters that stand for a title mention in `Unit.match`. */
export const TITLE_MARK: Record<TitleId, string> = {
  helsesekretaer: '\uE000',
  'medisinsk-sekretaer': '\uE001',
  legesekretaer: '\uE002',
};
/** Any title placeholder, for use inside a RegExp character class. */
export const ANY_TITLE = '[\uE000\uE001\uE002]';
export const HS = '\uE000';
export const MS = '\uE001';
export const LS = '\uE002';

export function titleOfMark(c: string): TitleId | null {
  return c === HS ? 'helsesekretaer' : c === MS ? 'medisinsk-sekretaer' : c === LS ? 'legesekretaer' : null;
}

export type SectionKind = 'requirements' | 'preferred' | 'education' | 'personal' | 'other' | 'none';

export interface Section {
  kind: SectionKind;
  /** Strength a heading gives the items under it, if any. */
  strength: Strength | null;
  /** The heading block (null before the first heading). */
  heading: Span | null;
  /** Lower-cased heading text. */
  label: string;
}

export interface DocBlock extends Span {
  index: number;
  kind: BlockKind;
  level: number;
  section: Section;
  /** The block span without a leading bullet / markdown marker and surrounding white space. */
  inner: Span;
}

export interface Unit extends Span {
  block: DocBlock;
  /** Normalised, lower-cased text with each title mention replaced by its TITLE_MARK character. */
  match: string;
  /** Normalised, lower-cased text with mentions kept as written (for compounds). */
  plain: string;
  /** Title ids of the mentions inside this unit, in order. */
  titles: TitleId[];
  /** What to quote: the whole list item for list items, else the sentence. */
  evidence: Span;
  /** The part of the sentence that `match` and `plain` are made from: all of it, up to MAX_UNIT_CHARS. */
  read: Span;
}

export interface Doc {
  source: AdSource;
  text: string;
  blocks: DocBlock[];
  units: Unit[];
  mentions: Mention[];
}

const NO_SECTION: Section = { kind: 'none', strength: null, heading: null, label: '' };

/** Classifies a heading's text into a section. */
export function classifyHeading(label: string): Section['kind'] {
  const l = label;
  if (PREFERRED_HEADING.test(l)) return 'preferred';
  if (EDUCATION_HEADING.test(l)) return 'education';
  if (REQUIRED_HEADING.test(l)) return 'requirements';
  if (PERSONAL_HEADING.test(l)) return 'personal';
  return 'other';
}

const PREFERRED_HEADING = rx(
  '(ønsked|ønskelig|ønskjeleg|ønsket|ønskte|ynskjeleg|ynskte|fordel|føremon|merit|\\bbør\\b|gjerne|desirable|nice to have|advantage|preferred|bonus|\\bplus\\b|vi ønsker|vi ønskjer|me ønskjer|vi ynskjer|me ynskjer)',
);
const EDUCATION_HEADING = rx(
  '^(utdanning|utdanningsretning|utdanningskrav|utdanningsnivå|krav til utdanning|utdanning og erfaring|education|educational requirements|utdanning/erfaring)\\b',
);
const REQUIRED_HEADING = rx(
  '(kvalifikasjon|\\bkrav\\b|kravet|krav til|kompetansekrav|vi søker deg|vi søkjer deg|me søkjer deg|vi ser etter|vi søker en|vi søker ein|vi søker etter|hvem er du|hvem vi ser etter|hvem søker vi|kven er du|kven vi ser etter|\\bom deg\\b|\\bdu har\\b|\\bdu må\\b|\\bdu er\\b|requirements|qualifications|required|must have|what we are looking for|what we need|who you are|about you|we are looking for|you have|forutsetning|føresetnad|formalkompetanse|kompetanse)',
);
const PERSONAL_HEADING = rx('(personlig|personleg|egenskap|eigenskap|personal qualities|personality)');

/** A list marker at the start of a block: a bullet (vocabulary.ts) or "1." / "1)", then white space. */
const BULLET = new RegExp(`^\\s*(?:[${BULLET_CHARS.replace(/[-\\\]^]/g, '\\$&')}]|\\d{1,2}[.)])\\s+`);
const MARKDOWN_HEADING = /^\s*#{1,6}\s+/;

/** Short lines that work as headings even without markup. */
function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 70) return false;
  if (MARKDOWN_HEADING.test(t)) return true;
  const last = t.charCodeAt(t.length - 1);
  if (last === 0x2e || last === 0x21 || last === 0x3f) return false; // . ! ?
  const words = wordCount(t);
  if (last === 0x3a && words <= 8 && t.indexOf(':') === t.length - 1) return true;
  if (words <= 4) {
    const l = t.toLowerCase();
    // KNOWN_HEADING first: it is anchored at both ends, so it fails fast.
    return KNOWN_HEADING.test(l) && classifyHeading(l) !== 'other' && !t.includes(',') && /^[\p{Lu}#]/u.test(t);
  }
  return false;
}

/** t.split(/\s+/).length for a trimmed, non-empty t, without building the array. */
function wordCount(t: string): number {
  let words = 1;
  let inSpace = false;
  for (let i = 0; i < t.length; i++) {
    const space = isJsSpace(t.charCodeAt(i));
    if (space && !inSpace) words++;
    inSpace = space;
  }
  return words;
}

const KNOWN_HEADING =
  /^(kvalifikasjoner|kvalifikasjonar|kvalifikasjonskrav|ønskede kvalifikasjoner|ønskelige kvalifikasjoner|ønskte kvalifikasjonar|ønskjelege kvalifikasjonar|krav|andre krav|krav til kompetanse|utdanning|utdanningsretning|utdanningskrav|personlige egenskaper|personlege eigenskapar|om deg|litt om deg|requirements|qualifications|desirable|nice to have|det er ønskelig|det er en fordel|ønskelig|ønskjeleg|vi ønsker|vi ønskjer|me ønskjer|vi søker deg som|du har|du må ha)$/;

export function headingLabel(text: string): string {
  return normalise(text)
    .replace(/^#{1,6}\s+/, '')
    .replace(/[:\s]+$/, '')
    .trim();
}

function sectionFor(block: Span, label: string, kind: SectionKind): Section {
  const strength: Strength | null =
    kind === 'preferred' ? 'preferred' : kind === 'requirements' || kind === 'education' ? 'required' : null;
  return { kind, strength, heading: block, label };
}

/** Builds the reader's model of a source. Never throws on well-formed AdSource values. */
export function buildDoc(source: AdSource, mentions: Mention[], work?: WorkCounter): Doc {
  const text = source.text;
  const blocks: DocBlock[] = [];
  let section = NO_SECTION;
  const srcBlocks = sanitiseBlocks(source.blocks, text.length);
  // Hostile pages repeat their headings: each distinct heading text is labelled once.
  const labels = new Map<string, { label: string; kind: SectionKind }>();
  for (let index = 0; index < srcBlocks.length; index++) {
    const b = srcBlocks[index]!;
    if (b.start >= MAX_READ_CHARS || index >= MAX_READ_BLOCKS) break;
    const raw = text.slice(b.start, b.end);
    // Work counter: the block's text is read by the heading, bullet and marker checks.
    if (work) work.steps += raw.length;
    let kind = b.kind;
    let level = b.level;
    if (kind === 'paragraph' && looksLikeHeading(raw)) {
      kind = 'heading';
      level = 6;
    } else if (kind === 'paragraph' && BULLET.test(raw) && !raw.includes('\n')) {
      kind = 'list-item';
    }
    const inner = innerSpan(raw, b, kind);
    if (kind === 'heading') {
      const headingText = inner.end - inner.start === raw.length ? raw : text.slice(inner.start, inner.end);
      let known = labels.get(headingText);
      if (!known) {
        const label = headingLabel(headingText);
        known = { label, kind: classifyHeading(label) };
        labels.set(headingText, known);
      }
      section = sectionFor(b, known.label, known.kind);
    } else if (kind === 'title') {
      section = NO_SECTION;
    }
    blocks.push({ start: b.start, end: b.end, index, kind, level, section, inner });
  }
  const units = buildUnits(text, blocks, mentions, work);
  return { source, text, blocks, units, mentions };
}

/** Keeps only blocks whose spans are in range and in order (the AdSource is data from outside).
 * Stops after the first kept block that the reader would not read (MAX_READ_CHARS, MAX_READ_BLOCKS). */
function sanitiseBlocks(blocks: readonly Block[], length: number): Block[] {
  const out: Block[] = [];
  let last = 0;
  if (!Array.isArray(blocks)) return out;
  for (const b of blocks) {
    if (!b || typeof b.start !== 'number' || typeof b.end !== 'number') continue;
    const start = Math.max(0, Math.floor(b.start));
    const end = Math.min(length, Math.floor(b.end));
    if (!(end > start) || start < last) continue;
    const kind: BlockKind = b.kind === 'title' || b.kind === 'heading' || b.kind === 'list-item' ? b.kind : 'paragraph';
    const level = typeof b.level === 'number' ? b.level : 0;
    // A block that is already what it would become is kept as it is (no copy per block).
    out.push(start === b.start && end === b.end && kind === b.kind && level === b.level ? b : { start, end, kind, level });
    if (start >= MAX_READ_CHARS || out.length > MAX_READ_BLOCKS) break;
    last = end;
  }
  return out;
}

/** The block span without its bullet / markdown marker and surrounding white space; `raw` is the
 * block's text. */
function innerSpan(raw: string, b: Span, kind: BlockKind): Span {
  let start = b.start;
  let end = b.end;
  const marker = (kind === 'heading' ? MARKDOWN_HEADING : BULLET).exec(raw);
  if (marker) start += marker[0].length;
  while (start < end && isJsSpace(raw.charCodeAt(start - b.start))) start++;
  while (end > start && isJsSpace(raw.charCodeAt(end - 1 - b.start))) end--;
  return { start, end };
}

/**
 * Requirements are read from the first MAX_READ_CHARS characters of the ad text. A long real ad
 * is about 10 000; a page longer than this is a list or not an ad, and the cap keeps the reader's
 * time bounded on hostile pages. Titles (lexicon.ts) are still found in all of the text.
 */
export const MAX_READ_CHARS = 100_000;

/**
 * Likewise, requirements are read from the first MAX_READ_BLOCKS blocks. A real ad has a few
 * hundred at most; tag soup ("<p><b>x</b></p>" repeated) has one every 20 characters, and the
 * per-block work (headings, sections, listing signals) would dominate the reader's time.
 */
export const MAX_READ_BLOCKS = 5_000;

/**
 * A unit's rules read its first MAX_UNIT_CHARS characters. A long real sentence or list item has a
 * few hundred; text that never ends a sentence (a page of words with no full stop) would otherwise
 * make every rule scan up to MAX_READ_CHARS characters per pattern. Evidence is still the whole unit.
 */
export const MAX_UNIT_CHARS = 4_000;

/** Where to cut a unit's text near `at`: after the last white space in the 64 characters before it. */
function cutAt(text: string, at: number): number {
  for (let i = at; i > at - 64; i--) if (isJsSpace(text.charCodeAt(i - 1))) return i;
  return at;
}

function buildUnits(text: string, blocks: DocBlock[], mentions: Mention[], work: WorkCounter | undefined): Unit[] {
  const units: Unit[] = [];
  let m = 0;
  for (const block of blocks) {
    if (block.start >= MAX_READ_CHARS) break;
    if (block.kind === 'heading' || block.kind === 'title') continue;
    const innerEnd = Math.min(block.inner.end, MAX_READ_CHARS);
    if (innerEnd <= block.inner.start) continue;
    const inner = { start: block.inner.start, end: innerEnd };
    const sentences = splitSentences(text, inner.start, inner.end, work);
    for (const s of sentences) {
      while (m < mentions.length && mentions[m]!.start < s.start) m++;
      // The part of the sentence its rules read (all of any real sentence).
      const read = s.end - s.start > MAX_UNIT_CHARS ? { start: s.start, end: cutAt(text, s.start + MAX_UNIT_CHARS) } : s;
      let mm = m;
      const inside: Mention[] = [];
      while (mm < mentions.length && mentions[mm]!.start < s.end) {
        if (mentions[mm]!.end <= read.end) inside.push(mentions[mm]!);
        mm++;
      }
      const { match, plain } = maskAndNormalise(text, read, inside);
      // Work counter: the mentions passed over and the regex passes of normalise over the unit.
      if (work) work.steps += mm - m + 2 * (read.end - read.start);
      const evidence = block.kind === 'list-item' ? inner : s;
      units.push({ start: s.start, end: s.end, block, match, plain, titles: inside.map((x) => x.title), evidence, read });
    }
  }
  return units;
}

/** Normalises text for matching: soft hyphens and zero-width characters vanish, white space
 * collapses to one space, dashes become "-", letters are lower-cased. Offsets into the result are
 * never mapped back: evidence is always a whole unit. */
export function normalise(s: string): string {
  let t = s;
  if (RARE.test(t)) t = t.replace(INVISIBLE, '').replace(DASHES, '-').replace(/[\u2018\u2019]/g, "'");
  // Only runs that are not already one plain space are rewritten (far less garbage on long text).
  // \s{2,} takes a whole run, so no two spaces are left next to each other: one pass is enough.
  return t.replace(/\s{2,}|[^\S ]/g, ' ').trim().toLowerCase();
}

const RARE = /[\u00ad\u200b-\u200f\u2060\ufeff\u2010-\u2015\u2212\u2018\u2019]/;
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

function maskAndNormalise(text: string, span: Span, inside: Mention[]): { match: string; plain: string } {
  const plain = normalise(text.slice(span.start, span.end));
  if (inside.length === 0) return { match: plain, plain };
  // A unit that is one mention and nothing else ("Helsesekretær" as a list item): its placeholder.
  if (inside.length === 1 && inside[0]!.start === span.start && inside[0]!.end === span.end) return { match: TITLE_MARK[inside[0]!.title], plain };
  let raw = '';
  let at = span.start;
  for (const mention of inside) {
    if (mention.start < at) continue;
    raw += text.slice(at, mention.start) + ' ' + TITLE_MARK[mention.title] + ' ';
    at = mention.end;
  }
  raw += text.slice(at, span.end);
  // Placeholders get spaces around them so that "\uE000" reads as a word; collapse them back
  // next to punctuation so "helsesekretær/medisinsk sekretær" stays "\uE000/\uE001".
  const match = normalise(raw).replace(/ ?([\uE000-\uE002]) ?(?=[/,.;:)\-])/g, '$1').replace(/([/(\-]) ([\uE000-\uE002])/g, '$1$2');
  return { match, plain };
}

export function evidenceOf(doc: Doc, span: Span): Evidence {
  return { start: span.start, end: span.end, text: doc.text.slice(span.start, span.end) };
}

// ---------------------------------------------------------------------------------------------
// Requirement strength

const PREFERRED_WORD = rx(
  '\\b(fordel|fordelaktig|føremon|onskelig|onskeleg|onskes|vi onsker|vi ønsker|vi ønskjer|me ønskjer|vi ynskjer|me ynskjer|ønsker at|ønskjer at|ønskelig|ønskeleg|ønskjeleg|ynskjeleg|ønskes|ønskjast|vektlegges|vektlegast|vektleggast|vektlagt|vekt på|foretrekkes|foretrukket|føretrekt|føretrekkjast|gjerne|helst|fortrinnsvis|bør|meritterende|merittere|advantage|advantageous|desirable|preferred|preferably|plus|nice to have|beneficial|a bonus)\\b',
  'g',
);
const REQUIRED_WORD = rx(
  '\\b(krav|kravet|krava|kreves|krevst|krever|krev|påkrevd|påkravd|påkrevet|pakrevd|må|ma|forutsetning|forutsettes|føresetnad|føreset|nødvendig|naudsynt|obligatorisk|required|requirement|must|mandatory|essential|necessary)\\b',
  'g',
);
const NEGATION = rx(
  '\\b(ikke|ikkje|ingen|not|no|uten|utan|without)(?: \\S+){0,3}? (krav|kravet|påkrevd|påkravd|nødvendig|naudsynt|nødvendigvis|required|requirement|necessary|needed|obligatorisk)\\b|\\b(krav|kreves|krevst|required|necessary|needed|nødvendig|naudsynt|påkrevd)( \\S+)? (ikke|ikkje|not)\\b|\\b(trenger|treng|behøver|need|needs)( \\S+)? (ikke|ikkje|not)\\b|\\b(do|does) not need\\b|\\bdon\'t need\\b',
  'g',
);

export type Modal = Strength | 'negated' | null;

/** Modal words weighed per unit and kind (a real sentence has a handful). */
const MAX_HITS = 64;

interface ModalHit {
  at: number;
  end: number;
  modal: Exclude<Modal, null>;
}

/** Modal words in a matching string, negations first ("ikke krav" is one negated hit, not "krav"). */
export function modalHits(s: string): ModalHit[] {
  const hits: ModalHit[] = [];
  const negations: Span[] = [];
  NEGATION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEGATION.exec(s)) !== null && negations.length < MAX_HITS) {
    negations.push({ start: m.index, end: m.index + m[0].length });
    hits.push({ at: m.index, end: m.index + m[0].length, modal: 'negated' });
  }
  for (const [re, modal] of [
    [PREFERRED_WORD, 'preferred'],
    [REQUIRED_WORD, 'required'],
  ] as const) {
    re.lastIndex = 0;
    let count = 0;
    while ((m = re.exec(s)) !== null && count++ < MAX_HITS) {
      const at = m.index;
      if (negations.some((n) => at >= n.start && at < n.end)) continue;
      hits.push({ at, end: at + m[0].length, modal });
    }
  }
  return hits;
}

/**
 * The strength a unit's own words give a match at `at` (index into unit.match): the nearest modal
 * word in the same clause, else the nearest in the unit; null when the unit has none.
 */
export function modalAt(unit: Unit, at: number): Modal {
  let cached = MODAL_CACHE.get(unit);
  if (!cached) {
    cached = { hits: modalHits(unit.match), boundaries: clauseBoundaries(unit.match) };
    MODAL_CACHE.set(unit, cached);
  }
  const { hits, boundaries } = cached;
  if (hits.length === 0) return null;
  const clause = clauseAround(boundaries, unit.match.length, at);
  const nearest = (list: ModalHit[]): Modal => {
    let best: Modal = null;
    let bestDistance = Infinity;
    for (const h of list) {
      const d = h.at >= at ? h.at - at : Math.max(0, at - h.end);
      if (d < bestDistance) {
        bestDistance = d;
        best = h.modal;
      }
    }
    return best;
  };
  return nearest(hits.filter((h) => h.at >= clause.start && h.at < clause.end)) ?? nearest(hits);
}

/** Modal hits and clause boundaries are computed once per unit, so repeated questions about one
 * long sentence stay linear. */
const MODAL_CACHE = new WeakMap<Unit, { hits: ModalHit[]; boundaries: Span[] }>();

function clauseBoundaries(s: string): Span[] {
  const boundary = /[,;:]|\s(men|but)\s/g;
  const out: Span[] = [];
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(s)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function clauseAround(boundaries: Span[], length: number, at: number): Span {
  // Binary search for the last boundary before `at`.
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boundaries[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  const before = boundaries[lo - 1];
  const after = boundaries[lo];
  return { start: before ? before.end : 0, end: after ? after.start : length };
}

/** At most this many matches of one pattern are weighed per unit: no real sentence states more,
 * and a hostile one cannot make the reader do quadratic work. */
export const MAX_MATCHES_PER_UNIT = 16;

/** Strength of a requirement found at `at` in `unit`: its own modal words, else its section, else required. */
export function strengthAt(unit: Unit, at: number): Strength | 'negated' {
  const modal = modalAt(unit, at);
  if (modal !== null) return modal;
  return unit.block.section.strength ?? 'required';
}

/** True when the unit sits under a heading that lists requirements (required or preferred). */
export function inRequirementSection(unit: Unit): boolean {
  const k = unit.block.section.kind;
  return k === 'requirements' || k === 'preferred' || k === 'education';
}
