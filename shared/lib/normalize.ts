/**
 * Normalises ad text into a compact symbol stream for the title detector, in one linear pass.
 *
 * Letters are lowercased and folded (æ/ä → "ae", ø/ö → "oe"); soft hyphens, zero-width characters,
 * combining marks and apostrophes after a letter vanish; every run of non-letters (a "gap") becomes
 * exactly one gap symbol, so a word's neighbours are always one symbol away. `origin[k]` is the
 * UTF-16 index in the original text of symbol k (both halves of "ae" point at the "æ").
 */

/**
 * A regex source for what may stand between two letters of one word as the title detector reads
 * it: white space (a link gap), soft hyphens, zero-width characters, combining marks, apostrophes
 * and hyphens. Pre-filters that look for a spelling in raw text ("sekret") join its letters with
 * this, so that they find every place the detector could match, and more.
 */
export const IN_WORD_JOINER = "[\\s\\u0085\\u00ad\\u200b-\\u200d\\u2060\\ufeff\\u0300-\\u036f'\\u2019\\u02bc\\u2010\\u2011-]*";

/** Gap symbols. All are below 'a' (0x61): anything >= 0x61 in the stream is a letter. */
export const GAP = {
  /** Joins word parts: "helse-sekretær", "helse- sekretær", "helsesekre-\ntær". Transparent to matching. */
  link: 0x2d, // '-'
  /** Whitespace only, on one line. */
  space: 0x20, // ' '
  /** Whitespace with a line break in it. */
  lineBreak: 0x0a, // '\n'
  /** A slash, with optional whitespace around it. */
  slash: 0x2f, // '/'
  /** A comma, with optional whitespace around it. */
  comma: 0x2c, // ','
  /** A hyphen then a slash: the suspended compound in "lege-/helsesekretær". */
  linkSlash: 0x21, // '!'
  /** A hyphen then a comma: "helse-, lege- og …". */
  linkComma: 0x23, // '#'
  /** A full stop, with optional whitespace after it: the abbreviation "med. sekretær". */
  dot: 0x2e, // '.'
  /** Anything else: other punctuation, digits, symbols, several hyphens. */
  other: 0x2a, // '*'
} as const;

export interface SymbolStream {
  /** Normalised symbols: letters (>= 0x61) and gap symbols. */
  symbols: Uint16Array;
  /** Original UTF-16 index of each symbol. */
  origin: Int32Array;
  length: number;
}

const SOFT_HYPHEN = 0xad;

function isIgnorable(c: number): boolean {
  return (
    c === SOFT_HYPHEN ||
    (c >= 0x200b && c <= 0x200d) ||
    c === 0x2060 ||
    c === 0xfeff ||
    (c >= 0x300 && c <= 0x36f)
  );
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x0b || c === 0x0c;
}

export function isWhitespace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    isLineBreak(c) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x85
  );
}

const OTHER_LETTER = /\p{L}/u;
/** Memo for letters outside Latin: 0 not yet known, 1 letter, 2 not a letter. */
const otherLetterMemo = new Uint8Array(0x10000);

function isLetterCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c < 0x250) return c >= 0xc0 ? c !== 0xd7 && c !== 0xf7 : c === 0xaa || c === 0xb5 || c === 0xba;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let known = otherLetterMemo[c]!;
  if (known === 0) {
    known = OTHER_LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    otherLetterMemo[c] = known;
  }
  return known === 1;
}

function isLowerLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

// Gap classification states.
const G_START = 0; // nothing seen yet
const G_HYPHEN = 1; // a hyphen right after a letter, then whitespace only
const G_HYPHEN_SLASH = 2;
const G_HYPHEN_COMMA = 3;
const G_SPACE = 4; // whitespace only
const G_SLASH = 5;
const G_COMMA = 6;
const G_OTHER = 7;
const G_DOT = 8;

function gapSymbol(gap: number, lineBreaks: number, onlyLineBreaks: boolean, nextIsLower: boolean): number {
  switch (gap) {
    case G_HYPHEN:
      return GAP.link;
    case G_HYPHEN_SLASH:
      return GAP.linkSlash;
    case G_HYPHEN_COMMA:
      return GAP.linkComma;
    case G_SPACE:
      // A single bare line break inside a word ("helsesekre\ntær") joins it; a new line that
      // starts with a capital is a new sentence or block.
      if (lineBreaks === 0) return GAP.space;
      return lineBreaks === 1 && onlyLineBreaks && nextIsLower ? GAP.link : GAP.lineBreak;
    case G_SLASH:
      return GAP.slash;
    case G_COMMA:
      return GAP.comma;
    case G_DOT:
      return GAP.dot;
    default:
      return GAP.other;
  }
}

/** Builds the symbol stream. Linear in text.length. */
export function normalizeForMatching(text: string): SymbolStream {
  return normalizeInto(text, new Uint16Array(text.length + 16), new Int32Array(text.length + 16));
}

/**
 * Scratch arrays reused by normalizeForScan: a fresh pair per call costs page faults (about a
 * third of the time on a large page). Kept only up to SCRATCH_MAX symbols.
 */
let scratchSymbols: Uint16Array = new Uint16Array(0);
let scratchOrigin: Int32Array = new Int32Array(0);
const SCRATCH_MAX = 1 << 21;

/**
 * normalizeForMatching into arrays shared between calls: the stream is only valid until the next
 * call. For a caller that reads the stream and lets it go (findTitles).
 */
export function normalizeForScan(text: string): SymbolStream {
  // Room for folds (æ → ae) and gaps, so that the arrays rarely have to grow mid-pass.
  const want = text.length + (text.length >> 2) + 16;
  if (scratchSymbols.length < want && want <= SCRATCH_MAX) {
    scratchSymbols = new Uint16Array(want);
    scratchOrigin = new Int32Array(want);
  }
  if (scratchSymbols.length < want) return normalizeForMatching(text);
  const stream = normalizeInto(text, scratchSymbols, scratchOrigin);
  // A stream that outgrew the scratch arrays got new ones: keep them if not too large.
  if (stream.symbols.length <= SCRATCH_MAX) {
    scratchSymbols = stream.symbols;
    scratchOrigin = stream.origin;
  }
  return stream;
}

function normalizeInto(text: string, initialSymbols: Uint16Array, initialOrigin: Int32Array): SymbolStream {
  const n = text.length;
  let symbols = initialSymbols;
  let origin = initialOrigin;
  let k = 0;
  let inWord = false;
  let gap = G_START;
  let gapStart = -1;
  let gapLineBreaks = 0;
  let gapOnlyLineBreaks = true;

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Room for a gap symbol and a two-symbol fold.
    if (k + 3 > symbols.length) {
      const grownSymbols = new Uint16Array(symbols.length * 2);
      grownSymbols.set(symbols);
      symbols = grownSymbols;
      const grownOrigin = new Int32Array(origin.length * 2);
      grownOrigin.set(origin);
      origin = grownOrigin;
    }
    if (c <= 0x7a && c >= 0x41 && (c >= 0x61 || c <= 0x5a)) {
      // ASCII letters: the common case, in a tight loop over the rest of the run.
      if (!inWord) {
        if (gapStart >= 0) {
          symbols[k] = k > 0 ? gapSymbol(gap, gapLineBreaks, gapOnlyLineBreaks, c >= 0x61) : GAP.other;
          origin[k++] = gapStart;
        }
        inWord = true;
      }
      symbols[k] = c | 0x20;
      origin[k++] = i;
      const room = symbols.length - 3;
      while (i + 1 < n && k < room) {
        const d = text.charCodeAt(i + 1);
        if (!(d <= 0x7a && d >= 0x41 && (d >= 0x61 || d <= 0x5a))) break;
        i++;
        symbols[k] = d | 0x20;
        origin[k++] = i;
      }
      continue;
    }
    let letter = -1;
    if (c >= 0x80) {
      if (isIgnorable(c)) continue;
      if (isLetterCode(c)) letter = c >= 0xc0 && c <= 0xde && c !== 0xd7 ? c + 0x20 : c;
    }
    if (letter >= 0) {
      if (!inWord) {
        if (gapStart >= 0) {
          const lower = letter >= 0x61 && letter <= 0x7a ? c === letter : isLowerLetter(c);
          symbols[k] = k > 0 ? gapSymbol(gap, gapLineBreaks, gapOnlyLineBreaks, lower) : GAP.other;
          origin[k++] = gapStart;
        }
        inWord = true;
      }
      if (letter === 0xe6 || letter === 0xe4) {
        symbols[k] = 0x61;
        origin[k++] = i;
        symbols[k] = 0x65;
        origin[k++] = i;
      } else if (letter === 0xf8 || letter === 0xf6) {
        symbols[k] = 0x6f;
        origin[k++] = i;
        symbols[k] = 0x65;
        origin[k++] = i;
      } else {
        symbols[k] = letter;
        origin[k++] = i;
      }
      continue;
    }
    if (inWord && isApostrophe(c)) continue; // "doctor's", "physicians'"
    if (inWord) {
      inWord = false;
      gapStart = i;
      gapLineBreaks = 0;
      gapOnlyLineBreaks = true;
      if (isHyphen(c)) {
        gap = G_HYPHEN;
        continue;
      }
      gap = G_START;
    } else if (gapStart < 0) {
      gapStart = i;
      gap = G_OTHER; // text starts with a gap: its kind does not matter
    }
    if (isWhitespace(c)) {
      if (isLineBreak(c)) {
        if (c !== 0x0d) gapLineBreaks++;
      } else gapOnlyLineBreaks = false;
      if (gap === G_START) gap = G_SPACE;
      continue;
    }
    gapOnlyLineBreaks = false;
    switch (gap) {
      case G_START:
        gap = c === 0x2f ? G_SLASH : c === 0x2c ? G_COMMA : c === 0x2e ? G_DOT : G_OTHER;
        break;
      case G_SPACE:
        gap = c === 0x2f ? G_SLASH : c === 0x2c ? G_COMMA : G_OTHER;
        break;
      case G_HYPHEN:
        gap = c === 0x2f ? G_HYPHEN_SLASH : c === 0x2c ? G_HYPHEN_COMMA : G_OTHER;
        break;
      default:
        gap = G_OTHER;
    }
  }
  if (!inWord && gapStart >= 0) {
    symbols[k] = GAP.other;
    origin[k++] = gapStart;
  }
  return { symbols, origin, length: k };
}
