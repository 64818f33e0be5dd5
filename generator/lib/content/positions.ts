/**
 * YAML parsing that keeps every value's position, so messages can name file:line:col.
 * Front matter is parsed on its own but positions are mapped back into the whole file.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { contentMessage, START, YAML_ERRORS, type Position } from './messages.ts';
import type { ContentMessage } from '../model.ts';

/** Offsets → 1-based line/column for one file's text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}

export interface ParsedYaml {
  /** Plain JS value, or undefined when the YAML has syntax errors. */
  value: unknown;
  messages: ContentMessage[];
  /** Position of the value at `path` (or of the nearest existing parent). */
  locate(path: readonly PropertyKey[]): Position;
  /** Position of the key `key` in the mapping at `path` (for unknown fields). */
  locateKey(path: readonly PropertyKey[], key: string): Position;
  /** File offset → position. */
  positionOf(offset: number): Position;
  /** The exact source text of the value at `path`, and its start offset in the file. */
  sourceOf(path: readonly PropertyKey[]): { text: string; offset: number } | null;
}

/**
 * Parse `text.slice(start, end)` as one YAML document. `file` is the display path; `lines`
 * indexes the whole file so that positions are file positions.
 */
export function parseYaml(file: string, text: string, lines: LineIndex, start = 0, end = text.length): ParsedYaml {
  const source = text.slice(start, end);
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => lines.position(start + offset);
  const messages: ContentMessage[] = [];
  for (const error of doc.errors) {
    const summary = YAML_ERRORS[error.code] ?? 'ugyldig YAML';
    const english = error.message.split('\n')[0] ?? '';
    messages.push(
      contentMessage(file, at(error.pos[0]), '', `YAML-feil: ${summary}`, 'gyldig YAML', `«${english}» [${error.code}]`),
    );
  }

  const nodeAt = (path: readonly PropertyKey[]): { node: Node | null; depth: number; keyStart: number | null } => {
    let node: unknown = doc.contents;
    let depth = 0;
    let keyStart: number | null = null;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        keyStart = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : null;
        if (!pair.value) break;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (!item) break;
        keyStart = null;
        node = item;
      } else break;
      depth++;
    }
    return { node: (node as Node | null) ?? null, depth, keyStart };
  };

  const startOf = (node: Node | null): number => node?.range?.[0] ?? 0;

  return {
    value: doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 50 }) : undefined,
    messages,
    positionOf: (offset) => lines.position(offset),
    locate(path) {
      const found = nodeAt(path);
      // A missing field: point at the mapping that should hold it (or at its key in the parent).
      if (found.depth < path.length && found.keyStart !== null) return at(found.keyStart);
      return found.node ? at(startOf(found.node)) : at(0);
    },
    locateKey(path, key) {
      const { node, depth } = nodeAt(path);
      if (depth === path.length && isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
      }
      return node ? at(startOf(node)) : START;
    },
    sourceOf(path) {
      const { node, depth } = nodeAt(path);
      if (depth !== path.length || !node?.range) return null;
      return { text: source.slice(node.range[0], node.range[1]), offset: start + node.range[0] };
    },
  };
}

