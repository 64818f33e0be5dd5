import type { Block, BlockKind, Span } from '../../shared/lib/types.ts';

/**
 * The visible text of some DOM subtrees as an AdSource-shaped string, with a map back to the text
 * nodes so that offsets in the string (e.g. title mentions) become DOM Ranges.
 *
 * One TreeWalker pass. Per element, cheap checks decide "skip" (script, style, hidden …) and
 * "which block" (nearest block-level ancestor). Whitespace is normalised
 * like rendering does: every whitespace character becomes a space, runs collapse to one, blocks
 * are trimmed and joined by "\n". The map holds one segment per stretch of text that maps 1:1
 * onto one text node, so lookups are a binary search.
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

interface BlockInfo {
  element: Element;
  kind: BlockKind;
  level: number;
}

function isHidden(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || HIDDEN_STYLE.test(el.getAttribute('style') ?? '');
}

function ownInfo(el: Element, title: Element | null | undefined): BlockInfo | null {
  if (el === title) return { element: el, kind: 'title', level: 0 };
  const name = el.localName;
  if (!BLOCKS.has(name)) return null;
  if (name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6') {
    return { element: el, kind: 'heading', level: Number(name[1]) };
  }
  return { element: el, kind: name === 'li' ? 'list-item' : 'paragraph', level: 0 };
}

export function readDomText(roots: readonly Element[], options: DomTextOptions = {}): DomText {
  const title = options.title ?? null;
  const maxChars = options.maxChars ?? 1_000_000;
  const parts: string[] = [];
  const nodes: Text[] = [];
  const textStarts: number[] = [];
  const nodeStarts: number[] = [];
  const blocks: Block[] = [];
  let length = 0;
  let truncated = false;

  // The open block: its info, where it starts (-1: no text yet), whether the last char is a space.
  let current: BlockInfo | null = null;
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
    if (blockStart < 0 || !current) return;
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
    let kind = current.kind;
    if (kind === 'paragraph') {
      const first = parts[firstPartOfBlock]!;
      if (BULLET_START.includes(first[0]!) && BULLET.test(first)) kind = 'list-item';
    }
    blocks.push({ kind, level: current.level, start: blockStart, end: length });
    blockStart = -1;
    lastSpace = true;
  };

  const text = (node: Text, info: BlockInfo): boolean => {
    if (info !== current || node.previousSibling?.nodeName === 'BR') {
      closeBlock();
      current = info;
    }
    let data = node.data;
    if (length + data.length > maxChars) {
      truncated = true;
      return false;
    }
    if (NON_SPACE_WHITESPACE.test(data)) data = data.replace(ANY_WHITESPACE, ' ');
    let i = 0;
    if (lastSpace) while (i < data.length && data.charCodeAt(i) === 32) i++;
    if (i === data.length) return true;
    if (blockStart < 0) {
      if (blocks.length > 0) {
        parts.push('\n');
        length += 1;
      }
      blockStart = length;
      firstPartOfBlock = parts.length;
    }
    let run = data.indexOf('  ', i);
    while (run !== -1) {
      emit(node, i, data.slice(i, run + 1));
      i = run + 1;
      while (i < data.length && data.charCodeAt(i) === 32) i++;
      run = i < data.length ? data.indexOf('  ', i) : -1;
    }
    if (i === 0) emit(node, 0, data);
    else if (i < data.length) emit(node, i, data.slice(i));
    lastSpace = data.charCodeAt(data.length - 1) === 32;
    return true;
  };

  // One TreeWalker over elements and text. The open elements form a stack (document order visits
  // ancestors first), so each node's block is its parent's: no per-node lookups, no recursion.
  // Skipped elements (script, hidden …) are stepped over with their whole subtree.
  walk: for (const root of roots) {
    if (SKIPPED.has(root.localName) || isHidden(root)) continue;
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    const open: Node[] = [root];
    const infos: BlockInfo[] = [ownInfo(root, title) ?? { element: root, kind: 'paragraph', level: 0 }];
    let node = walker.nextNode();
    while (node) {
      const parent = node.parentNode;
      while (open.length > 1 && open[open.length - 1] !== parent) {
        open.pop();
        infos.pop();
      }
      const info = infos[infos.length - 1]!;
      if (node.nodeType === 1) {
        const el = node as Element;
        if (SKIPPED.has(el.localName) || isHidden(el)) {
          node = nextOutside(walker, el);
          continue;
        }
        open.push(el);
        infos.push(ownInfo(el, title) ?? info);
      } else if (!text(node as Text, info)) {
        break walk;
      }
      node = walker.nextNode();
    }
    closeBlock();
    current = null;
  }
  closeBlock();
  return { text: parts.join(''), blocks, nodes, textStarts, nodeStarts, truncated };
}

/** The node after `el`'s subtree, in the walker's order (null at the end of the root). */
function nextOutside(walker: TreeWalker, el: Element): Node | null {
  walker.currentNode = el;
  let next = walker.nextSibling();
  while (!next) {
    if (!walker.parentNode()) return null;
    next = walker.nextSibling();
  }
  return next;
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
