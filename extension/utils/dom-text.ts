import {
  BLOCK_ELEMENTS,
  BOLD_ELEMENTS,
  BOLD_HEADING_LEVEL,
  COLLAPSIBLE_SPACE_CLASS,
  headingLevelOf,
  isHiddenStyle,
  isJsSpace,
  ITEM_ELEMENTS,
  looksLikeBoldHeading,
  SKIPPED_ELEMENTS,
  startsWithBullet,
  type Block,
  type BlockKind,
  type Span,
} from '../../shared/content-script.ts';

/**
 * The visible text of some DOM subtrees as an AdSource-shaped string, with a map back to the text
 * nodes so that offsets in the string (e.g. title mentions) become DOM Ranges.
 *
 * One TreeWalker pass over text nodes; each element on the way is inspected once ("skip"? —
 * script, style, hidden …; "which block"? — nearest block-level ancestor). DOM calls are the cost
 * here (each about as dear as reading a text node), so string work happens once, on the joined
 * text, not per node. Whitespace is normalised like rendering does: every whitespace character
 * becomes a space, runs collapse to one, blocks are trimmed and joined by "\n" — and when the page's
 * text needs none of that (one search over the joined text tells), the joined text is used as is.
 * The map holds one segment per stretch of text that maps 1:1 onto one text node, so lookups are a
 * binary search.
 */
export interface DomText {
  text: string;
  blocks: Block[];
  /** Segments: text[textStarts[i] …] comes from nodes[i] starting at nodeStarts[i]. Sorted by textStarts. */
  nodes: Text[];
  textStarts: number[];
  nodeStarts: number[];
  /** The maxChars cap stopped the walk early. */
  truncated: boolean;
}

export interface DomTextOptions {
  /** Text nodes inside this element form the 'title' block. */
  title?: Element | null;
  /** Stop after this much text (a hostile or endless page must not stall the tab). */
  maxChars?: number;
  /** Stop after visiting this many text nodes (a million tiny nodes cost their count, not their text). */
  maxNodes?: number;
  /** Elements skipped with their subtrees (a board's AI summary, similar-ad cards, employer blurb). */
  exclude?: ReadonlySet<Element>;
}

// Which elements hold no ad text, which are blocks, list items, headings or bold, and what a bullet
// is: the rules core's vocabulary (shared/lib/source/vocabulary.ts), as its HTML reader uses it, so
// both faces make the same blocks of the same page (tests/extension/parity.test.ts).
const SKIPPED = SKIPPED_ELEMENTS;
const BOLD = new Set(BOLD_ELEMENTS);
/** White space rendering collapses (not U+202F or U+2003, which it shows), other than a plain space. */
const NON_SPACE_WHITESPACE = new RegExp(COLLAPSIBLE_SPACE_CLASS.replace(' ', ''));
const ANY_WHITESPACE = new RegExp(COLLAPSIBLE_SPACE_CLASS, 'g');
const NON_SPACE = /\S/;

const NEW_BLOCK = 0;
const LINE_BREAK = 1;
const SPACE = 2;
type RunJoin = typeof NEW_BLOCK | typeof LINE_BREAK | typeof SPACE;

/** Only block elements, the title and the roots are ever "the block" of a text node. */
interface BlockInfo {
  kind: BlockKind;
  level: number;
}

const PARAGRAPH: BlockInfo = { kind: 'paragraph', level: 0 };
const LIST_ITEM: BlockInfo = { kind: 'list-item', level: 0 };
const TITLE: BlockInfo = { kind: 'title', level: 0 };

/**
 * hidden, aria-hidden="true" or an inline display:none / visibility:hidden. Reflected properties
 * where the DOM has them: a DOM call with a string argument costs several times one without.
 */
function isHidden(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  const hidden = (el as Partial<HTMLElement>).hidden;
  if (typeof hidden === 'boolean' ? hidden : el.hasAttribute('hidden')) return true;
  const ariaHidden = (el as Partial<ARIAMixin>).ariaHidden;
  if ((ariaHidden === undefined ? el.getAttribute('aria-hidden') : ariaHidden) === 'true') return true;
  // Inline styles only: computed styles would cost a layout per element.
  const style = el.getAttribute('style');
  return style !== null && isHiddenStyle(style);
}

/** Each block element's kind, by local name. */
const BLOCK_INFO = new Map<string, BlockInfo>(
  BLOCK_ELEMENTS.map((name) => {
    const level = headingLevelOf(name);
    const info: BlockInfo = level > 0 ? { kind: 'heading', level } : ITEM_ELEMENTS.includes(name) ? LIST_ITEM : PARAGRAPH;
    return [name, info];
  }),
);

/**
 * The kind of a block element's text inside a block of kind `outer`, as html.ts decides it: a
 * heading stays a heading (and makes all inside it heading text), a list item is one unless inside a
 * heading, and a plain block (a <p> in an <li>, a <div> in an <h2>) takes the kind of the block
 * around it.
 */
function nestedInfo(own: BlockInfo, outer: BlockInfo): BlockInfo {
  if (own.kind === 'heading') return own;
  if (outer.kind === 'heading') return outer;
  if (own.kind === 'list-item') return own;
  return outer.kind === 'paragraph' ? own : outer;
}

/**
 * Stand-in for the "\n" between blocks while the text is gathered: no whitespace, so the one check
 * for untidy whitespace below cannot mistake it for a line break in the page's own text. The HTML
 * parser never leaves U+0000 in text; should a script put one there, it reads as a line break.
 */
const SEPARATOR = '\u0000';
/** Whitespace the fast path cannot keep as is: any but a plain space (\s, spelled out: much faster to search) … */
const OTHER_WHITESPACE = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** … two spaces, or a space at a block edge. */
const EXTRA_SPACE = / [ \u0000]|\u0000 /;
const SEPARATORS = /\u0000/g;

function untidy(joined: string): boolean {
  return (
    joined.charCodeAt(0) === 32 ||
    joined.charCodeAt(joined.length - 1) === 32 ||
    EXTRA_SPACE.test(joined) ||
    OTHER_WHITESPACE.test(joined)
  );
}

/**
 * What one walk gathers, before whitespace is settled: the non-empty text nodes in order, their
 * data, and "runs" — maximal stretches of nodes in one block (a run starts where the nearest block
 * changes or a <br> comes before).
 */
interface Gathered {
  nodes: Text[];
  data: string[];
  /** Index into nodes where each run starts, the kind of block each run is in, and whether all of
   * its text is bold (a bold paragraph may be a heading). */
  runStarts: number[];
  runInfos: BlockInfo[];
  runBolds: boolean[];
  /** How each run follows the one before: a new block, or (after a <br>) the same block after a
   * line break (list items) or a space (headings). */
  runJoins: RunJoin[];
  truncated: boolean;
}

/**
 * One TreeWalker over text nodes only (the browser steps over elements natively). A text node's
 * parent is looked up on a stack of the open elements — document order visits ancestors first, so
 * only elements not seen before are inspected (skip? block?), once each. A skipped element
 * (script, hidden …) is stepped over with its whole subtree.
 */
function gather(roots: readonly Element[], title: Element | null, maxChars: number, exclude: ReadonlySet<Element> | null, maxNodes = Infinity): Gathered & { parts: string[]; length: number } {
  const nodes: Text[] = [];
  const data: string[] = [];
  /** data interleaved with SEPARATOR between runs: joined, it is the text when no whitespace needs tidying. */
  const parts: string[] = [];
  const runStarts: number[] = [];
  const runInfos: BlockInfo[] = [];
  const runBolds: boolean[] = [];
  const runJoins: RunJoin[] = [];
  let length = 0;
  let truncated = false;
  let visited = 0;
  // The open elements from the root down, and the block each one is in (itself, or inherited).
  const stack: Node[] = [];
  const blockOf: Element[] = [];
  const infoOf: BlockInfo[] = [];
  const boldOf: boolean[] = [];
  const chain: Element[] = [];

  walk: for (const root of roots) {
    if (SKIPPED.has(root.localName) || isHidden(root) || exclude?.has(root)) continue;
    const doc = root.ownerDocument;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const afterBreak = textAfterBreaks(root, maxNodes);
    stack.length = 0;
    blockOf.length = 0;
    infoOf.length = 0;
    boldOf.length = 0;
    stack.push(root);
    blockOf.push(root);
    infoOf.push(root === title ? TITLE : (BLOCK_INFO.get(root.localName) ?? PARAGRAPH));
    boldOf.push(BOLD.has(root.localName));
    let depth = 0;
    let lastParent: Node | null = root;
    let block: Element = root;
    let info = infoOf[0]!;
    let bold = boldOf[0]!;
    let current: Element | null = null;
    let boundary = true;
    let join: RunJoin = NEW_BLOCK;

    let node = walker.nextNode() as Text | null;
    while (node) {
      if (++visited > maxNodes) {
        truncated = true;
        break walk;
      }
      const parent = node.parentNode!;
      if (parent !== lastParent) {
        // Climb from the parent to the nearest element already on the stack.
        let nc = 0;
        let el: Node = parent;
        let found = -1;
        for (;;) {
          let i = depth;
          while (i >= 0 && stack[i] !== el) i--;
          if (i >= 0) {
            found = i;
            break;
          }
          chain[nc++] = el as Element;
          el = el.parentNode!;
        }
        depth = found;
        let skipped: Element | null = null;
        while (nc > 0) {
          const child = chain[--nc]!;
          const name = child.localName;
          if (SKIPPED.has(name) || isHidden(child) || (exclude !== null && exclude.has(child))) {
            skipped = child;
            break;
          }
          depth++;
          stack[depth] = child;
          const blockInfo = BLOCK_INFO.get(name);
          const own = child === title ? TITLE : blockInfo && nestedInfo(blockInfo, infoOf[depth - 1]!);
          // Bold is inherited, into nested blocks too (html.ts counts the open bold elements).
          boldOf[depth] = boldOf[depth - 1]! || BOLD.has(name);
          if (own) {
            blockOf[depth] = child;
            infoOf[depth] = own;
          } else {
            blockOf[depth] = blockOf[depth - 1]!;
            infoOf[depth] = infoOf[depth - 1]!;
          }
        }
        if (skipped) {
          node = nextAfter(walker, skipped, root);
          lastParent = null;
          continue;
        }
        lastParent = parent;
        block = blockOf[depth]!;
        info = infoOf[depth]!;
        bold = boldOf[depth]!;
      }
      if (block !== current) {
        current = block;
        boundary = true;
        join = NEW_BLOCK;
      } else if (!boundary && afterBreak !== null && (afterBreak === 'ask' ? node.previousSibling?.nodeName === 'BR' : afterBreak.has(node))) {
        // A <br> ends a paragraph, but is a line break inside a list item and a space inside a
        // heading (as in html.ts).
        boundary = true;
        join = info.kind === 'list-item' ? LINE_BREAK : info.kind === 'heading' ? SPACE : NEW_BLOCK;
      }
      const text = node.data;
      if (text.length > 0) {
        if (length + text.length > maxChars) {
          truncated = true;
          break walk;
        }
        if (boundary) {
          boundary = false;
          if (nodes.length > 0) {
            parts.push(join === SPACE ? ' ' : SEPARATOR);
            length += 1;
          }
          runStarts.push(nodes.length);
          runInfos.push(info);
          runBolds.push(true);
          runJoins.push(nodes.length > 0 ? join : NEW_BLOCK);
        }
        // As in html.ts, white space alone does not make a block less bold.
        if (!bold && runBolds[runBolds.length - 1] && NON_SPACE.test(text)) runBolds[runBolds.length - 1] = false;
        nodes.push(node);
        data.push(text);
        parts.push(text);
        length += text.length;
      }
      node = walker.nextNode() as Text | null;
    }
  }
  return { nodes, data, parts, length, runStarts, runInfos, runBolds, runJoins, truncated };
}

/**
 * The first text node after each <br> starts a new block ("Krav:<br>- Autorisasjon", also
 * "Frist<br><b>Send søknad</b>"): those nodes, found with one lookup rather than a look at every
 * node's siblings (null: none). 'ask': the lookup failed (a DOM that recurses on very deep trees),
 * so each node is asked whether a <br> comes right before it.
 */
function textAfterBreaks(root: Element, maxNodes = Infinity): Set<Node> | 'ask' | null {
  let found: Set<Node> | null = null;
  let count = 0;
  try {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (const br of root.getElementsByTagName('br')) {
      // More breaks than the walk may visit nodes: ask each node instead (bounded by the walk).
      if (++count > maxNodes) return 'ask';
      walker.currentNode = br;
      const next = walker.nextNode();
      if (next) (found ??= new Set()).add(next);
    }
  } catch {
    return 'ask';
  }
  return found;
}

/** The first text node after `el`'s subtree (null at the end of `root`), with the walker moved there. */
function nextAfter(walker: TreeWalker, el: Node, root: Node): Text | null {
  let at: Node = el;
  while (at !== root && !at.nextSibling) at = at.parentNode!;
  if (at === root) return null;
  const next = at.nextSibling!;
  walker.currentNode = next;
  return (next.nodeType === 3 ? next : walker.nextNode()) as Text | null;
}

export function readDomText(roots: readonly Element[], options: DomTextOptions = {}): DomText {
  const title = options.title ?? null;
  const exclude = options.exclude && options.exclude.size > 0 ? options.exclude : null;
  const g = gather(roots, title, options.maxChars ?? 1_000_000, exclude, options.maxNodes);
  const joined = g.parts.join('');
  return untidy(joined) ? tidy(g) : tidyAlready(g, joined);
}

/** The common case: no whitespace to collapse or trim. Every node is one segment, text as gathered. */
function tidyAlready(g: Gathered, joined: string): DomText {
  const text = joined.replace(SEPARATORS, '\n');
  const { nodes, data, runStarts, runInfos, runBolds, runJoins } = g;
  const textStarts = new Array<number>(nodes.length);
  const nodeStarts = new Array<number>(nodes.length).fill(0);
  const blocks: Block[] = [];
  const bolds: boolean[] = [];
  let at = 0;
  let run = 0;
  for (let i = 0; i < nodes.length; i++) {
    if (run < runStarts.length && runStarts[run] === i) {
      if (run > 0) at += 1; // the "\n" between blocks, or the line break or space a <br> made
      if (run > 0 && runJoins[run] !== NEW_BLOCK) {
        bolds[bolds.length - 1] &&= runBolds[run]!;
      } else {
        if (run > 0) blocks[blocks.length - 1]!.end = at - 1;
        const info = runInfos[run]!;
        blocks.push({ kind: info.kind, level: info.level, start: at, end: at });
        bolds.push(runBolds[run]!);
      }
      run++;
    }
    textStarts[i] = at;
    at += data[i]!.length;
  }
  if (blocks.length > 0) blocks[blocks.length - 1]!.end = at;
  for (let b = 0; b < blocks.length; b++) settle(blocks[b]!, text.slice(blocks[b]!.start, blocks[b]!.end), bolds[b]!);
  return { text, blocks: blocks.filter((b) => b.end > b.start), nodes, textStarts, nodeStarts, truncated: g.truncated };
}

/**
 * A finished block's kind, as the core's HTML reader (html.ts) decides it: a paragraph typed as a
 * bullet line ("- Autorisasjon") is a list item, its bullet left out of the block; a block whose
 * text is all bold and reads as a heading is one.
 */
function settle(block: Block, blockText: string, bold: boolean): void {
  // White space rendering shows (U+202F, U+2003) is still no text at a block's ends (html.ts trims it).
  let lead = 0;
  let trail = blockText.length;
  while (lead < trail && isJsSpace(blockText.charCodeAt(lead))) lead++;
  while (trail > lead && isJsSpace(blockText.charCodeAt(trail - 1))) trail--;
  const text = lead === 0 && trail === blockText.length ? blockText : blockText.slice(lead, trail);
  block.end -= blockText.length - trail;
  block.start += lead;
  if (block.kind === 'paragraph' && text.length > 2 && startsWithBullet(text)) {
    block.kind = 'list-item';
    block.start += 2;
  } else if (bold && looksLikeBoldHeading(text, block.kind)) {
    block.kind = 'heading';
    block.level = BOLD_HEADING_LEVEL;
  }
}

/**
 * Whitespace to settle, the way rendering does: every whitespace character becomes a space, runs
 * collapse to one, blocks are trimmed, whitespace-only blocks vanish. A node's data may split into
 * several segments (one per stretch kept).
 */
function tidy(g: Gathered): DomText {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const textStarts: number[] = [];
  const nodeStarts: number[] = [];
  const blocks: Block[] = [];
  let length = 0;
  let info: BlockInfo = PARAGRAPH;
  let bold = false;
  /** A <br> inside a list item or heading, waiting for text after it in the same block. */
  let pendingJoin: RunJoin = NEW_BLOCK;
  let blockStart = -1;
  let lastSpace = true;
  let firstPartOfBlock = 0;

  const emit = (node: Text, nodeStart: number, s: string): void => {
    nodes.push(node);
    nodeStarts.push(nodeStart);
    textStarts.push(length);
    parts.push(s);
    length += s.length;
  };

  /** Trims the block's trailing space (the last char of the last part, always a node's). */
  const trimTrailingSpace = (): void => {
    if (!lastSpace || length <= blockStart) return;
    const last = parts.length - 1;
    parts[last] = parts[last]!.slice(0, -1);
    length -= 1;
    if (parts[last] === '') {
      parts.pop();
      nodes.pop();
      nodeStarts.pop();
      textStarts.pop();
    }
  };

  const closeBlock = (): void => {
    pendingJoin = NEW_BLOCK;
    if (blockStart < 0) return;
    trimTrailingSpace();
    const block: Block = { kind: info.kind, level: info.level, start: blockStart, end: length };
    settle(block, parts.slice(firstPartOfBlock).join(''), bold);
    if (block.end > block.start) blocks.push(block);
    blockStart = -1;
    lastSpace = true;
  };

  let run = 0;
  for (let n = 0; n < g.nodes.length; n++) {
    if (run < g.runStarts.length && g.runStarts[run] === n) {
      const join = g.runJoins[run]!;
      if (join === NEW_BLOCK) {
        closeBlock();
        info = g.runInfos[run]!;
        bold = g.runBolds[run]!;
      } else {
        bold &&= g.runBolds[run]!;
        if (blockStart >= 0) pendingJoin = join;
      }
      run++;
    }
    const node = g.nodes[n]!;
    let data = g.data[n]!;
    if (NON_SPACE_WHITESPACE.test(data)) data = data.replace(ANY_WHITESPACE, ' ');
    let i = 0;
    if (lastSpace || pendingJoin !== NEW_BLOCK) while (i < data.length && data.charCodeAt(i) === 32) i++;
    if (i === data.length) continue;
    if (pendingJoin !== NEW_BLOCK) {
      // Text goes on after the <br>: a line break (no space before it) or one space.
      if (pendingJoin === LINE_BREAK) {
        trimTrailingSpace();
        parts.push('\n');
        length += 1;
      } else if (!lastSpace) {
        parts.push(' ');
        length += 1;
      }
      pendingJoin = NEW_BLOCK;
    }
    if (blockStart < 0) {
      if (blocks.length > 0) {
        parts.push('\n');
        length += 1;
      }
      blockStart = length;
      firstPartOfBlock = parts.length;
    }
    let spaces = data.indexOf('  ', i);
    while (spaces !== -1) {
      emit(node, i, data.slice(i, spaces + 1));
      i = spaces + 1;
      while (i < data.length && data.charCodeAt(i) === 32) i++;
      spaces = i < data.length ? data.indexOf('  ', i) : -1;
    }
    if (i === 0) emit(node, 0, data);
    else if (i < data.length) emit(node, i, data.slice(i));
    lastSpace = data.charCodeAt(data.length - 1) === 32;
  }
  closeBlock();
  return { text: parts.join(''), blocks, nodes, textStarts, nodeStarts, truncated: g.truncated };
}

/** Index of the last segment starting at or before `offset`. */
function segmentAt(map: DomText, offset: number): number {
  const starts = map.textStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A DOM position for a text offset; `end` positions (exclusive) attach to the char before. */
export function domPosition(map: DomText, offset: number, end = false): { node: Text; offset: number } | null {
  if (map.nodes.length === 0) return null;
  const at = end ? offset - 1 : offset;
  if (at < 0 || at >= map.text.length) return null;
  const k = segmentAt(map, at);
  const node = map.nodes[k]!;
  const nodeOffset = map.nodeStarts[k]! + (at - map.textStarts[k]!) + (end ? 1 : 0);
  return { node, offset: Math.min(nodeOffset, node.length) };
}

/** A live Range over the DOM text that `span` covers in map.text, or null if it maps nowhere. */
export function rangeForSpan(map: DomText, span: Span): Range | null {
  if (span.end <= span.start) return null;
  const start = domPosition(map, span.start);
  const end = domPosition(map, span.end, true);
  if (!start || !end) return null;
  const range = start.node.ownerDocument.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}
