/**
 * What the Markdown plugins need to know about the site, passed per file in `file.data.site`
 * so one frozen processor serves every page.
 */
import type { Point, Position } from 'unist';
import type { Fact } from '../../../shared/index.ts';

/** The numbered source notes of one page, shared by every Markdown piece rendered on it. */
export class NoteList {
  readonly ids: string[] = [];

  /** Number of the note for `factId` (1-based), adding it on first use. */
  number(factId: string): number {
    const index = this.ids.indexOf(factId);
    if (index >= 0) return index + 1;
    this.ids.push(factId);
    return this.ids.length;
  }
}

export interface MarkdownSite {
  facts: ReadonlyMap<string, Fact>;
  routeIds: ReadonlySet<string>;
  /** Relative href of a route page from the page being rendered. */
  routeHref(id: string): string;
  notes: NoteList;
  /** Level the highest heading is moved to (2 when the Markdown sits right below the page's <h1>). */
  headingTop?: number;
}

declare module 'vfile' {
  interface DataMap {
    site: MarkdownSite;
  }
}

/** Position of `value.slice(from, to)` inside a text node that starts at `start`. */
export function positionInText(start: Point | undefined, value: string, from: number, to: number): Position | undefined {
  if (!start) return undefined;
  return { start: advance(start, value, from), end: advance(start, value, to) };
}

function advance(start: Point, value: string, index: number): Point {
  let line = start.line;
  let column = start.column;
  for (let i = 0; i < index; i++) {
    if (value[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}
