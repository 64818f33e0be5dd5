/**
 * Per-page rendering context: Markdown through the shared pipeline, numbered source notes, and
 * content messages mapped back to the editor's file:line:col.
 */
import type { Element, ElementContent } from 'hast';
import type { ContentMessage, ContentModel } from '../model.ts';
import type { Fact, Route } from '../../../shared/index.ts';
import { contentMessage } from '../content/messages.ts';
import { block, h, toHtmlString, type Child } from '../html.ts';
import { NoteList, renderMarkdown } from '../plugins/markdown.ts';
import { norwegianDate, rel } from './layout.ts';

/** Where a piece of Markdown came from, so messages point into the editor's file. */
export interface MarkdownOrigin {
  /** Display path, e.g. "content/routes/vgs-full.md". */
  file: string;
  /** Field path, e.g. "body" or "steps[1].description". */
  field: string;
  /** 1-based line and column in `file` where the Markdown's first character sits (default 1:1). */
  line?: number;
  column?: number;
}

/** Everything about the model a page renderer needs, computed once per build. */
export interface SiteIndex {
  model: ContentModel;
  facts: ReadonlyMap<string, Fact>;
  routes: readonly Route[];
  routeIds: ReadonlySet<string>;
  asOf: string;
  /** Absolute base URL of the published site, with a trailing slash. */
  baseUrl: string;
  /** Date the facts were last checked (ISO). */
  checked: string;
  /** Where a Markdown field starts in its file, when the build could read the file. */
  locate(file: string, text: string): { line: number; column: number } | null;
}

export class PageContext {
  readonly notes = new NoteList();
  readonly messages: ContentMessage[] = [];

  constructor(
    readonly index: SiteIndex,
    /** Page path relative to the site root. */
    readonly path: string,
  ) {}

  /** Relative link from this page (for trees: the serialiser escapes it). */
  link(to: string): string {
    return rel(this.path, to);
  }

  /** `headingTop`: the level the Markdown's highest heading becomes (it sits below the page's own headings). */
  markdownNodes(text: string, origin: MarkdownOrigin, headingTop = 2): ElementContent[] {
    const { nodes, messages } = renderMarkdown(text, origin.file, {
      facts: this.index.facts,
      routeIds: this.index.routeIds,
      routeHref: (id) => rel(this.path, `ruter/${id}.html`),
      notes: this.notes,
      headingTop,
    });
    if (messages.length === 0) return nodes;
    // Only a page with problems pays for reading its source file to map positions back.
    const start = origin.line !== undefined ? { line: origin.line, column: origin.column ?? 1 } : this.index.locate(origin.file, text);
    for (const m of messages) {
      const line = m.line ?? 1;
      const column = m.column ?? 1;
      const position = start
        ? { line: start.line + line - 1, column: line === 1 ? start.column + column - 1 : column }
        : { line, column };
      this.messages.push(contentMessage(origin.file, position, origin.field, m.reason, '', ''));
    }
    return nodes;
  }

  /** Superscript note links for a list of fact ids (ids the model does not know are reported). */
  factRefNodes(ids: readonly string[], origin: MarkdownOrigin): Element[] {
    const refs: Element[] = [];
    for (const id of ids) {
      if (!this.index.facts.has(id)) {
        this.messages.push(contentMessage(origin.file, { line: origin.line ?? 1, column: origin.column ?? 1 }, origin.field, `ukjent fakta-id «${id}»`, 'en id fra content/facts.yaml', `«${id}»`));
        continue;
      }
      const n = this.notes.number(id);
      refs.push(h('sup', h('a', { href: `#kilde-${n}`, ariaLabel: `Kildenote ${n}` }, String(n))));
    }
    return refs;
  }

  /** The page's numbered notes, quoting each fact's sources; null when the page cites nothing. */
  notesNode(): Element | null {
    if (this.notes.ids.length === 0) return null;
    const items = this.notes.ids.map((id, i) => {
      const fact = this.index.facts.get(id);
      if (!fact) return '';
      return h('li', { id: `kilde-${i + 1}` }, h('p', `${fact.statement} `, h('a', { href: this.link(`kilder.html#${id}`) }, `(${id})`)), sourceList(fact));
    });
    return h('section', { className: 'notes', ariaLabelledBy: 'kildenoter' }, block(h('h2', { id: 'kildenoter' }, 'Kilder på denne siden'), h('ol', block(items))));
  }
}

export function sourceList(fact: Fact): Element {
  const items = fact.sources.map((s) => h('li', s.url ? h('a', { href: s.url }, s.title) : h('cite', s.title), `, ${s.publisher}`));
  return h('ul', { className: 'sources' }, items);
}

export const CONFIDENCE_LABELS: Record<Fact['confidence'], string> = {
  high: 'høy',
  'medium-high': 'middels til høy',
  medium: 'middels',
  unverified: 'ikke bekreftet',
};

export function factMeta(fact: Fact): string {
  const valid = [fact.validFrom && `gjelder fra ${norwegianDate(fact.validFrom)}`, fact.validTo && `gjelder til ${norwegianDate(fact.validTo)}`]
    .filter(Boolean)
    .join(', ');
  return `Sjekket ${norwegianDate(fact.checked)}. Sikkerhet: ${CONFIDENCE_LABELS[fact.confidence]}.${valid ? ` ${valid[0]?.toUpperCase() + valid.slice(1)}.` : ''}`;
}

/** Visible text of rendered nodes (see textOf). */
export function textOfNodes(nodes: Child[]): string {
  return textOf(toHtmlString(nodes));
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };

/** Visible text of rendered HTML (for JSON-LD answers and descriptions). */
export function textOf(html: string): string {
  return (
    html
      // A note marker leaves NOTE where it stood, so "foo {{F-10}}." can become "foo." below.
      .replace(/<sup>.*?<\/sup>/g, NOTE)
      .replace(/<[^>]*>/g, '')
      .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|quot|amp));/gi, (_, hex: string, dec: string, named: string) =>
        hex ? codePoint(parseInt(hex, 16)) : dec ? codePoint(Number(dec)) : (NAMED[named.toLowerCase()] ?? ''),
      )
      // The space before a removed note goes when punctuation (or the end) follows it.
      .replace(/\s*\u0000+(?=[\s\u0000]*(?:[.,;:!?)»…]|$))/g, '')
      .replaceAll(NOTE, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const NOTE = '\u0000';

/** A decoded character reference; NUL (the note placeholder) never comes from the text. */
function codePoint(n: number): string {
  return n === 0 || n > 0x10ffff ? '\ufffd' : String.fromCodePoint(n);
}
