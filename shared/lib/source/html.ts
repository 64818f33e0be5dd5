/**
 * HTML → AdSource, by a hand-written tokenizer: one left-to-right pass, linear in the input.
 *
 * Keep it hand-written unless a replacement is measured first. On 1 MB inputs htmlparser2 12 took
 * 8.2 s on deep nesting and 1.9 s on unclosed tags (quadratic), against 24 ms and 31 ms here; the
 * reader runs on whatever a page holds, so a hostile page must not stall it
 * (tests/unit/lexicon.property.test.ts checks the work stays linear; `npm run bench` times it).
 */
import type { AdSource, Block, BlockKind } from '../types.ts';
import type { WorkCounter } from '../work.ts';
import { decodeAndCollapse, decodeEntities } from './entities.ts';
import { findJobPostings, isJsonLdType, MAX_JOB_POSTINGS, parseJsonLd } from './json-ld.ts';
import {
  BLOCK_ELEMENTS,
  BOLD_ELEMENTS,
  BOLD_HEADING_LEVEL,
  clampLevel,
  codes,
  DROPPED_ELEMENTS,
  isAsciiLetter,
  isHiddenStyle,
  isHtmlSpace,
  ITEM_ELEMENTS,
  looksLikeBoldHeading,
  RAW_TEXT_ELEMENTS,
  startsWithBullet,
  VOID_ELEMENTS,
} from './vocabulary.ts';
// What the HTML reader needs to know about an element name, as bits of one number: one Map lookup per tag.
const IS_VOID = 1;
const IS_RAW_TEXT = 2;
const IS_DROPPED = 4;
const IS_BLOCK = 8;
const IS_BOLD = 16;
const IS_ITEM = 32;
/** Bits 8-10: the heading level of h1-h6. */
const HEADING_SHIFT = 8;

/** Inline elements common in ads, given an id up front so that they need no per-page id. */
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


/** Block kinds an open element can give its text, as the 2-bit codes of the parser's stack. */
const KIND_CODE: Record<BlockKind, number> = { paragraph: 0, heading: 1, 'list-item': 2, title: 3 };
const KIND_OF_CODE: BlockKind[] = ['paragraph', 'heading', 'list-item', 'title'];

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** A parsed tag. parseTag fills one of these per call of sourceFromHtml (no object per tag): the
 * tokenizer's explicit state for the tag it just read. */
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


/**
 * Tolerant HTML → AdSource. Headings, list items and paragraphs become blocks; <br> splits a
 * paragraph (inside a list item it becomes a line break); hidden and non-visible content is dropped;
 * JSON-LD JobPosting objects are collected (json-ld.ts).
 *
 * One left-to-right pass: indexOf finds each "<"; a tag costs one Map lookup and its name; open
 * elements live in parallel arrays, counted by element id; blocks go straight into the AdSource.
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
        if (kind === 'paragraph' && startsWithBullet(text)) {
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
      lead = html.charCodeAt(from) === codes.space;
      trail = to - from > 1 && html.charCodeAt(to - 1) === codes.space;
      core = html.slice(lead ? from + 1 : from, trail ? to - 1 : to);
    } else {
      const collapsed = decodeAndCollapse(html, from, to);
      core = collapsed.text.trim();
      lead = collapsed.lead;
      trail = collapsed.trail;
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
      if (c === codes.lessThan) break;
      if (c === codes.space) {
        // Single spaces are plain (two in a row collapse).
        if (afterSpace) plain = false;
        afterSpace = true;
      } else if (c <= codes.ampersand || c === codes.noBreakSpace || c >= 0x1680) {
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
    if (next === codes.exclamation) {
      const isComment = html.startsWith('<!--', lt);
      const close = html.indexOf(isComment ? '-->' : '>', lt + 2);
      resume = close < 0 ? n : close + (isComment ? 3 : 1);
      steps += resume - lt;
    } else if (next === codes.question) {
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

function isHiddenByAttributes(attrs: ReadonlyMap<string, string>): boolean {
  if (attrs.size === 0) return false;
  if (attrs.has('hidden')) return true;
  if ((attrs.get('aria-hidden') ?? '').trim().toLowerCase() === 'true') return true;
  const style = attrs.get('style');
  return style !== undefined && isHiddenStyle(style);
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
  if (c === codes.slash) {
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
  while (i < n) {
    c = html.charCodeAt(i);
    if (isHtmlSpace(c) || c === codes.slash || c === codes.greaterThan) break;
    i++;
  }
  tag.name = html.slice(nameStart, i).toLowerCase();
  tag.info = ELEMENT_INFO.get(tag.name) ?? -1;
  tag.end = end;
  tag.attrs = NO_ATTRIBUTES;
  // The common "<p>": no attributes, and its ">" is the character the name ended at.
  if (c === codes.greaterThan && i < n) {
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
    if (c === codes.greaterThan) {
      tag.attrs = attrs ?? NO_ATTRIBUTES;
      tag.next = i + 1;
      return true;
    }
    if (c === codes.slash) {
      // "/>" closes nothing in HTML: browsers ignore the slash.
      i++;
      continue;
    }
    // Attribute name.
    const attrStart = i;
    i++;
    while (i < n) {
      c = html.charCodeAt(i);
      if (isHtmlSpace(c) || c === codes.slash || c === codes.greaterThan || c === codes.equals) break;
      i++;
    }
    const attrName = !end && WANTED_LENGTHS.has(i - attrStart) ? html.slice(attrStart, i).toLowerCase() : '';
    const wanted = attrName !== '' && WANTED_ATTRIBUTES.has(attrName) && !attrs?.has(attrName);
    while (i < n && isHtmlSpace(html.charCodeAt(i))) i++;
    let valueStart = i;
    let valueEnd = i;
    if (html.charCodeAt(i) === codes.equals) {
      i++;
      while (i < n && isHtmlSpace(html.charCodeAt(i))) i++;
      const q = html.charCodeAt(i);
      if (q === codes.quote || q === codes.apostrophe) {
        const close = html.indexOf(q === codes.quote ? '"' : "'", i + 1);
        valueStart = i + 1;
        valueEnd = close < 0 ? n : close;
        i = close < 0 ? n : close + 1;
      } else {
        valueStart = i;
        while (i < n) {
          c = html.charCodeAt(i);
          if (isHtmlSpace(c) || c === codes.greaterThan) break;
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
      if (Number.isNaN(c) || isHtmlSpace(c) || c === codes.slash || c === codes.greaterThan) {
        const close = html.indexOf('>', after);
        const next = close < 0 ? html.length : close + 1;
        return { start: lt, next, steps: steps + next - after };
      }
    }
    at = lt + 2;
  }
}
