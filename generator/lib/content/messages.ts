/**
 * Norwegian messages for content problems, written for an editor: where (file:line:col), which
 * field, what was expected and what was found.
 */
import type { ContentMessage } from '../model.ts';

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

export function contentMessage(
  file: string,
  position: Position,
  field: string,
  problem: string,
  expected: string,
  found: string,
  severity: ContentMessage['severity'] = 'error',
): ContentMessage {
  const detail = [found && `fant ${found}`, expected && `forventet ${expected}`].filter(Boolean).join(', ');
  return {
    file,
    line: position.line,
    column: position.column,
    field,
    expected,
    found,
    message: detail ? `${problem} (${detail})` : problem,
    severity,
  };
}

/** `content/routes/x.md:12:3: steps[2].facts: ukjent fakta-id «F-99» (…)`; warnings say so. */
export function formatMessage(m: ContentMessage): string {
  const where = `${m.file}:${m.line}:${m.column}`;
  const kind = m.severity === 'warning' ? 'advarsel: ' : '';
  return `${where}: ${kind}${m.field ? `${m.field}: ` : ''}${m.message}`;
}

export function compareMessages(a: ContentMessage, b: ContentMessage): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field);
}

/** `facts[2].sources[0].url` from ['facts', 2, 'sources', 0, 'url']. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** How a value as written in the file looks to an editor. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'ingenting';
  if (value === null) return 'en tom verdi';
  if (typeof value === 'string') return value === '' ? 'tom tekst' : `«${shorten(value)}»`;
  if (typeof value === 'number') return `tallet ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return value.length === 0 ? 'en tom liste' : `en liste med ${value.length} element`;
  if (typeof value === 'object') return 'en samling felt (nøkkel: verdi)';
  return String(value);
}

export function shorten(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'et tall',
  int: 'et heltall',
  boolean: 'true eller false',
  array: 'en liste',
  object: 'en samling felt (nøkkel: verdi)',
};

/** Norwegian summaries of the yaml package's error codes (its own English text follows in brackets). */
export const YAML_ERRORS: Partial<Record<string, string>> = {
  BAD_INDENT: 'feil innrykk',
  TAB_AS_INDENT: 'tabulator brukt som innrykk (bruk mellomrom)',
  DUPLICATE_KEY: 'samme felt står to ganger',
  MISSING_CHAR: 'mangler et tegn (f.eks. «-» foran et listeelement, «:», et anførselstegn eller en klamme)',
  MULTILINE_IMPLICIT_KEY: 'et feltnavn kan ikke gå over flere linjer (mangler det et kolon eller anførselstegn?)',
  BLOCK_AS_IMPLICIT_KEY: 'en blokk kan ikke være feltnavn (feil innrykk eller manglende kolon?)',
  UNEXPECTED_TOKEN: 'uventet tegn',
  BAD_SCALAR_START: 'en verdi kan ikke begynne med dette tegnet (sett verdien i anførselstegn)',
  BAD_DQ_ESCAPE: 'ugyldig escape-sekvens i tekst med doble anførselstegn',
  MULTIPLE_DOCS: 'filen inneholder flere YAML-dokumenter (---)',
  BLOCK_IN_FLOW: 'blokk inne i en [ ]- eller { }-liste',
  BAD_ALIAS: 'ugyldig alias (*navn)',
  NON_STRING_KEY: 'feltnavn må være tekst',
};
