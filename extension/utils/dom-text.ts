import type { Block, BlockKind, Span } from '../../shared/content-script.ts';

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
  /** Elements skipped with their subtrees (a board's AI summary, similar-ad cards, employer blurb). */
  exclude?: ReadonlySet<Element>;
}

const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'video', 'audio',
  'textarea', 'input', 'select', 'option', 'button', 'head', 'title', 'meta', 'link',
]);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);
/** Lines written as lists inside one paragraph ("- Autorisasjon<br>- Erfaring") are list items too. */
const BULLET = /^[-–•*·▪]\s/;
const BULLET_START = '-–•*·▪';
const NON_SPACE_WHITESPACE = /[^\S ]/;
const ANY_WHITESPACE = /\s/g;
/** Inline display:none / visibility:hidden (computed styles would cost a layout per element). */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

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
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Each block element's kind, by local name. */
const BLOCK_INFO = new Map<string, BlockInfo>(
  [...BLOCKS].map((name) => {
    const heading = /^h([1-6])$/.exec(name);
    const info: BlockInfo = heading ? { kind: 'heading', level: Number(heading[1]) } : name === 'li' ? LIST_ITEM : PARAGRAPH;
    return [name, info];
  }),
);

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
  /** Index into nodes where each run starts, and the kind of block each run is in. */
  runStarts: number[];
  runInfos: BlockInfo[];
  truncated: boolean;
}

/**
 * One TreeWalker over text nodes only (the browser steps over elements natively). A text node's
 * parent is looked up on a stack of the open elements — document order visits ancestors first, so
 * only elements not seen before are inspected (skip? block?), once each. A skipped element
 * (script, hidden …) is stepped over with its whole subtree.
 */
function gather(roots: readonly Element[], title: Element | null, maxChars: number, exclude: ReadonlySet<Element> | null): Gathered & { parts: string[]; length: number } {
  const nodes: Text[] = [];
  const data: string[] = [];
  /** data interleaved with SEPARATOR between runs: joined, it is the text when no whitespace needs tidying. */
  const parts: string[] = [];
  const runStarts: number[] = [];
  const runInfos: BlockInfo[] = [];
  let length = 0;
  let truncated = false;
  // The open elements from the root down, and the block each one is in (itself, or inherited).
  const stack: Node[] = [];
  const blockOf: Element[] = [];
  const infoOf: BlockInfo[] = [];
  const chain: Element[] = [];

  walk: for (const root of roots) {
    if (SKIPPED.has(root.localName) || isHidden(root) || exclude?.has(root)) continue;
    const doc = root.ownerDocument;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const afterBreak = textAfterBreaks(root);
    stack.length = 0;
    blockOf.length = 0;
    infoOf.length = 0;
    stack.push(root);
    blockOf.push(root);
    infoOf.push(root === title ? TITLE : (BLOCK_INFO.get(root.localName) ?? PARAGRAPH));
    let depth = 0;
    let lastParent: Node | null = root;
    let block: Element = root;
    let info = infoOf[0]!;
    let current: Element | null = null;
    let boundary = true;

    let node = walker.nextNode() as Text | null;
    while (node) {
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
          const own = child === title ? TITLE : BLOCK_INFO.get(name);
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
      }
      if (block !== current || (afterBreak !== null && (afterBreak === 'ask' ? node.previousSibling?.nodeName === 'BR' : afterBreak.has(node)))) {
        current = block;
        boundary = true;
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
            parts.push(SEPARATOR);
            length += 1;
          }
          runStarts.push(nodes.length);
          runInfos.push(info);
        }
        nodes.push(node);
        data.push(text);
        parts.push(text);
        length += text.length;
      }
      node = walker.nextNode() as Text | null;
    }
  }
  return { nodes, data, parts, length, runStarts, runInfos, truncated };
}

/**
 * Text nodes right after a <br> start a new block ("Krav:<br>- Autorisasjon"): those nodes, found
 * with one lookup rather than a look at every node's sibling (null: none). 'ask': the lookup failed
 * (a DOM that recurses on very deep trees), so each node is asked.
 */
function textAfterBreaks(root: Element): Set<Node> | 'ask' | null {
  let found: Set<Node> | null = null;
  try {
    for (const br of root.getElementsByTagName('br')) {
      const next = br.nextSibling;
      if (next && next.nodeType === 3) (found ??= new Set()).add(next);
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
  const g = gather(roots, title, options.maxChars ?? 1_000_000, exclude);
  const joined = g.parts.join('');
  return untidy(joined) ? tidy(g) : tidyAlready(g, joined);
}

/** The common case: no whitespace to collapse or trim. Every node is one segment, text as gathered. */
function tidyAlready(g: Gathered, joined: string): DomText {
  const text = joined.replace(SEPARATORS, '\n');
  const { nodes, data, runStarts, runInfos } = g;
  const textStarts = new Array<number>(nodes.length);
  const nodeStarts = new Array<number>(nodes.length).fill(0);
  const blocks: Block[] = [];
  let at = 0;
  let run = 0;
  for (let i = 0; i < nodes.length; i++) {
    if (run < runStarts.length && runStarts[run] === i) {
      if (run > 0) {
        blocks[run - 1]!.end = at;
        at += 1;
      }
      const info = runInfos[run]!;
      const kind = info.kind === 'paragraph' && isBullet(data[i]!) ? 'list-item' : info.kind;
      blocks.push({ kind, level: info.level, start: at, end: at });
      run++;
    }
    textStarts[i] = at;
    at += data[i]!.length;
  }
  if (blocks.length > 0) blocks[blocks.length - 1]!.end = at;
  return { text, blocks, nodes, textStarts, nodeStarts, truncated: g.truncated };
}

function isBullet(first: string): boolean {
  return BULLET_START.includes(first[0]!) && BULLET.test(first);
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

  const closeBlock = (): void => {
    if (blockStart < 0) return;
    if (lastSpace && length > blockStart) {
      // Trim the trailing space (it is the last char of the last part).
      const last = parts.length - 1;
      parts[last] = parts[last]!.slice(0, -1);
      length -= 1;
      if (parts[last] === '') {
        parts.pop();
        nodes.pop();
        nodeStarts.pop();
        textStarts.pop();
      }
    }
    let kind = info.kind;
    if (kind === 'paragraph') {
      if (isBullet(parts[firstPartOfBlock]!)) kind = 'list-item';
    }
    blocks.push({ kind, level: info.level, start: blockStart, end: length });
    blockStart = -1;
    lastSpace = true;
  };

  let run = 0;
  for (let n = 0; n < g.nodes.length; n++) {
    if (run < g.runStarts.length && g.runStarts[run] === n) {
      closeBlock();
      info = g.runInfos[run]!;
      run++;
    }
    const node = g.nodes[n]!;
    let data = g.data[n]!;
    if (NON_SPACE_WHITESPACE.test(data)) data = data.replace(ANY_WHITESPACE, ' ');
    let i = 0;
    if (lastSpace) while (i < data.length && data.charCodeAt(i) === 32) i++;
    if (i === data.length) continue;
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
