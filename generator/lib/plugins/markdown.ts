/**
 * The one Markdown pipeline: remark-parse → our transforms → remark-html (sanitising stays on,
 * so editor Markdown can never inject script or attributes).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkHtml from 'remark-html';
import { VFile } from 'vfile';
import type { MarkdownSite } from './context.ts';
import { remarkFactNotes } from './fact-notes.ts';
import { remarkRouteLinks } from './route-links.ts';
import { remarkDemoteHeadings } from './demote-headings.ts';

export { NoteList, type MarkdownSite } from './context.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkFactNotes)
  .use(remarkRouteLinks)
  .use(remarkDemoteHeadings)
  .use(remarkHtml)
  .freeze();

export interface RenderedMarkdown {
  html: string;
  messages: VFile['messages'];
}

/** Render `markdown` (from `path`) for a page; problems come back as positioned vfile messages. */
export function renderMarkdown(markdown: string, path: string, site: MarkdownSite): RenderedMarkdown {
  const file = new VFile({ path, value: markdown, data: { site } });
  const html = String(processor.processSync(file));
  return { html, messages: file.messages };
}
