/**
 * Character references ("&amp;", "&aelig;", "&#230;", "&#xE6;") as browsers decode them, for the
 * names ads use. Unknown references stay as written. Each function reads its input once.
 */
import { codes, isAsciiAlphanumeric, isCollapsibleSpace } from './vocabulary.ts';

/** Named references, by name (case matters). */
const NAMED_ENTITIES = new Map<string, string>(
  Object.entries({
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
  }),
);

/** Named references browsers also accept without the ";". */
const LEGACY_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'shy', 'aelig', 'AElig', 'oslash', 'Oslash', 'aring', 'Aring', 'copy', 'reg']);

/** No name in NAMED_ENTITIES is longer: a longer run of letters is no named reference. */
const MAX_NAME = Math.max(...[...NAMED_ENTITIES.keys()].map((name) => name.length));

/** Windows-1252 meanings of the C1 range, which numeric references map to (HTML spec). */
const WINDOWS_1252 = new Map<number, number>(
  Object.entries({
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
  }).map(([code, meaning]) => [Number(code), meaning]),
);


function decodeNumeric(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(WINDOWS_1252.get(code) ?? code);
}

/** Where the caller's reading has got to: decodeReference sets `at` just after the reference it read. */
export interface Cursor {
  at: number;
}

/**
 * Decodes the character reference at s[amp] === "&", looking no further than `end`. Returns its
 * text and sets cursor.at to just after it, or returns null when it is not a reference (it then
 * stays as written).
 */
export function decodeReference(s: string, amp: number, end: number, cursor: Cursor): string | null {
  let i = amp + 1;
  let decoded: string | null = null;
  if (s.charCodeAt(i) === codes.numberSign) {
    i++;
    const hex = i < end && (s.charCodeAt(i) === codes.lowerX || s.charCodeAt(i) === codes.upperX);
    if (hex) i++;
    const digitsStart = i;
    let code = 0;
    while (i < end) {
      const c = s.charCodeAt(i);
      const lower = c | 0x20;
      const d = c >= codes.digit0 && c <= codes.digit9 ? c - codes.digit0 : hex && lower >= codes.lowerA && lower <= codes.lowerF ? lower - codes.lowerA + 10 : -1;
      if (d < 0) break;
      code = Math.min(0x110000, code * (hex ? 16 : 10) + d);
      i++;
    }
    if (i > digitsStart) {
      decoded = decodeNumeric(code);
      if (i < end && s.charCodeAt(i) === codes.semicolon) i++;
    }
  } else {
    const nameStart = i;
    while (i < end && i - nameStart < 32 && isAsciiAlphanumeric(s.charCodeAt(i))) i++;
    if (i > nameStart && i - nameStart <= MAX_NAME) {
      const name = s.slice(nameStart, i);
      const value = NAMED_ENTITIES.get(name);
      if (value !== undefined && i < end && s.charCodeAt(i) === codes.semicolon) {
        decoded = value;
        i++;
      } else if (value !== undefined && LEGACY_ENTITIES.has(name)) {
        decoded = value;
      }
    }
  }
  cursor.at = i;
  return decoded;
}

/** Decodes character references. Unknown ones stay as written. Linear: one indexOf walk. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  const cursor: Cursor = { at: 0 };
  let out = '';
  let from = 0; // s[from, amp) is not yet copied to out
  while (amp >= 0) {
    const decoded = decodeReference(s, amp, s.length, cursor);
    if (decoded !== null) {
      out += s.slice(from, amp) + decoded;
      from = cursor.at;
    }
    amp = s.indexOf('&', decoded === null ? amp + 1 : cursor.at);
  }
  return out + s.slice(from);
}

/** Whether s[at] starts a collapsible space: the character itself or a reference to one ("&nbsp;",
 * "&#10;"). Sets cursor.at to where it ends. */
function spaceAt(s: string, at: number, end: number, cursor: Cursor): boolean {
  const c = s.charCodeAt(at);
  if (c === codes.ampersand) {
    const decoded = decodeReference(s, at, end, cursor);
    return decoded !== null && decoded.length === 1 && isCollapsibleSpace(decoded.charCodeAt(0));
  }
  cursor.at = at + 1;
  return isCollapsibleSpace(c);
}

/** Text as a browser shows it, and whether white space was left out at its start and at its end. */
export interface Collapsed {
  text: string;
  lead: boolean;
  trail: boolean;
}

/**
 * The text of html[from, to) as a browser shows it: character references decoded, each run of HTML
 * white space (and no-break spaces, written or referenced) made one space — what
 * collapse(decodeEntities(html.slice(from, to))) gives, in one pass with no intermediate strings
 * (runs dense with references, "&amp;&aelig;&nbsp", cost several passes and a copy per step).
 * A run at the start or the end is left out and reported as `lead` and `trail`.
 */
export function decodeAndCollapse(html: string, from: number, to: number): Collapsed {
  const cursor: Cursor = { at: from };
  let out = '';
  let copied = from; // html[copied, i) is not yet in out
  let i = from;
  let lead = false;
  while (i < to) {
    const c = html.charCodeAt(i);
    if (c === codes.ampersand) {
      const decoded = decodeReference(html, i, to, cursor);
      if (decoded === null) {
        i++;
        continue;
      }
      if (decoded.length !== 1 || !isCollapsibleSpace(decoded.charCodeAt(0))) {
        out += html.slice(copied, i) + decoded;
        copied = cursor.at;
        i = cursor.at;
        continue;
      }
    } else if (isCollapsibleSpace(c)) {
      cursor.at = i + 1;
    } else {
      i++;
      continue;
    }
    // A run of white space: left out at either end; inside, one plain space stays as written and
    // anything else becomes " ".
    const runStart = i;
    i = cursor.at;
    while (i < to && spaceAt(html, i, to, cursor)) i = cursor.at;
    if (runStart === from) {
      lead = true;
      copied = i;
    } else if (i >= to) {
      return { text: out + html.slice(copied, runStart), lead, trail: true };
    } else if (c !== codes.space || i > runStart + 1) {
      out += html.slice(copied, runStart) + ' ';
      copied = i;
    }
  }
  return { text: copied === from ? html.slice(from, to) : out + html.slice(copied, to), lead, trail: false };
}
