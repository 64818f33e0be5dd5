import type { Span } from './types.ts';
import type { WorkCounter } from './work.ts';
import { isBulletChar, isJsSpace } from './source/vocabulary.ts';

/**
 * Splits text[start, end) into sentences, in one left-to-right pass (linear time).
 *
 * A sentence ends at ".", "!" or "?" followed by white space and a capital letter, digit, quote,
 * bullet or opening bracket — except after a known abbreviation ("f.eks.", "bl.a.", "ca.", "evt.",
 * "inkl.", "dvs.", "kl.", "nr." ...) or an ordinal ("3. helg"). A line break also ends a sentence
 * when the next line starts with a capital letter or a bullet and the line before does not end in
 * a word that needs a continuation ("til", "og", ","...), because ads often put one requirement per
 * line without punctuation. A parenthesis right after a full stop stays with its sentence
 * ("... skriftleg. (Norsktest nivå B2)"). Spans are trimmed of white space; empty ones are dropped.
 */
export function splitSentences(text: string, start = 0, end = text.length, work?: WorkCounter): Span[] {
  const spans: Span[] = [];
  // Work counter: characters the loop visits, forwards and (continuesAfter, abbreviations) back.
  let steps = 0;
  let sentenceStart = start;
  let i = start;
  while (i < end) {
    steps++;
    const c = text.charCodeAt(i);
    if (c === 0x2e /* . */ || c === 0x21 /* ! */ || c === 0x3f /* ? */) {
      // Swallow runs of terminators and closing quotes/brackets: "...", "?!", ".)" .
      let j = i + 1;
      while (j < end && isCloser(text.charCodeAt(j))) j++;
      if (j < end && isSpace(text.charCodeAt(j))) {
        let k = j;
        while (k < end && isSpace(text.charCodeAt(k))) k++;
        steps += k - i;
        if (k >= end) break;
        const next = text.charCodeAt(k);
        if (c !== 0x2e || !isAbbreviationBefore(text, sentenceStart, i)) {
          if (startsSentence(next)) {
            push(spans, text, sentenceStart, j);
            sentenceStart = k;
            i = k;
            continue;
          }
        }
      }
      i = j;
      continue;
    }
    if (c === 0x0a /* \n */) {
      let k = i + 1;
      while (k < end && isSpace(text.charCodeAt(k))) k++;
      steps += k - i;
      if (k < end && startsLine(text.charCodeAt(k))) {
        const back = continuesAfter(text, sentenceStart, i);
        steps += back.steps;
        if (!back.continues) {
          push(spans, text, sentenceStart, i);
          sentenceStart = k;
          i = k;
          continue;
        }
      }
      // Nothing in text[i + 1, k) is a terminator, and another line break in it would see the same
      // next line and the same line before: go on after the white space. (Stepping one character
      // made "a\n\u2000\n\u2000…" quadratic: each break looked back over all the breaks before it.)
      i = k;
      continue;
    }
    i++;
  }
  push(spans, text, sentenceStart, end);
  if (work) work.steps += steps + 2 * spans.length;
  return spans;
}

function push(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push({ start, end });
}

/** White space (vocabulary.ts), and the zero-width space pages put between words and sentences. */
function isSpace(c: number): boolean {
  return isJsSpace(c) || c === 0x200b;
}

function isCloser(c: number): boolean {
  // . ! ? " ' ) ] » ” ’
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0xbb || c === 0x201d || c === 0x2019;
}

function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (c >= 0xc0 && c <= 0xde) return c !== 0xd7;
  if (c < 0x100) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** What may begin a new sentence after a terminator. */
function startsSentence(c: number): boolean {
  // A parenthesis after a full stop is an aside to the sentence before it, so it is not listed.
  return isUpper(c) || isDigit(c) || c === 0x22 || c === 0xab || c === 0x201c || isBulletChar(c);
}

/** What may begin a new line-sentence after a bare line break. */
function startsLine(c: number): boolean {
  return isUpper(c) || isBulletChar(c);
}

/** Words that, ending a line, promise that the sentence goes on (so a line break is not an end). */
const CONTINUATION = new Set([
  'til', 'og', 'i', 'av', 'med', 'for', 'som', 'på', 'eller', 'om', 'fra', 'frå', 'ved', 'at', 'en', 'et', 'ei', 'ein', 'eit',
  'the', 'and', 'of', 'to', 'with', 'in', 'or', 'a', 'an', 'for', 'kjennskap', 'erfaring', 'mot', 'innen', 'innan', 'under',
]);

/** Whether the line ending at `lineBreak` promises more, and the characters looked at. */
function continuesAfter(text: string, sentenceStart: number, lineBreak: number): { continues: boolean; steps: number } {
  let e = lineBreak;
  while (e > sentenceStart && isSpace(text.charCodeAt(e - 1))) e--;
  const steps = lineBreak - e + 20;
  if (e === sentenceStart) return { continues: true, steps }; // nothing yet: keep going
  const last = text.charCodeAt(e - 1);
  if (last === 0x2c /* , */ || last === 0x2d /* - */ || last === 0x2f /* / */ || last === 0x26 /* & */) return { continues: true, steps };
  let s = e;
  while (s > sentenceStart && e - s < 20 && isWordChar(text.charCodeAt(s - 1))) s--;
  return { continues: CONTINUATION.has(text.slice(s, e).toLowerCase()), steps };
}

function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0xc0 && c < 0x250) return c !== 0xd7 && c !== 0xf7;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** Abbreviations whose full stop does not end a sentence (compared lower-case, without the final "."). */
const ABBREVIATIONS = new Set([
  'f.eks', 'feks', 'bl.a', 'ca', 'evt', 'ev', 'inkl', 'ekskl', 'dvs', 'mv', 'm.v', 'm.m', 'mm', 'osv', 'o.l', 'nr', 'tlf', 'kl',
  'pr', 'ref', 'jf', 'jfr', 'mnd', 'stk', 'ass', 'avd', 'adm', 'etc', 'e.g', 'i.e', 'vs', 'dr', 'prof', 'iht', 'ift',
  'mht', 'vha', 'pga', 'p.g.a', 'm.fl', 'mfl', 'o.a', 'oa', 'hhv', 'tils', 'tidl', 'utd', 'spes', 'gml', 'sml', 'jan', 'feb',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec', 'mr', 'mrs', 'ms', 'ph.d', 'cand',
]);

function isAbbreviationBefore(text: string, sentenceStart: number, dot: number): boolean {
  // The token before the dot: letters, digits and inner dots ("f.eks", "1.9.2019", "3").
  let s = dot;
  while (s > sentenceStart && dot - s < 12) {
    const c = text.charCodeAt(s - 1);
    if (isWordChar(c) || c === 0x2e) s--;
    else break;
  }
  if (s === dot) return false;
  const token = text.slice(s, dot).toLowerCase();
  if (ABBREVIATIONS.has(token)) return true;
  // Ordinals and dates: "3. helg", "1.9." — a number before the dot is not an end unless the
  // next word is capitalised, which startsSentence already checks; treat short numbers as ordinals.
  if (/^\d{1,2}$/.test(token)) return true;
  // Single letters ("A. Hansen") are initials.
  return token.length === 1;
}
