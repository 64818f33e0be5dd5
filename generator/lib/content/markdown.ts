/** Front matter splitting and the reference syntax inside Markdown: `{{F-10}}` and `(route:id)`. */

export interface FrontMatterSplit {
  /** Offsets of the YAML between the `---` lines. */
  yamlStart: number;
  yamlEnd: number;
  /** Offset where the Markdown body starts. */
  bodyStart: number;
}

/** null when the file does not start with a `---` line or the closing `---` is missing. */
export function splitFrontMatter(text: string): FrontMatterSplit | null {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const firstEnd = text.indexOf('\n', start);
  if (firstEnd < 0 || text.slice(start, firstEnd).trimEnd() !== '---') return null;
  let lineStart = firstEnd + 1;
  while (lineStart <= text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trimEnd();
    if (line === '---' || line === '...') {
      return { yamlStart: firstEnd + 1, yamlEnd: lineStart, bodyStart: lineEnd < 0 ? text.length : lineEnd + 1 };
    }
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  return null;
}

export interface MarkdownReference {
  kind: 'fact-marker' | 'route-link';
  /** The id as written ("F-10", "vgs-full"), or the whole marker text for a malformed marker. */
  id: string;
  /** Offset of the reference within the scanned text. */
  offset: number;
  wellFormed: boolean;
}

const MARKER = /\{\{([^{}\n]*)\}\}/g;
const ROUTE_LINK = /\]\(\s*route:([^)\s]*)\s*\)/g;
const FACT_MARKER_ID = /^F-\d{2,3}$/;

export function markdownReferences(text: string): MarkdownReference[] {
  const refs: MarkdownReference[] = [];
  for (const match of text.matchAll(MARKER)) {
    const inner = (match[1] ?? '').trim();
    refs.push({ kind: 'fact-marker', id: inner, offset: match.index, wellFormed: FACT_MARKER_ID.test(inner) });
  }
  for (const match of text.matchAll(ROUTE_LINK)) {
    const id = match[1] ?? '';
    refs.push({ kind: 'route-link', id, offset: match.index + 2, wellFormed: /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) });
  }
  return refs;
}
