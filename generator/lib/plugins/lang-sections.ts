/**
 * `## Privacy {lang=en}`: a heading ending in `{lang=xx}` starts a section in that language, up to
 * the next heading of the same or a higher level, so a Norwegian page can carry an English part
 * with the right `lang` (screen readers switch voice, browsers offer translation correctly).
 */
import type { Heading, Root, RootContent, Text } from 'mdast';
import type { Data, Parent } from 'unist';
import type { VFile } from 'vfile';

const MARKER = /\s*\{lang=([^{}\s]*)\}\s*$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Rendered as `<section lang="…">` (mdast-util-to-hast turns an unknown parent into data.hName). */
interface LangSection extends Parent {
  type: 'langSection';
  children: RootContent[];
  data: Data & { hName: 'section'; hProperties: { lang: string } };
}

export function remarkLangSections() {
  return (tree: Root, file: VFile): void => {
    const out: RootContent[] = [];
    let open: { section: LangSection; depth: number } | null = null;
    for (const node of tree.children) {
      if (node.type === 'heading') {
        if (open && node.depth <= open.depth) open = null;
        const lang = takeMarker(node, file);
        if (lang) {
          const section: LangSection = { type: 'langSection', children: [], data: { hName: 'section', hProperties: { lang } } };
          out.push(section as unknown as RootContent);
          open = { section, depth: node.depth };
        }
      }
      if (open) open.section.children.push(node);
      else out.push(node);
    }
    tree.children = out;
  };
}

/** The language a heading's `{lang=xx}` names (removed from the text), or null. */
function takeMarker(heading: Heading, file: VFile): string | null {
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== 'text') return null;
  const match = MARKER.exec(last.value);
  if (!match) return null;
  const lang = match[1] ?? '';
  if (!LANGUAGE_TAG.test(lang)) {
    file.message(`ugyldig språkkode «${lang}» i «{lang=${lang}}» (forventet f.eks. en eller nb)`, { place: heading.position, ruleId: 'bad-lang', source: 'lang-sections' });
    return null;
  }
  (last as Text).value = last.value.slice(0, match.index);
  return lang;
}
