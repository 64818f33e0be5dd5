/**
 * Per-page rendering context: Markdown through the shared pipeline, numbered source notes, and
 * content messages mapped back to the editor's file:line:col.
 */
import type { ContentMessage, ContentModel } from '../model.ts';
import type { Fact, Route } from '../../../shared/index.ts';
import { contentMessage } from '../content/messages.ts';
import { NoteList, renderMarkdown } from '../plugins/markdown.ts';
import { esc, norwegianDate, rel } from './layout.ts';

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

  href(to: string): string {
    return esc(rel(this.path, to));
  }

  /** `headingTop`: the level the Markdown's highest heading becomes (it sits below the page's own headings). */
  markdown(text: string, origin: MarkdownOrigin, headingTop = 2): string {
    const { html, messages } = renderMarkdown(text, origin.file, {
      facts: this.index.facts,
      routeIds: this.index.routeIds,
      routeHref: (id) => rel(this.path, `ruter/${id}.html`),
      notes: this.notes,
      headingTop,
    });
    if (messages.length === 0) return html;
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
    return html;
  }

  /** Superscript note links for a list of fact ids (ids the model does not know are reported). */
  factRefs(ids: readonly string[], origin: MarkdownOrigin): string {
    const refs: string[] = [];
    for (const id of ids) {
      if (!this.index.facts.has(id)) {
        this.messages.push(contentMessage(origin.file, { line: origin.line ?? 1, column: origin.column ?? 1 }, origin.field, `ukjent fakta-id «${id}»`, 'en id fra content/facts.yaml', `«${id}»`));
        continue;
      }
      const n = this.notes.number(id);
      refs.push(`<sup><a href="#kilde-${n}" aria-label="Kildenote ${n}">${n}</a></sup>`);
    }
    return refs.join('');
  }

  /** The page's numbered notes, quoting each fact's sources; empty when the page cites nothing. */
  notesSection(): string {
    if (this.notes.ids.length === 0) return '';
    const items = this.notes.ids.map((id, i) => {
      const fact = this.index.facts.get(id);
      if (!fact) return '';
      return `<li id="kilde-${i + 1}"><p>${esc(fact.statement)} <a href="${this.href(`kilder.html#${id}`)}">(${esc(id)})</a></p>${sourceList(fact)}</li>`;
    });
    return `<section class="notes" aria-labelledby="kildenoter">\n<h2 id="kildenoter">Kilder på denne siden</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>`;
  }
}

export function sourceList(fact: Fact): string {
  const items = fact.sources.map((s) => {
    const title = s.url ? `<a href="${esc(s.url)}">${esc(s.title)}</a>` : `<cite>${esc(s.title)}</cite>`;
    return `<li>${title}, ${esc(s.publisher)}</li>`;
  });
  return `<ul class="sources">${items.join('')}</ul>`;
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
  return `Sjekket ${esc(norwegianDate(fact.checked))}. Sikkerhet: ${esc(CONFIDENCE_LABELS[fact.confidence])}.${valid ? ` ${esc(valid[0]?.toUpperCase() + valid.slice(1))}.` : ''}`;
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
