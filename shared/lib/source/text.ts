/**
 * Plain text → AdSource: lines, blank lines, list markers and heading-like lines become blocks.
 * One pass over the lines; every character is looked at a bounded number of times.
 */
import type { AdSource, Block, BlockKind } from '../types.ts';
import type { WorkCounter } from '../work.ts';
import { codes, HEADING_WORDS, isAsciiDigit, isBulletChar, isHeadingLine, isJsSpace } from './vocabulary.ts';

/** Heading level given to headings recognised by their wording (NAV and Webcruiter use h3). */
const INFERRED_HEADING_LEVEL = 3;

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
    if (from !== spanTo + 1 || text.charCodeAt(spanTo) !== codes.lineFeed) {
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
    const next =
      lineEnd >= n ? n + 1 : text.charCodeAt(lineEnd) === codes.carriageReturn && text.charCodeAt(lineEnd + 1) === codes.lineFeed ? lineEnd + 2 : lineEnd + 1;
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

/** Where the text of a list item starts after its marker in the trimmed line text[s, e) — a
 * bullet (vocabulary.ts) or "1." / "1)", then white space — or -1 when the line has no marker. */
function listMarkerEnd(text: string, s: number, e: number): number {
  let p = s;
  const c = text.charCodeAt(p);
  if (isBulletChar(c)) {
    p++;
  } else if (isAsciiDigit(c)) {
    p++;
    if (isAsciiDigit(text.charCodeAt(p))) p++;
    const close = text.charCodeAt(p);
    if (close !== codes.fullStop && close !== codes.rightParenthesis) return -1;
    p++;
  } else {
    return -1;
  }
  const start = p;
  while (p < e) {
    const sp = text.charCodeAt(p);
    if (sp !== codes.space && sp !== codes.tab && sp !== codes.noBreakSpace) break;
    p++;
  }
  return p > start && p < e ? p : -1;
}

// The cheap pre-check of isHeadingLine, run on every line of plain text: tables of the first two
// letters of the heading words, so that most lines cost no allocation.

function mayBeHeadingLine(s: string, start: number, end: number, exact: boolean): boolean {
  if (end === start || end - start > 60) return false;
  const last = s.charCodeAt(end - 1);
  if (last === codes.fullStop || last === codes.semicolon || last === codes.exclamation) return false;
  const first = s.charCodeAt(start);
  if (first < 0x80 && !(first >= codes.upperA && first <= codes.upperZ)) return false;
  return last === codes.colon || firstWordIsHeadingWord(s, start, end, exact);
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
    if (c === codes.slash || isJsSpace(c)) break;
    wordEnd++;
  }
  // A cheap key first (first two letters and length), so most non-headings cost no allocation.
  let len = wordEnd - start;
  while (len > 0 && (s.charCodeAt(start + len - 1) === codes.comma || s.charCodeAt(start + len - 1) === codes.ampersand)) len--;
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
