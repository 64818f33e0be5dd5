/**
 * HTML as a tree: pages are built with hastscript (`h`, and `s` for SVG) and serialised once by
 * hast-util-to-html, which escapes every text and attribute value, so no content string can become
 * markup. Raw HTML is not let in at all (Markdown arrives as a sanitised tree).
 */
import type { ElementContent, Nodes } from 'hast';
import { h, s, type Child } from 'hastscript';
import { toHtml } from 'hast-util-to-html';

export { h, s, type Child };

/** A child, or `false` from a `cond && node` (left out). */
type Optional = Child | false;
/** One child that is not a list. */
export type Node = Exclude<Child, readonly unknown[]>;

/**
 * Children one per line, as the site's HTML has always been laid out (readable files, small diffs).
 * Left out: null, false, and white space between blocks (Markdown's own line breaks).
 */
export function lines(...children: (Optional | Optional[])[]): Node[] {
  const out: Node[] = [];
  for (const child of children.flat(Infinity as 1) as Optional[]) {
    if (child === null || child === undefined || child === false) continue;
    const text = typeof child === 'string' ? child : typeof child === 'object' && !Array.isArray(child) && child.type === 'text' ? child.value : null;
    if (text !== null && text.trim() === '') continue;
    if (out.length > 0) out.push('\n');
    out.push(child as Node);
  }
  return out;
}

/** The content of a block element: its children one per line, starting and ending on a line of their own. */
export function block(...children: (Optional | Optional[])[]): Node[] {
  return ['\n', ...lines(...children), '\n'];
}

/** Items joined by a separator, e.g. links by ", ". */
export function joined(items: Node[], separator: string): Node[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}

/** The one serialisation (`<!DOCTYPE html>` as the site always wrote it); raw HTML nodes never pass. */
export function toHtmlString(tree: Nodes | Child[]): string {
  const node: Nodes = Array.isArray(tree) ? { type: 'root', children: (tree.flat(Infinity as 1) as Child[]).flatMap(toNodes) } : tree;
  return toHtml(node, { allowDangerousHtml: false, upperDoctype: true, characterReferences: { useNamedReferences: true } });
}

function toNodes(child: Child): ElementContent[] {
  if (child === null || child === undefined) return [];
  if (typeof child === 'string' || typeof child === 'number') return [{ type: 'text', value: String(child) }];
  return [child as ElementContent];
}
