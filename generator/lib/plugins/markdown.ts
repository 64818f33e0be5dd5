/**
 * The one Markdown pipeline: remark-parse → our transforms → hast, sanitised (so editor Markdown can
 * never inject script or attributes) → nodes a page puts straight into its tree.
 */
import type { ElementContent, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { MarkdownSite } from './context.ts';
import { remarkDemoteHeadings } from './demote-headings.ts';
import { remarkFactNotes } from './fact-notes.ts';
import { remarkLangSections } from './lang-sections.ts';
import { remarkRouteLinks } from './route-links.ts';

export { NoteList, type MarkdownSite } from './context.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkFactNotes)
  .use(remarkRouteLinks)
  .use(remarkLangSections)
  .use(remarkDemoteHeadings)
  .freeze();

export interface RenderedMarkdown {
  /** The sanitised HTML tree's top-level nodes. */
  nodes: ElementContent[];
  /** The same as HTML (for pages still built as strings), ending in a newline. */
  readonly html: string;
  messages: VFile['messages'];
}

/** Render `markdown` (from `path`) for a page; problems come back as positioned vfile messages. */
export function renderMarkdown(markdown: string, path: string, site: MarkdownSite): RenderedMarkdown {
  const file = new VFile({ path, value: markdown, data: { site } });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const hast = sanitize(toHast(tree)) as HastRoot;
  const nodes = hast.children as ElementContent[];
  return {
    nodes,
    get html() {
      const html = toHtml(hast);
      return html && !html.endsWith('\n') ? `${html}\n` : html;
    },
    messages: file.messages,
  };
}
