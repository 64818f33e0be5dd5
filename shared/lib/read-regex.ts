/**
 * RegExp helper for Norwegian text. JavaScript's `\b` only knows ASCII letters, so "må", "bør" and
 * "ønskelig" would never match at a word edge; `rx` rewrites each `\b` into a Unicode-aware
 * edge and compiles with the `u` flag. A `\b` after a letter, digit, ")" or quantifier is a word
 * end ("not followed by a letter"), any other a word start ("not preceded by a letter") — cheaper
 * than a two-sided boundary, and all the reader's patterns use `\b` one of these two ways.
 * Patterns are plain strings: keep them free of nested unbounded quantifiers (linear time).
 */
const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';

export function rx(source: string, flags = ''): RegExp {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\' && source[i + 1] === 'b') {
      const prev = out.length > 0 ? out[out.length - 1]! : '';
      out += /[\p{L}\p{N})\]}*+?]/u.test(prev) ? WORD_END : WORD_START;
      i++;
    } else if (source[i] === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else {
      out += source[i];
    }
  }
  return new RegExp(out, flags.includes('u') ? flags : flags + 'u');
}
