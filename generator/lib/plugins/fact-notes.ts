/**
 * `{{F-10}}` in Markdown text → a superscript link to the page's numbered source notes.
 * Unknown ids stay as written and are reported with their position.
 */
import type { Emphasis, Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { positionInText } from './context.ts';

const REFERENCE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function remarkFactNotes() {
  return (tree: Root, file: VFile): void => {
    const site = file.data.site;
    if (!site) throw new Error('remarkFactNotes: file.data.site is missing');
    walk(tree, false);

    function walk(parent: Parent, inLink: boolean): void {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i];
        if (!child) continue;
        if (child.type === 'text') {
          const replacement = split(child, inLink);
          if (replacement) {
            parent.children.splice(i, 1, ...replacement);
            i += replacement.length - 1;
          }
        } else if ('children' in child) {
          walk(child, inLink || child.type === 'link' || child.type === 'linkReference');
        }
      }
    }

    function split(node: Text, inLink: boolean): PhrasingContent[] | null {
      const value = node.value;
      if (!value.includes('{{')) return null;
      const out: PhrasingContent[] = [];
      let last = 0;
      for (const match of value.matchAll(REFERENCE)) {
        const id = match[1] ?? '';
        const from = match.index;
        const to = from + match[0].length;
        const place = positionInText(node.position?.start, value, from, to);
        if (!site?.facts.has(id)) {
          file.message(`ukjent fakta-id «${id}» i kildehenvisningen «${match[0]}»`, { place, ruleId: 'unknown-fact', source: 'fact-notes' });
          continue;
        }
        if (inLink) {
          file.message(`kildehenvisningen «${match[0]}» står inne i en lenke; flytt den ut av lenketeksten`, { place, ruleId: 'fact-in-link', source: 'fact-notes' });
          continue;
        }
        if (from > last) out.push({ type: 'text', value: value.slice(last, from) });
        out.push(noteReference(site.notes.number(id), place));
        last = to;
      }
      if (out.length === 0) return null;
      if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
      return out;
    }
  };
}

/** `<sup><a href="#kilde-1" aria-label="Kildenote 1">1</a></sup>`: mdast has no superscript, so an emphasis renamed by hName. */
function noteReference(n: number, position: Link['position']): Emphasis {
  const link: Link = {
    type: 'link',
    url: `#kilde-${n}`,
    children: [{ type: 'text', value: String(n) }],
    data: { hProperties: { ariaLabel: `Kildenote ${n}` } },
    position,
  };
  return { type: 'emphasis', children: [link], data: { hName: 'sup' }, position };
}
