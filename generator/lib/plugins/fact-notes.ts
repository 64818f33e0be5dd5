/**
 * `{{F-10}}` in Markdown text → a superscript link to the page's numbered source notes.
 * Unknown ids, and markers inside link text, stay as written and are reported with their position.
 */
import type { Emphasis, Link, Root } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import type { VFile } from 'vfile';
import { positionInText } from './context.ts';

const REFERENCE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function remarkFactNotes() {
  return (tree: Root, file: VFile): void => {
    const site = file.data.site;
    if (!site) throw new Error('remarkFactNotes: file.data.site is missing');
    findAndReplace(tree, [
      REFERENCE,
      (marker: string, id: string, match: RegExpMatchObject) => {
        const text = match.stack[match.stack.length - 1];
        const place = positionInText(text?.position?.start, match.input, match.index, match.index + marker.length);
        if (!site.facts.has(id)) {
          file.message(`ukjent fakta-id «${id}» i kildehenvisningen «${marker}»`, { place, ruleId: 'unknown-fact', source: 'fact-notes' });
          return false;
        }
        if (match.stack.some((node) => node.type === 'link' || node.type === 'linkReference')) {
          file.message(`kildehenvisningen «${marker}» står inne i en lenke; flytt den ut av lenketeksten`, { place, ruleId: 'fact-in-link', source: 'fact-notes' });
          return false;
        }
        return noteReference(site.notes.number(id), place);
      },
    ]);
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
