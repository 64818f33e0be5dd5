/**
 * Plain text → AdSource: lines, blank lines, list markers and heading-like lines become blocks.
 * One pass over the lines; every character is looked at a bounded number of times.
 */
import type { AdSource, Block, BlockKind } from '../types.ts';
import type { WorkCounter } from '../work.ts';
import { codes, isAsciiDigit, isBulletChar, isHeadingLine, isJsSpace, mayBeHeadingLine } from './vocabulary.ts';

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
