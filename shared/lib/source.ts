/**
 * Turns plain text, HTML or DOM-derived blocks into an AdSource: the visible ad text as blocks in
 * reading order, plus any schema.org JobPosting objects. Pure TypeScript, no DOM; every pass is
 * linear in the input, so a hostile page cannot stall the reader.
 */
import type { AdSource, Block, BlockKind } from './types.ts';
import type { WorkCounter } from './work.ts';
import { findJobPostings, isJsonLdType, MAX_JOB_POSTINGS, parseJsonLd } from './source/json-ld.ts';

export { findJobPostings, type JobPosting } from './source/json-ld.ts';

export interface BlockInput {
  kind: BlockKind;
  level?: number;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Blocks → AdSource

/**
 * Joins blocks with "\n" into AdSource.text. Block text is trimmed, line endings become "\n" and
 * runs of spaces collapse; empty blocks are dropped.
 */
export function sourceFromBlocks(blocks: BlockInput[], jobPostings: unknown[] = []): AdSource {
  return joinBlocks(blocks, jobPostings, true);
}

/** `clean` is off for blocks this module built itself (already trimmed and collapsed). */
function joinBlocks(blocks: BlockInput[], jobPostings: unknown[], clean: boolean): AdSource {
  const out: Block[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const block of blocks) {
    const text = clean ? cleanBlockText(block.text) : block.text;
    if (text === '') continue;
    if (parts.length > 0) offset += 1; // the joining "\n"
    const level = block.kind === 'heading' ? clampLevel(block.level) : 0;
    out.push({ kind: block.kind, level, start: offset, end: offset + text.length });
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join('\n'), blocks: out, jobPostings: [...jobPostings] };
}

function cleanBlockText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .trim();
}

function clampLevel(level: number | undefined): number {
  if (level === undefined || !Number.isFinite(level)) return 3;
  return Math.min(6, Math.max(1, Math.round(level)));
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** Heading level given to headings recognised by their wording (NAV and Webcruiter use h3). */
const INFERRED_HEADING_LEVEL = 3;

/** List markers in plain text, /^(?:[-–•*·▪●◦]|\d{1,2}[.)])[ \t\u00a0]+/ (listMarkerEnd). */

/**
 * Words section headings are made of, in Norwegian (bokmål, nynorsk) and English ads. A short line
 * made only of these ("Kvalifikasjoner", "Ønskede kvalifikasjoner", "Om stillingen", "Vi tilbyr") is
 * a heading; a requirement line ("Erfaring fra patologi vektlegges") always has some other word.
 */
const HEADING_WORDS = new Set([
  'kvalifikasjoner', 'kvalifikasjonar', 'kvalifikasjonskrav', 'krav', 'ønskede', 'ønskelige', 'ønskja', 'ønskte',
  'ønska', 'faglige', 'faglege', 'formelle', 'formell', 'personlige', 'personlege', 'egenskaper', 'eigenskapar',
  'arbeidsoppgaver', 'arbeidsoppgåver', 'oppgaver', 'oppgåver', 'hovedoppgaver', 'sentrale', 'ansvarsområde',
  'ansvarsområder', 'arbeidsområde', 'arbeidsområder', 'om', 'oss', 'stillingen', 'stillinga', 'jobben',
  'arbeidsplassen', 'arbeidsgiver', 'arbeidsgjevar', 'avdelingen', 'avdelinga', 'virksomheten', 'verksemda',
  'vi', 'me', 'tilbyr', 'tilbyd', 'ønsker', 'ønskjer', 'søker', 'søkjer', 'kan', 'deg', 'du', 'andre',
  'opplysninger', 'opplysningar', 'informasjon', 'utdanning', 'utdanningsretning', 'utdanningsnivå',
  'kompetanse', 'erfaring', 'kontakt', 'kontaktinformasjon', 'kontaktperson', 'kontaktpersoner', 'arbeidssted',
  'arbeidsstad', 'nøkkelinformasjon', 'søknad', 'søknaden', 'søknadsfrist', 'tiltredelse', 'lønn', 'profil',
  'din', 'ditt', 'dine', 'hvem', 'hva', 'kva', 'kven', 'er', 'fakta', 'og', 'til', 'for', 'i', 'å',
  'qualifications', 'requirements', 'responsibilities', 'duties', 'tasks', 'about', 'the', 'job', 'position',
  'role', 'us', 'we', 'offer', 'your', 'you', 'desired', 'preferred', 'required', 'key', 'information', 'contact',
  'benefits', 'skills', 'experience', 'education', 'what', 'who', 'are', 'and', 'other',
]);

/** Whether a single line reads as a section heading ("Kvalifikasjoner", "Ønskede kvalifikasjoner:"). */
export function isHeadingLine(line: string): boolean {
  if (line.length > 200) return false; // cheap exit before trimming a long line
  const trimmed = line.trim();
  if (!mayBeHeadingLine(trimmed, 0, trimmed.length, true)) return false;
  const colon = trimmed.charCodeAt(trimmed.length - 1) === 0x3a;
  const body = colon ? trimmed.slice(0, -1).trimEnd() : trimmed;
  if (body.length === 0 || body.includes(':') || !/^\p{Lu}/u.test(body)) return false;
  const words = body.toLowerCase().split(/[\s/]+/);
  if (colon && words.length <= 6) return true;
  return words.length <= 5 && words.every((w) => HEADING_WORDS.has(w.replace(/[,&]+$/, '')));
}

/**
 * The first checks of isHeadingLine, on the trimmed line s[start, end): a heading starts with a
 * capital letter, does not end in ". ; !", and (without a closing colon) its first word is a
 * heading word. Unless `exact`, that word is only checked without allocating, so "true" means
 * "may be a heading".
 */
function mayBeHeadingLine(s: string, start: number, end: number, exact: boolean): boolean {
  if (end === start || end - start > 60) return false;
  const last = s.charCodeAt(end - 1);
  if (last === 0x2e || last === 0x3b || last === 0x21) return false; // . ; !
  const first = s.charCodeAt(start);
  if (first < 0x80 && !(first >= 0x41 && first <= 0x5a)) return false;
  return last === 0x3a || firstWordIsHeadingWord(s, start, end, exact);
}

/** Whether the first word of the trimmed line s[start, end) (up to white space or "/") is in
 * HEADING_WORDS; unless `exact`, whether it may be (the checks that allocate nothing). */
function firstWordIsHeadingWord(s: string, start: number, end: number, exact: boolean): boolean {
  // First a check of the first two letters, with no scan: most lines fail it.
  const c0 = lowerLatin1(s.charCodeAt(start));
  const c1 = end - start > 1 ? lowerLatin1(s.charCodeAt(start + 1)) : 0;
  if (c0 >= 0 && c1 >= 0 && HEADING_WORD_STARTS[c0 * 0x100 + c1] === 0 && HEADING_WORD_STARTS[c0 * 0x100] === 0) return false;
  let wordEnd = start;
  while (wordEnd < end) {
    const c = s.charCodeAt(wordEnd);
    if (c === 0x2f || isJsSpace(c)) break;
    wordEnd++;
  }
  // A cheap key first (first two letters and length), so most non-headings cost no allocation.
  let len = wordEnd - start;
  while (len > 0 && (s.charCodeAt(start + len - 1) === 0x2c || s.charCodeAt(start + len - 1) === 0x26)) len--;
  const key = headingWordKey(c0, len > 1 ? c1 : 0, len);
  if (key >= 0 && !HEADING_WORD_KEYS.has(key)) return false;
  return !exact || HEADING_WORDS.has(s.slice(start, wordEnd).toLowerCase().replace(/[,&]+$/, ''));
}

/** Lower case of a Latin-1 letter code; -1 beyond Latin-1 (the caller then takes the slow path). */
function lowerLatin1(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 0x20;
  return c > 0xff ? -1 : c;
}

function headingWordKey(c0: number, c1: number, len: number): number {
  return c0 < 0 || c1 < 0 ? -1 : (c0 * 0x100 + c1) * 0x100 + len;
}

/** First two letters of HEADING_WORDS (at c0 * 0x100 + c1), and first letters of one-letter words
 * (at c0 * 0x100): a line whose first two characters are neither starts with no heading word. A
 * table rather than a Set: it is asked once per line of plain text. */
const HEADING_WORD_STARTS = new Uint8Array(0x10000);
for (const w of HEADING_WORDS) HEADING_WORD_STARTS[w.charCodeAt(0) * 0x100 + (w.length > 1 ? w.charCodeAt(1) : 0)] = 1;

/** Keys of HEADING_WORDS: a word whose key is not here is not a heading word (its lower case
 * has another first letter, second letter or length — Latin-1 letters keep their length). */
const HEADING_WORD_KEYS = new Set([...HEADING_WORDS].map((w) => headingWordKey(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0, w.length)));

/** White space as String.prototype.trim and RegExp \s see it. */
function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Plain text: blank lines separate paragraphs; "- ", "• ", "* " (and "1. ") start list items;
 * heading-like lines become headings. A short first line followed by a blank line is the ad title
 * (the layout of copied ads and of the corpus: title, blank line, description).
 *
 * One pass over the lines by index. A block's lines are kept as a span of the input while they
 * follow each other with a bare "\n" between them (as they do in most text), so a paragraph of many
 * lines is one slice rather than a string per line; a line is only sliced out on its own when it
 * may be a heading.
 */
export function sourceFromText(text: string, work?: WorkCounter): AdSource {
  /** Characters looked at (work counter): the lines, the searches for their ends, heading checks. */
  let steps = 0;
  // The AdSource being built, as joinBlocks builds it; the open block is kept apart until it ends.
  const blocks: Block[] = [];
  const parts: string[] = [];
  let offset = 0;
  let kind: BlockKind | null = null;
  // The open block's text: `body`, then text[spanFrom, spanTo).
  let body = '';
  let spanFrom = 0;
  let spanTo = 0;
  let lines = 0;
  const open = (k: BlockKind, from: number, to: number): void => {
    kind = k;
    body = '';
    spanFrom = from;
    spanTo = to;
  };
  /** Adds the line text[from, to) to the open block, after a "\n". */
  const addLine = (from: number, to: number): void => {
    if (from !== spanTo + 1 || text.charCodeAt(spanTo) !== 0x0a) {
      body += text.slice(spanFrom, spanTo) + '\n';
      spanFrom = from;
    }
    spanTo = to;
  };
  const finish = (): void => {
    if (kind === null) return;
    const blockText = body === '' ? text.slice(spanFrom, spanTo) : body + text.slice(spanFrom, spanTo);
    if (parts.length > 0) offset += 1; // the joining "\n"
    blocks.push({ kind, level: 0, start: offset, end: offset + blockText.length });
    parts.push(blockText);
    offset += blockText.length;
    kind = null;
  };
  // Whether the first block is a one-line paragraph that a blank line ends.
  let titleCandidate = false;
  const headingLines = new Map<string, boolean>();
  const n = text.length;
  // Lines end at \r\n, \r, \n, U+2028 or U+2029. The next position of each is kept and only
  // searched again once passed: every character is looked at a bounded number of times.
  const breaks = ['\n', '\r', '\u2028', '\u2029'];
  const nextBreak = breaks.map(() => -1);
  let lineStart = 0;
  while (lineStart <= n) {
    let lineEnd = n;
    for (let b = 0; b < breaks.length; b++) {
      let at = nextBreak[b]!;
      if (at < lineStart && at !== n) {
        at = text.indexOf(breaks[b]!, lineStart);
        if (at < 0) at = n;
        steps += at - lineStart;
        nextBreak[b] = at;
      }
      if (at < lineEnd) lineEnd = at;
    }
    const next = lineEnd >= n ? n + 1 : text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a ? lineEnd + 2 : lineEnd + 1;
    // The line, trimmed (as String.prototype.trim does).
    let s = lineStart;
    let e = lineEnd;
    while (s < e && isJsSpace(text.charCodeAt(s))) s++;
    while (e > s && isJsSpace(text.charCodeAt(e - 1))) e--;
    const indented = s > lineStart;
    steps += next - lineStart;
    lineStart = next;
    if (s === e) {
      if (kind === 'paragraph' && blocks.length === 0 && lines === 1) titleCandidate = true;
      finish();
      continue;
    }
    const itemStart = listMarkerEnd(text, s, e);
    if (itemStart >= 0) {
      finish();
      open('list-item', itemStart, e);
      lines = 1;
      continue;
    }
    let heading = false;
    if (mayBeHeadingLine(text, s, e, false)) {
      const line = text.slice(s, e);
      steps += e - s;
      let known = headingLines.get(line);
      if (known === undefined) {
        known = isHeadingLine(line);
        // Pages repeat their headings: remember a bounded number of lines.
        if (headingLines.size < 1000) headingLines.set(line, known);
      }
      heading = known;
    }
    if (heading) {
      finish();
      open('heading', s, e);
      finish();
      blocks[blocks.length - 1]!.level = INFERRED_HEADING_LEVEL;
      continue;
    }
    if (kind === 'paragraph' || (kind === 'list-item' && indented)) {
      addLine(s, e);
      lines++;
    } else {
      finish();
      open('paragraph', s, e);
      lines = 1;
    }
  }
  finish();
  if (work) work.steps += steps + blocks.length;
  const first = blocks[0];
  if (titleCandidate && first && blocks.length > 1 && first.end - first.start <= 150) first.kind = 'title';
  // Lines are trimmed; inside them the text stays as written, so evidence quotes it verbatim.
  return { text: parts.join('\n'), blocks, jobPostings: [] };
}

/** Where the text of a list item starts after its marker (LIST_MARKER) in the trimmed line
 * text[s, e), or -1 when the line has no marker. */
function listMarkerEnd(text: string, s: number, e: number): number {
  let p = s;
  const c = text.charCodeAt(p);
  if (c === 0x2d || c === 0x2013 || c === 0x2022 || c === 0x2a || c === 0xb7 || c === 0x25aa || c === 0x25cf || c === 0x25e6) {
    p++;
  } else if (c >= 0x30 && c <= 0x39) {
    p++;
    const d = text.charCodeAt(p);
    if (d >= 0x30 && d <= 0x39) p++;
    const close = text.charCodeAt(p);
    if (close !== 0x2e && close !== 0x29) return -1;
    p++;
  } else {
    return -1;
  }
  const start = p;
  while (p < e) {
    const sp = text.charCodeAt(p);
    if (sp !== 0x20 && sp !== 0x09 && sp !== 0xa0) break;
    p++;
  }
  return p > start && p < e ? p : -1;
}

// ---------------------------------------------------------------------------------------------
// HTML

const VOID_ELEMENTS = [
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'keygen', 'frame', 'basefont', 'bgsound', 'image',
];

/** Elements whose content is raw text up to their end tag. */
const RAW_TEXT_ELEMENTS = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'];

/** Elements whose content is never part of the ad text. */
const DROPPED_ELEMENTS = ['template', 'svg', 'math', 'select', 'object', 'canvas', 'head', 'datalist'];

const BLOCK_ELEMENTS = [
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote',
  'pre', 'figure', 'figcaption', 'form', 'fieldset', 'legend', 'address', 'hr', 'br', 'body', 'html', 'details',
  'summary', 'center', 'hgroup', 'menu', 'option', 'button', 'label',
];

const BOLD_ELEMENTS = ['strong', 'b'];

/** Elements that start a list item (unless inside a heading). */
const ITEM_ELEMENTS = ['li', 'dt', 'dd'];

// What the parser needs to know about an element name, as bits of one number: one map lookup per tag.
const IS_VOID = 1;
const IS_RAW_TEXT = 2;
const IS_DROPPED = 4;
const IS_BLOCK = 8;
const IS_BOLD = 16;
const IS_ITEM = 32;
/** Bits 8-10: the heading level of h1-h6. */
const HEADING_SHIFT = 8;

/** Other names common in ads, given an id up front so that they need no per-page id. */
const INLINE_ELEMENTS = ['span', 'a', 'i', 'em', 'u', 's', 'small', 'sup', 'sub', 'font', 'mark', 'abbr', 'cite', 'code', 'time', 'picture'];

/** Bits 12 and up: the element's id (1, 2, ...), so open elements are counted in an array. */
const ID_SHIFT = 12;
const INFO_MASK = (1 << ID_SHIFT) - 1;

const ELEMENT_INFO = new Map<string, number>();
for (const [names, bit] of [
  [VOID_ELEMENTS, IS_VOID],
  [RAW_TEXT_ELEMENTS, IS_RAW_TEXT],
  [DROPPED_ELEMENTS, IS_DROPPED],
  [BLOCK_ELEMENTS, IS_BLOCK],
  [BOLD_ELEMENTS, IS_BOLD],
  [ITEM_ELEMENTS, IS_ITEM],
  [INLINE_ELEMENTS, 0],
] as const) {
  for (const name of names) ELEMENT_INFO.set(name, (ELEMENT_INFO.get(name) ?? 0) | bit);
}
for (let level = 1; level <= 6; level++) ELEMENT_INFO.set(`h${level}`, (ELEMENT_INFO.get(`h${level}`) ?? 0) | (level << HEADING_SHIFT));
{
  let id = 0;
  for (const [name, info] of [...ELEMENT_INFO]) ELEMENT_INFO.set(name, (info & INFO_MASK) | (++id << ID_SHIFT));
}
const idOf = (name: string): number => ELEMENT_INFO.get(name)! >> ID_SHIFT;
const ID_P = idOf('p');
const ID_LI = idOf('li');
const ID_DT = idOf('dt');
const ID_DD = idOf('dd');
const ID_BR = idOf('br');
const ID_BODY = idOf('body');
const ID_HEAD = idOf('head');
const ID_SCRIPT = idOf('script');
/** The id of "</>"-style bogus end tags and of the root: never counted as open. */
const ID_NONE = 0;
const FIRST_PAGE_ID = ELEMENT_INFO.size + 1;

/**
 * ELEMENT_INFO as an open-addressing table keyed by a hash of the name's characters, so that a
 * known name (ASCII letters and digits) is found straight from the HTML, without slicing it out.
 * Each entry is checked against the name's code (nameCode): one comparison, not one per character.
 */
const KNOWN_NAMES = [...ELEMENT_INFO.keys()];
const KNOWN_INFO = KNOWN_NAMES.map((name) => ELEMENT_INFO.get(name)!);
const NAME_TABLE_BITS = 9;
/** Slot → 1 + index into KNOWN_NAMES; 0 for an empty slot. */
const NAME_TABLE = new Int16Array(1 << NAME_TABLE_BITS);

function nameHash(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

/**
 * A name of ASCII letters and digits, lower-cased, as a number in base 37 (a-z: 1-26, 0-9: 27-36).
 * Exact, so equal codes mean equal names, up to MAX_CODED_NAME characters (37^10 < 2^53); every
 * known name is that short.
 */
function nameCode(code: number, c: number): number {
  return code * 37 + (c >= 0x61 ? c - 0x60 : c - 0x30 + 27);
}
const MAX_CODED_NAME = 10;

const KNOWN_CODES = Float64Array.from(KNOWN_NAMES, (name) => {
  if (name.length > MAX_CODED_NAME) throw new Error(`element name longer than ${MAX_CODED_NAME}: ${name}`);
  let code = 0;
  for (let j = 0; j < name.length; j++) code = nameCode(code, name.charCodeAt(j));
  return code;
});

for (let k = 0; k < KNOWN_NAMES.length; k++) {
  const name = KNOWN_NAMES[k]!;
  let h = 0;
  for (let j = 0; j < name.length; j++) h = nameHash(h, name.charCodeAt(j));
  let slot = h & ((1 << NAME_TABLE_BITS) - 1);
  while (NAME_TABLE[slot] !== 0) slot = (slot + 1) & ((1 << NAME_TABLE_BITS) - 1);
  NAME_TABLE[slot] = k + 1;
}

/** Index into KNOWN_NAMES of the name with hash h and code `code` (at most MAX_CODED_NAME
 * lower-cased ASCII letters and digits), or -1. */
function knownName(h: number, code: number): number {
  let slot = h & ((1 << NAME_TABLE_BITS) - 1);
  for (;;) {
    const entry = NAME_TABLE[slot]!;
    if (entry === 0) return -1;
    if (KNOWN_CODES[entry - 1] === code) return entry - 1;
    slot = (slot + 1) & ((1 << NAME_TABLE_BITS) - 1);
  }
}

function lowerAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/** Block kinds an open element can give its text, as the 2-bit codes of the parser's stack. */
const KIND_CODE: Record<BlockKind, number> = { paragraph: 0, heading: 1, 'list-item': 2, title: 3 };
const KIND_OF_CODE: BlockKind[] = ['paragraph', 'heading', 'list-item', 'title'];

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** A parsed tag. parseTag fills one of these per call of sourceFromHtml (no object per tag). */
interface Tag {
  name: string;
  /** ELEMENT_INFO of the name, or -1 for a name outside it. */
  info: number;
  end: boolean;
  /** Only the attributes in WANTED_ATTRIBUTES. */
  attrs: ReadonlyMap<string, string>;
  /** Index just after the tag's ">". */
  next: number;
}

/** Heading level for a short all-bold paragraph ("<p><strong>Kvalifikasjoner</strong></p>"). */
const BOLD_HEADING_LEVEL = 4;

/**
 * Tolerant HTML → AdSource. Headings, list items and paragraphs become blocks; <br> splits a
 * paragraph (inside a list item it becomes a line break); hidden and non-visible content is dropped;
 * JSON-LD JobPosting objects are collected.
 *
 * One left-to-right pass: indexOf finds each "<"; a tag costs one map lookup and no allocation
 * beyond its name; open elements live in parallel arrays, counted by element id; blocks go
 * straight into the AdSource.
 */
export function sourceFromHtml(html: string, work?: WorkCounter): AdSource {
  const jobPostings: unknown[] = [];
  /** Work counter: characters scanned (text, tags, searches), blocks built, elements pushed and popped. */
  let steps = 0;
  // Open elements at indexes 1..depth, innermost last; index 0 is the root. Typed arrays, grown by
  // doubling; entries above depth are stale. stackState packs kind (KIND_CODE), level and hidden.
  // top* mirror entry `depth`.
  let depth = 0;
  let stackId = new Int32Array(64);
  let stackState = new Int32Array(64);
  let stackBold = new Int32Array(64);
  let topId = ID_NONE;
  let topKind: BlockKind = 'paragraph';
  /** KIND_CODE[topKind], kept beside it (a lookup by string per tag is not free). */
  let topKindCode = KIND_CODE.paragraph;
  let topLevel = 0;
  let topHidden = false;
  let topBold = 0;
  /** openCount[id]: how many elements with that id are open. */
  let openCount = new Int32Array(FIRST_PAGE_ID + 64);
  /** Ids of element names outside ELEMENT_INFO, given out as they appear. */
  const pageIds = new Map<string, number>();

  // The AdSource being built (as joinBlocks would build it from the blocks).
  const outBlocks: Block[] = [];
  const parts: string[] = [];
  let offset = 0;

  let text = '';
  let endsWithNewline = false;
  let pendingSpace = false;
  let blockKind: BlockKind = 'paragraph';
  let blockLevel = 0;
  let allBold = true;

  const flush = (): void => {
    if (text !== '') {
      steps += text.length;
      if (endsWithNewline) text = text.slice(0, -1);
      if (text !== '') {
        let kind = blockKind;
        let level = blockLevel;
        if (kind === 'paragraph' && isBulletMarker(text)) {
          // Lists typed as lines of "- item" (Webcruiter does this with <br>).
          kind = 'list-item';
          text = text.slice(2);
        } else if (allBold && looksLikeBoldHeading(text, kind)) {
          kind = 'heading';
          level = BOLD_HEADING_LEVEL;
        }
        if (text !== '') {
          if (parts.length > 0) offset += 1; // the joining "\n"
          outBlocks.push({ kind, level: kind === 'heading' ? clampLevel(level) : 0, start: offset, end: offset + text.length });
          parts.push(text);
          offset += text.length;
        }
      }
      text = '';
    }
    endsWithNewline = false;
    pendingSpace = false;
    allBold = true;
  };

  /** Appends html[from, to). `plain`: the caller saw no "&" and no white space but single
   * spaces, so that only a space at either end needs handling. */
  const appendText = (from: number, to: number, plain: boolean): void => {
    if (topHidden) return;
    steps += to - from;
    // The text without the white space at its ends (and without other white space, U+2003 or
    // \v, that collapsing keeps but trimming drops); whether there was some at the start, the end.
    let core: string;
    let lead: boolean;
    let trail: boolean;
    if (plain) {
      lead = html.charCodeAt(from) === 0x20;
      trail = to - from > 1 && html.charCodeAt(to - 1) === 0x20;
      core = html.slice(lead ? from + 1 : from, trail ? to - 1 : to);
    } else {
      core = decodeAndCollapse(html, from, to).trim();
      lead = collapsedLead;
      trail = collapsedTrail;
    }
    if (lead && text !== '' && !endsWithNewline) pendingSpace = true;
    if (core === '') return;
    if (text === '') {
      blockKind = topKind;
      blockLevel = topLevel;
      text = core;
    } else {
      text = pendingSpace ? text + ' ' + core : text + core;
    }
    endsWithNewline = false;
    pendingSpace = trail;
    if (topBold === 0) allBold = false;
  };

  const lineBreak = (): void => {
    if (topHidden) return;
    if (topKind === 'list-item') {
      if (text !== '' && !endsWithNewline) text += '\n';
      endsWithNewline = text !== '';
      pendingSpace = false;
    } else if (topKind === 'heading') {
      if (text !== '') pendingSpace = true;
    } else {
      flush();
    }
  };

  const push = (id: number, info: number, attrs: ReadonlyMap<string, string>): void => {
    const headingLevel = (info >> HEADING_SHIFT) & 7;
    if (headingLevel !== 0) {
      topKind = 'heading';
      topKindCode = KIND_CODE.heading;
      topLevel = headingLevel;
    } else if ((info & IS_ITEM) !== 0 && topKind !== 'heading') {
      topKind = 'list-item';
      topKindCode = KIND_CODE['list-item'];
      topLevel = 0;
    }
    topHidden = topHidden || (info & IS_DROPPED) !== 0 || isHiddenByAttributes(attrs);
    if ((info & IS_BOLD) !== 0) topBold++;
    topId = id;
    depth++;
    if (depth === stackId.length) {
      stackId = grown(stackId);
      stackState = grown(stackState);
      stackBold = grown(stackBold);
    }
    stackId[depth] = id;
    stackState[depth] = topKindCode | (topLevel << 2) | (topHidden ? 32 : 0);
    stackBold[depth] = topBold;
    openCount[id]!++;
    steps++;
  };

  const popTo = (id: number): void => {
    if (openCount[id] === 0) return;
    while (depth > 0) {
      const popped = stackId[depth]!;
      openCount[popped]!--;
      depth--;
      steps++;
      if (popped === id) break;
    }
    if (depth === 0) {
      topId = ID_NONE;
      topKind = 'paragraph';
      topKindCode = KIND_CODE.paragraph;
      topLevel = 0;
      topHidden = false;
      topBold = 0;
      return;
    }
    const state = stackState[depth]!;
    topId = stackId[depth]!;
    topKindCode = state & 3;
    topKind = KIND_OF_CODE[topKindCode]!;
    topLevel = (state >> 2) & 7;
    topHidden = (state & 32) !== 0;
    topBold = stackBold[depth]!;
  };

  const tag: Tag = { name: '', info: -1, end: false, attrs: NO_ATTRIBUTES, next: 0 };
  const n = html.length;
  let i = 0;
  // Text runs from textFrom up to the next real tag; a "<" that starts no tag stays in the run.
  let textFrom = 0;
  let searchFrom = 0;
  while (i < n) {
    // The next "<". While the text before it is plain (see appendText) a loop looks for it, so
    // that plain text is read once; once it is not, indexOf finds the "<" and appendText reads it.
    let lt = searchFrom;
    let plain = searchFrom === textFrom;
    let afterSpace = false;
    while (plain && lt < n) {
      const c = html.charCodeAt(lt);
      if (c === 0x3c) break;
      if (c === 0x20) {
        // Single spaces are plain (two in a row collapse).
        if (afterSpace) plain = false;
        afterSpace = true;
      } else if (c <= 0x26 || c === 0xa0 || c >= 0x1680) {
        // Other white space, "&" (and some harmless ASCII below it), no-break and other Unicode spaces.
        plain = false;
      } else {
        afterSpace = false;
      }
      lt++;
    }
    steps += lt - searchFrom;
    if (!plain) {
      const from = lt;
      lt = lt < n ? html.indexOf('<', lt) : -1;
      steps += (lt < 0 ? n : lt) - from;
    }
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    let resume: number;
    let isTag = false;
    if (next === 0x21 /* ! */) {
      const isComment = html.startsWith('<!--', lt);
      const close = html.indexOf(isComment ? '-->' : '>', lt + 2);
      resume = close < 0 ? n : close + (isComment ? 3 : 1);
      steps += resume - lt;
    } else if (next === 0x3f /* ? */) {
      const close = html.indexOf('>', lt + 2);
      resume = close < 0 ? n : close + 1;
      steps += resume - lt;
    } else {
      if (!parseTag(html, lt, next, tag)) {
        searchFrom = lt + 1;
        steps++;
        continue;
      }
      steps += tag.next - lt;
      isTag = true;
      resume = tag.next;
    }
    if (lt > textFrom) appendText(textFrom, lt, plain);
    i = resume;
    textFrom = resume;
    searchFrom = resume;
    if (!isTag) continue;
    const name = tag.name;
    let info = tag.info;
    if (info < 0) {
      let id = pageIds.get(name);
      if (id === undefined) {
        id = name === '#bogus' ? ID_NONE : FIRST_PAGE_ID + pageIds.size;
        pageIds.set(name, id);
        if (id >= openCount.length) openCount = grown(openCount);
      }
      info = id << ID_SHIFT;
    }
    const id = info >> ID_SHIFT;
    if (tag.end) {
      if (id === ID_BR) {
        lineBreak();
        continue;
      }
      if ((info & IS_BLOCK) !== 0) flush();
      popTo(id);
      continue;
    }
    if (id === ID_BR) {
      lineBreak();
      continue;
    }
    if ((info & IS_RAW_TEXT) !== 0) {
      // Never ad text: scripts, styles, the tab title, noscript (inactive with scripting on).
      const close = findEndTag(html, tag.next, name);
      steps += close.steps;
      if (id === ID_SCRIPT && isJsonLdType(tag.attrs.get('type'))) {
        steps += close.start - tag.next;
        jobPostings.push(...findJobPostings(parseJsonLd(html.slice(tag.next, close.start)), MAX_JOB_POSTINGS - jobPostings.length));
      }
      i = close.next;
      textFrom = i;
      searchFrom = i;
      continue;
    }
    if (id === ID_BODY) popTo(ID_HEAD); // a <head> left open ends where the body starts
    if ((info & IS_BLOCK) !== 0) {
      flush();
      // An open <p> cannot contain blocks; an open <li> ends at the next <li>.
      if (topId === ID_P) popTo(ID_P);
      if ((id === ID_LI && topId === ID_LI) || ((id === ID_DT || id === ID_DD) && (topId === ID_DT || topId === ID_DD))) {
        popTo(topId);
      }
    }
    // Void elements carry no text (an img alt is usually a logo name). A "/>" on other elements
    // is ignored, as browsers do.
    if ((info & IS_VOID) !== 0) continue;
    push(id, info, tag.attrs);
  }
  if (textFrom < n) appendText(textFrom, n, false);
  flush();
  if (work) work.steps += steps;
  return { text: parts.join('\n'), blocks: outBlocks, jobPostings };
}

/** "- item", "• item": a paragraph typed as a bullet list item. In HTML only bullets count: a
 * paragraph starting "2. " is more often a date or an ordinal. */
function isBulletMarker(text: string): boolean {
  if (text.charCodeAt(1) !== 0x20) return false;
  const c = text.charCodeAt(0);
  return c === 0x2d || c === 0x2013 || c === 0x2022 || c === 0x2a || c === 0xb7 || c === 0x25aa || c === 0x25cf || c === 0x25e6;
}

function isCollapsibleSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0xa0;
}

/** Whether s[at] starts a collapsible space: the character itself or a reference to one ("&nbsp;",
 * "&#10;"). Sets referenceEnd to where it ends. */
function spaceAt(s: string, at: number, end: number): boolean {
  const c = s.charCodeAt(at);
  if (c === 0x26) {
    const decoded = decodeReference(s, at, end);
    return decoded !== null && decoded.length === 1 && isCollapsibleSpace(decoded.charCodeAt(0));
  }
  referenceEnd = at + 1;
  return isCollapsibleSpace(c);
}

/** Whether the last decodeAndCollapse call found white space at the start, and at the end. */
let collapsedLead = false;
let collapsedTrail = false;

/**
 * The text of html[from, to) as a browser shows it: character references decoded, each run of HTML
 * white space (and no-break spaces, written or referenced) made one space — what
 * collapse(decodeEntities(html.slice(from, to))) gives, in one pass with no intermediate strings
 * (runs dense with references, "&amp;&aelig;&nbsp", cost several passes and a copy per step).
 * A run at the start or the end is left out and reported in collapsedLead and collapsedTrail.
 */
function decodeAndCollapse(html: string, from: number, to: number): string {
  let out = '';
  let copied = from; // html[copied, i) is not yet in out
  let i = from;
  collapsedLead = false;
  collapsedTrail = false;
  while (i < to) {
    const c = html.charCodeAt(i);
    if (c === 0x26) {
      const decoded = decodeReference(html, i, to);
      if (decoded === null) {
        i++;
        continue;
      }
      if (decoded.length !== 1 || !isCollapsibleSpace(decoded.charCodeAt(0))) {
        out += html.slice(copied, i) + decoded;
        copied = referenceEnd;
        i = referenceEnd;
        continue;
      }
    } else if (isCollapsibleSpace(c)) {
      referenceEnd = i + 1;
    } else {
      i++;
      continue;
    }
    // A run of white space: left out at either end; inside, one plain space stays as written and
    // anything else becomes " ".
    const runStart = i;
    i = referenceEnd;
    while (i < to && spaceAt(html, i, to)) i = referenceEnd;
    if (runStart === from) {
      collapsedLead = true;
      copied = i;
    } else if (i >= to) {
      collapsedTrail = true;
      return out + html.slice(copied, runStart);
    } else if (c !== 0x20 || i > runStart + 1) {
      out += html.slice(copied, runStart) + ' ';
      copied = i;
    }
  }
  return copied === from ? html.slice(from, to) : out + html.slice(copied, to);
}

function looksLikeBoldHeading(text: string, kind: BlockKind): boolean {
  if (kind === 'heading' || kind === 'title') return false;
  if (text.includes('\n')) return false;
  if (kind === 'list-item') return isHeadingLine(text);
  if (text.length > 100) return false;
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x2e || last === 0x3b || last === 0x21) return false; // [.;!]$
  // !/:\s*\S/: no colon, or only white space after the first one.
  const colon = text.indexOf(':');
  if (colon < 0) return true;
  for (let j = colon + 1; j < text.length; j++) if (!isJsSpace(text.charCodeAt(j))) return false;
  return true;
}

function isHiddenByAttributes(attrs: ReadonlyMap<string, string>): boolean {
  if (attrs.size === 0) return false;
  if (attrs.has('hidden')) return true;
  if ((attrs.get('aria-hidden') ?? '').trim().toLowerCase() === 'true') return true;
  const style = attrs.get('style');
  if (style !== undefined) {
    const compact = style.toLowerCase().replace(/\s+/g, '');
    if (/(?:^|;)display:none(?:!important)?(?:;|$)/.test(compact)) return true;
    if (/(?:^|;)visibility:hidden(?:!important)?(?:;|$)/.test(compact)) return true;
  }
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** The attributes the reader looks at; others are skipped without being stored. */
const WANTED_ATTRIBUTES = new Set(['hidden', 'aria-hidden', 'style', 'type']);
/** Their lengths: an attribute name of another length is skipped without being sliced. */
const WANTED_LENGTHS = new Set([...WANTED_ATTRIBUTES].map((a) => a.length));
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/**
 * Parses a start or end tag at html[at] === "<" into `tag`; `next` is the character after the "<"
 * (the caller has read it). Returns false when "<" does not start a tag (it is then text). A tag
 * with no closing ">" runs to the end of the input, as in browsers.
 */
function parseTag(html: string, at: number, next: number, tag: Tag): boolean {
  const n = html.length;
  let i = at + 1;
  let end = false;
  let c = next;
  if (c === 0x2f) {
    end = true;
    c = html.charCodeAt(++i);
  }
  if (!isAsciiLetter(c)) {
    if (!end) return false;
    // "</>" or "</ 3" — a bogus comment up to ">".
    const close = html.indexOf('>', i);
    tag.name = '#bogus';
    tag.info = -1;
    tag.end = true;
    tag.attrs = NO_ATTRIBUTES;
    tag.next = close < 0 ? n : close + 1;
    return true;
  }
  const nameStart = i;
  // simple: only ASCII letters and digits, whose lower-cased hash is h and code is `code`.
  let simple = true;
  let h = 0;
  let code = 0;
  while (i < n) {
    c = html.charCodeAt(i);
    if (isHtmlSpace(c) || c === 0x2f || c === 0x3e) break;
    if (simple) {
      if (isAsciiLetter(c) || (c >= 0x30 && c <= 0x39)) {
        const lower = lowerAscii(c);
        h = nameHash(h, lower);
        code = nameCode(code, lower);
      } else simple = false;
    }
    i++;
  }
  const known = simple && i - nameStart <= MAX_CODED_NAME ? knownName(h, code) : -1;
  if (known >= 0) {
    tag.name = KNOWN_NAMES[known]!;
    tag.info = KNOWN_INFO[known]!;
  } else {
    tag.name = html.slice(nameStart, i).toLowerCase();
    tag.info = simple ? -1 : (ELEMENT_INFO.get(tag.name) ?? -1);
  }
  tag.end = end;
  tag.attrs = NO_ATTRIBUTES;
  // The common "<p>": no attributes, and its ">" is the character the name ended at.
  if (c === 0x3e && i < n) {
    tag.next = i + 1;
    return true;
  }
  let attrs: Map<string, string> | null = null;
  while (i < n) {
    c = html.charCodeAt(i);
    if (isHtmlSpace(c)) {
      i++;
      continue;
    }
    if (c === 0x3e) {
      tag.attrs = attrs ?? NO_ATTRIBUTES;
      tag.next = i + 1;
      return true;
    }
    if (c === 0x2f) {
      // "/>" closes nothing in HTML: browsers ignore the slash.
      i++;
      continue;
    }
    // Attribute name.
    const attrStart = i;
    i++;
    while (i < n) {
      c = html.charCodeAt(i);
      if (isHtmlSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d) break;
      i++;
    }
    const attrName = !end && WANTED_LENGTHS.has(i - attrStart) ? html.slice(attrStart, i).toLowerCase() : '';
    const wanted = attrName !== '' && WANTED_ATTRIBUTES.has(attrName) && !attrs?.has(attrName);
    while (i < n && isHtmlSpace(html.charCodeAt(i))) i++;
    let valueStart = i;
    let valueEnd = i;
    if (html.charCodeAt(i) === 0x3d) {
      i++;
      while (i < n && isHtmlSpace(html.charCodeAt(i))) i++;
      const q = html.charCodeAt(i);
      if (q === 0x22 || q === 0x27) {
        const close = html.indexOf(q === 0x22 ? '"' : "'", i + 1);
        valueStart = i + 1;
        valueEnd = close < 0 ? n : close;
        i = close < 0 ? n : close + 1;
      } else {
        valueStart = i;
        while (i < n) {
          c = html.charCodeAt(i);
          if (isHtmlSpace(c) || c === 0x3e) break;
          i++;
        }
        valueEnd = i;
      }
    }
    if (wanted) {
      attrs ??= new Map();
      attrs.set(attrName, decodeEntities(html.slice(valueStart, valueEnd)));
    }
  }
  tag.attrs = attrs ?? NO_ATTRIBUTES;
  tag.next = n;
  return true;
}

/** Finds "</name" (any case) from `from`; returns where the content ends, where parsing resumes
 * and the characters looked at (work counter). */
function findEndTag(html: string, from: number, name: string): { start: number; next: number; steps: number } {
  let at = from;
  let steps = 0;
  for (;;) {
    const lt = html.indexOf('</', at);
    if (lt < 0) return { start: html.length, next: html.length, steps: steps + html.length - at };
    const after = lt + 2 + name.length;
    steps += after - at;
    if (html.slice(lt + 2, after).toLowerCase() === name) {
      const c = html.charCodeAt(after);
      if (Number.isNaN(c) || isHtmlSpace(c) || c === 0x2f || c === 0x3e) {
        const close = html.indexOf('>', after);
        const next = close < 0 ? html.length : close + 1;
        return { start: lt, next, steps: steps + next - after };
      }
    }
    at = lt + 2;
  }
}

// ---------------------------------------------------------------------------------------------
// Entities

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', aring: 'å', Aring: 'Å',
  auml: 'ä', Auml: 'Ä', ouml: 'ö', Ouml: 'Ö', uuml: 'ü', Uuml: 'Ü', szlig: 'ß',
  eacute: 'é', Eacute: 'É', egrave: 'è', Egrave: 'È', ecirc: 'ê', aacute: 'á', Aacute: 'Á', agrave: 'à',
  acirc: 'â', oacute: 'ó', Oacute: 'Ó', ograve: 'ò', ocirc: 'ô', iacute: 'í', uacute: 'ú', ccedil: 'ç',
  ntilde: 'ñ', atilde: 'ã', otilde: 'õ', euml: 'ë', iuml: 'ï',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£',
  cent: '¢', yen: '¥', deg: '°', sect: '§', para: '¶', times: '×', divide: '÷', plusmn: '±', frac12: '½',
  frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', micro: 'µ', iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º',
  zwj: '\u200d', zwnj: '\u200c', lrm: '\u200e', rlm: '\u200f', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', hyphen: '‐', dash: '‐', minus: '−', larr: '←', rarr: '→', check: '✓',
  Tab: '\t', NewLine: '\n', excl: '!', num: '#', percnt: '%', lpar: '(', rpar: ')', ast: '*', plus: '+',
  comma: ',', period: '.', sol: '/', colon: ':', semi: ';', equals: '=', quest: '?', commat: '@',
  lsqb: '[', rsqb: ']', lowbar: '_', lcub: '{', rcub: '}', verbar: '|',
};

/** Entities browsers also accept without the ";". */
const LEGACY_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'shy', 'aelig', 'AElig', 'oslash', 'Oslash', 'aring', 'Aring', 'copy', 'reg']);

/**
 * NAMED_ENTITIES as an open-addressing table keyed by a hash of the name's characters (case
 * matters), so that a reference is looked up straight from the text, without slicing its name out.
 */
const ENTITY_NAMES = Object.keys(NAMED_ENTITIES);
const ENTITY_VALUES = ENTITY_NAMES.map((name) => NAMED_ENTITIES[name]!);
const ENTITY_LEGACY = Uint8Array.from(ENTITY_NAMES, (name) => (LEGACY_ENTITIES.has(name) ? 1 : 0));
const ENTITY_TABLE_BITS = 10;
const ENTITY_MASK = (1 << ENTITY_TABLE_BITS) - 1;
/** Slot → 1 + index into ENTITY_NAMES; 0 for an empty slot. */
const ENTITY_TABLE = new Int16Array(1 << ENTITY_TABLE_BITS);
for (let k = 0; k < ENTITY_NAMES.length; k++) {
  const name = ENTITY_NAMES[k]!;
  let h = 0;
  for (let j = 0; j < name.length; j++) h = (Math.imul(h, 31) + name.charCodeAt(j)) | 0;
  let slot = h & ENTITY_MASK;
  while (ENTITY_TABLE[slot] !== 0) slot = (slot + 1) & ENTITY_MASK;
  ENTITY_TABLE[slot] = k + 1;
}

/**
 * A reference name of ASCII letters and digits as a number in base 63 (a-z: 1-26, A-Z: 27-52,
 * 0-9: 53-62). Exact, so equal codes mean equal names, up to MAX_CODED_ENTITY characters
 * (63^8 < 2^53); every name in NAMED_ENTITIES is that short.
 */
function entityCode(code: number, c: number): number {
  return code * 63 + (c >= 0x61 ? c - 0x60 : c >= 0x41 ? c - 0x41 + 27 : c - 0x30 + 53);
}
const MAX_CODED_ENTITY = 8;
const ENTITY_CODES = Float64Array.from(ENTITY_NAMES, (name) => {
  if (name.length > MAX_CODED_ENTITY) throw new Error(`entity name longer than ${MAX_CODED_ENTITY}: ${name}`);
  let code = 0;
  for (let j = 0; j < name.length; j++) code = entityCode(code, name.charCodeAt(j));
  return code;
});

/** Index into ENTITY_NAMES of the name with hash h and code `code` (at most MAX_CODED_ENTITY
 * characters), or -1: one comparison per entry, not one per character. */
function entityIndex(h: number, code: number): number {
  let slot = h & ENTITY_MASK;
  for (;;) {
    const entry = ENTITY_TABLE[slot]!;
    if (entry === 0) return -1;
    if (ENTITY_CODES[entry - 1] === code) return entry - 1;
    slot = (slot + 1) & ENTITY_MASK;
  }
}

/** Windows-1252 meanings of the C1 range, which numeric references map to (HTML spec). */
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function decodeNumeric(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  const mapped = WINDOWS_1252[code];
  return String.fromCodePoint(mapped ?? code);
}

/** Where the reference decoded by the last decodeReference call ends (just after it). */
let referenceEnd = 0;

/**
 * Decodes the character reference at s[amp] === "&", looking no further than `end`. Returns its
 * text and sets referenceEnd, or returns null when it is not a reference (it then stays as written).
 */
function decodeReference(s: string, amp: number, end: number): string | null {
  let i = amp + 1;
  let decoded: string | null = null;
  if (s.charCodeAt(i) === 0x23 /* # */) {
    i++;
    const hex = i < end && (s.charCodeAt(i) === 0x78 || s.charCodeAt(i) === 0x58);
    if (hex) i++;
    const digitsStart = i;
    let code = 0;
    while (i < end) {
      const c = s.charCodeAt(i);
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
      if (d < 0) break;
      code = Math.min(0x110000, code * (hex ? 16 : 10) + d);
      i++;
    }
    if (i > digitsStart) {
      decoded = decodeNumeric(code);
      if (i < end && s.charCodeAt(i) === 0x3b) i++;
    }
  } else {
    const nameStart = i;
    let h = 0;
    let code = 0;
    while (i < end && i - nameStart < 32) {
      const c = s.charCodeAt(i);
      if (!isAlnum(c)) break;
      h = (Math.imul(h, 31) + c) | 0;
      code = entityCode(code, c);
      i++;
    }
    if (i > nameStart) {
      const entity = i - nameStart <= MAX_CODED_ENTITY ? entityIndex(h, code) : -1;
      if (entity >= 0 && i < end && s.charCodeAt(i) === 0x3b) {
        decoded = ENTITY_VALUES[entity]!;
        i++;
      } else if (entity >= 0 && ENTITY_LEGACY[entity] === 1) {
        decoded = ENTITY_VALUES[entity]!;
      }
    }
  }
  referenceEnd = i;
  return decoded;
}

/** Decodes character references. Unknown ones stay as written. Linear: one indexOf walk. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0; // s[from, amp) is not yet copied to out
  while (amp >= 0) {
    const decoded = decodeReference(s, amp, s.length);
    if (decoded !== null) {
      out += s.slice(from, amp) + decoded;
      from = referenceEnd;
    }
    amp = s.indexOf('&', decoded === null ? amp + 1 : referenceEnd);
  }
  return out + s.slice(from);
}

function isAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
}

// ---------------------------------------------------------------------------------------------
// Detection

const HTML_TAG_NAMES = new Set([
  'html', 'head', 'body', 'p', 'div', 'br', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'span',
  'strong', 'b', 'em', 'i', 'u', 'a', 'table', 'tr', 'td', 'th', 'section', 'article', 'script', 'meta',
  'main', 'header', 'footer', 'img', 'hr', 'title', 'style', 'link', 'small', 'sup', 'sub', 'font', 'center',
  'dl', 'dt', 'dd', 'blockquote', 'pre', 'nav', 'aside', 'figure', 'label', 'input', 'form', 'button',
]);

/** Whether the input is HTML: a doctype, a comment, or a known tag that is closed by ">". */
export function looksLikeHtml(input: string, work?: WorkCounter): boolean {
  const html = looksLikeHtmlCounted(input);
  if (work) work.steps += html.steps;
  return html.is;
}

function looksLikeHtmlCounted(input: string): { is: boolean; steps: number } {
  let at = nextLessThan(input, 0);
  let nextGt = -2;
  // Characters looked at (work counter): up to the last "<" considered, the names, the ">" search.
  let steps = 0;
  const result = (is: boolean, lastSeen: number): { is: boolean; steps: number } => ({ is, steps: steps + (lastSeen < 0 ? input.length : lastSeen) });
  while (at >= 0) {
    // Each character after the "<" is read once: text dense with "<" has little else.
    let i = at + 1;
    let c = input.charCodeAt(i);
    if (c === 0x21 /* ! */ && (input.startsWith('<!--', at) || /^<!doctype/i.test(input.slice(at, at + 9)))) return result(true, at);
    if (c === 0x2f) c = input.charCodeAt(++i);
    if (!isAsciiLetter(c)) {
      // Every name in HTML_TAG_NAMES starts with a letter: "< ", "<3", "<<" start no tag. In "<<"
      // the next "<" is the character just read.
      at = c === 0x3c && i === at + 1 ? i : nextLessThan(input, at + 1);
      continue;
    }
    const nameStart = i;
    while (i < input.length && i - nameStart < 12 && isAlnum(input.charCodeAt(i))) i++;
    steps += i - nameStart;
    c = input.charCodeAt(i);
    // The character after the name first: it is cheaper to test than the name, which is sliced.
    if ((isHtmlSpace(c) || c === 0x2f || c === 0x3e) && HTML_TAG_NAMES.has(input.slice(nameStart, i).toLowerCase())) {
      if (nextGt !== -1 && nextGt < i) {
        nextGt = input.indexOf('>', i);
        steps += (nextGt < 0 ? input.length : nextGt) - i;
      }
      if (nextGt >= 0) return result(true, at);
      return result(false, at); // no ">" anywhere after this point
    }
    at = nextLessThan(input, at + 1);
  }
  return result(false, -1);
}

/** input.indexOf('<', from). Text full of "<" ("<<< <3") has them a few characters apart, where
 * a plain loop over the next few characters beats a call per "<". */
function nextLessThan(input: string, from: number): number {
  const near = Math.min(input.length, from + 16);
  for (let i = from; i < near; i++) if (input.charCodeAt(i) === 0x3c) return i;
  return near < input.length ? input.indexOf('<', near) : -1;
}

/** HTML by content, else plain text. */
export function sourceFromInput(input: string, work?: WorkCounter): AdSource {
  return looksLikeHtml(input, work) ? sourceFromHtml(input, work) : sourceFromText(input, work);
}
