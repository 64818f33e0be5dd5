/**
 * Turns plain text, HTML or DOM-derived blocks into an AdSource: the visible ad text as blocks in
 * reading order, plus any schema.org JobPosting objects. Pure TypeScript, no DOM; every pass is
 * linear in the input, so a hostile page cannot stall the reader.
 *
 * text.ts reads plain text, html.ts HTML (entities.ts decodes its character references, json-ld.ts
 * finds its JobPostings), vocabulary.ts names what both know; this file joins blocks and tells
 * HTML from text.
 */
import type { AdSource, Block, BlockKind } from '../types.ts';
import type { WorkCounter } from '../work.ts';
import { sourceFromHtml } from './html.ts';
import { sourceFromText } from './text.ts';
import { clampLevel, codes, isAsciiAlphanumeric, isAsciiLetter, isHtmlSpace } from './vocabulary.ts';

export { decodeEntities } from './entities.ts';
export { sourceFromHtml } from './html.ts';
export { findJobPostings, type JobPosting } from './json-ld.ts';
export { sourceFromText } from './text.ts';
export { isHeadingLine } from './vocabulary.ts';

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
    if (c === codes.exclamation && (input.startsWith('<!--', at) || /^<!doctype/i.test(input.slice(at, at + 9)))) return result(true, at);
    if (c === codes.slash) c = input.charCodeAt(++i);
    if (!isAsciiLetter(c)) {
      // Every name in HTML_TAG_NAMES starts with a letter: "< ", "<3", "<<" start no tag. In "<<"
      // the next "<" is the character just read.
      at = c === codes.lessThan && i === at + 1 ? i : nextLessThan(input, at + 1);
      continue;
    }
    const nameStart = i;
    while (i < input.length && i - nameStart < 12 && isAsciiAlphanumeric(input.charCodeAt(i))) i++;
    steps += i - nameStart;
    c = input.charCodeAt(i);
    // The character after the name first: it is cheaper to test than the name, which is sliced.
    if ((isHtmlSpace(c) || c === codes.slash || c === codes.greaterThan) && HTML_TAG_NAMES.has(input.slice(nameStart, i).toLowerCase())) {
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
  for (let i = from; i < near; i++) if (input.charCodeAt(i) === codes.lessThan) return i;
  return near < input.length ? input.indexOf('<', near) : -1;
}

/** HTML by content, else plain text. */
export function sourceFromInput(input: string, work?: WorkCounter): AdSource {
  return looksLikeHtml(input, work) ? sourceFromHtml(input, work) : sourceFromText(input, work);
}
