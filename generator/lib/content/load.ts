/**
 * content/ → ContentModel. Every file is parsed and validated on its own (cached by path, so the
 * watcher re-reads only what changed), then cross-file references are checked. All problems are
 * reported in one run, each with file:line:col; the model is null when any is an error.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TITLE_IDS, type Fact, type Parameter, type Route } from '../../../shared/index.ts';
import type { Change, ContentMessage, ContentModel, Page, SiteSettings, TitleInfo } from '../model.ts';
import { markdownReferences, splitFrontMatter } from './markdown.ts';
import { compareMessages, contentMessage, describeValue, fieldPath, shorten, START, type Position } from './messages.ts';
import { LineIndex, parseYaml, type ParsedYaml } from './positions.ts';
import {
  ChangeSchema,
  FACT_ID,
  FactSchema,
  isIsoDate,
  PageFrontMatterSchema,
  ParameterSchema,
  RouteFrontMatterSchema,
  SiteSchema,
  TitleSchema,
  listFileSchema,
} from './schemas.ts';
import { validate } from './validate.ts';

/** Pages the site cannot do without. */
export const REQUIRED_PAGES = ['front', 'veiviser', 'om'] as const;

type EntityKind = 'fact' | 'parameter' | 'route' | 'title' | 'change' | 'step';

interface Reference {
  kind: 'fact' | 'route' | 'malformed-marker';
  id: string;
  file: string;
  position: Position;
  field: string;
}

interface Declaration {
  kind: EntityKind;
  /** For steps: "<route>/<step>", so duplicates are per route. */
  id: string;
  file: string;
  position: Position;
  field: string;
}

type FileData =
  | { kind: 'site'; site: SiteSettings }
  | { kind: 'facts'; facts: Fact[] }
  | { kind: 'parameters'; parameters: Parameter[] }
  | { kind: 'titles'; titles: TitleInfo[] }
  | { kind: 'changes'; changes: Change[] }
  | { kind: 'route'; route: Route }
  | { kind: 'page'; key: string; page: Page };

/** What one file contributes; a pure function of its path and text, so it can be cached. */
export interface FileResult {
  file: string;
  messages: ContentMessage[];
  references: Reference[];
  declarations: Declaration[];
  /** The file's data, when it has no errors. */
  data: FileData | null;
  /** The file's ids are all known (its YAML parsed and its top level is right). */
  complete: boolean;
}

type FileKind = 'site' | 'facts' | 'parameters' | 'titles' | 'changes' | 'route' | 'page';

const LIST_FILES = { facts: 'facts.yaml', parameters: 'parameters.yaml', titles: 'titles.yaml', changes: 'changes.yaml' } as const;

export interface LoadResult {
  model: ContentModel | null;
  messages: ContentMessage[];
}

export async function loadContent(dir: string): Promise<LoadResult> {
  return new ContentLoader(dir).load();
}

/**
 * Keeps each file's parse result. `load(changed)` re-reads only the changed files (absolute
 * paths) plus files that appeared; without `changed`, everything is re-read.
 */
export class ContentLoader {
  readonly dir: string;
  private readonly cache = new Map<string, { text: string | null; result: FileResult }>();
  /** Absolute paths re-parsed by the last load(). */
  reparsed: string[] = [];

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  /** The path editors see in messages: relative to the content dir's parent, e.g. content/routes/x.md. */
  display(absolute: string): string {
    return path.relative(path.dirname(this.dir), absolute).split(path.sep).join('/');
  }

  async load(changed?: Iterable<string>): Promise<LoadResult> {
    const stale = changed ? new Set([...changed].map((p) => path.resolve(p))) : null;
    const wanted: { absolute: string; kind: FileKind }[] = [
      { absolute: path.join(this.dir, 'site.yaml'), kind: 'site' },
      ...Object.entries(LIST_FILES).map(([kind, name]) => ({ absolute: path.join(this.dir, name), kind: kind as FileKind })),
    ];
    const dirMessages: ContentMessage[] = [];
    for (const [sub, kind] of [['routes', 'route'], ['pages', 'page']] as const) {
      const names = await markdownFiles(path.join(this.dir, sub));
      if (names.length === 0) {
        dirMessages.push(
          contentMessage(this.display(path.join(this.dir, sub)), START, '', `mappen ${sub}/ mangler eller er tom`, `minst én .md-fil i ${this.display(path.join(this.dir, sub))}/`, 'ingen .md-filer'),
        );
      }
      for (const name of names) wanted.push({ absolute: path.join(this.dir, sub, name), kind });
    }

    const wantedPaths = new Set(wanted.map((w) => w.absolute));
    for (const key of this.cache.keys()) if (!wantedPaths.has(key)) this.cache.delete(key);
    this.reparsed = [];
    await Promise.all(
      wanted.map(async ({ absolute, kind }) => {
        const cached = this.cache.get(absolute);
        if (cached && stale && !stale.has(absolute)) return;
        const text = await readFile(absolute, 'utf8').catch(() => null);
        if (cached && cached.text === text) return;
        this.reparsed.push(absolute);
        this.cache.set(absolute, { text, result: parseFile(this.display(absolute), absolute, kind, text) });
      }),
    );
    const results = wanted.map((w) => this.cache.get(w.absolute)?.result).filter((r): r is FileResult => !!r);
    return combine(results, dirMessages, this.display(path.join(this.dir, 'facts.yaml')), (abs) => this.display(abs), this.dir);
  }
}

async function markdownFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return [];
  }
}

function emptyResult(file: string): FileResult {
  return { file, messages: [], references: [], declarations: [], data: null, complete: false };
}

export function parseFile(file: string, absolute: string, kind: FileKind, text: string | null): FileResult {
  const result = emptyResult(file);
  if (text === null) {
    result.messages.push(contentMessage(file, START, '', 'filen mangler eller kan ikke leses', `filen ${file}`, 'ingen fil'));
    return result;
  }
  const lines = new LineIndex(text);
  if (kind === 'route' || kind === 'page') return parseMarkdownFile(result, absolute, kind, text, lines);

  const yaml = parseYaml(file, text, lines);
  result.messages.push(...yaml.messages);
  if (yaml.messages.length > 0) return result;
  if (kind === 'site') {
    const { data, messages } = validate(SiteSchema, yaml.value ?? undefined, yaml, file);
    result.messages.push(...messages);
    result.complete = true;
    if (data) result.data = { kind: 'site', site: data };
    return result;
  }
  return parseListFile(result, kind, yaml);
}

/** facts.yaml, parameters.yaml, titles.yaml, changes.yaml: `<key>:` and a list; each entry checked on its own. */
function parseListFile(result: FileResult, kind: Exclude<FileKind, 'site' | 'route' | 'page'>, yaml: ParsedYaml): FileResult {
  const file = result.file;
  const top = validate(listFileSchema(kind), yaml.value ?? undefined, yaml, file);
  if (!top.data) {
    result.messages.push(...top.messages);
    return result;
  }
  result.complete = true;
  const items = (top.data as Record<string, unknown[]>)[kind] ?? [];
  const entity: EntityKind = ({ facts: 'fact', parameters: 'parameter', titles: 'title', changes: 'change' } as const)[kind];
  const valid: unknown[] = [];
  items.forEach((item, index) => {
    const base = [kind, index];
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      result.declarations.push({ kind: entity, id, file, position: yaml.locate([...base, 'id']), field: fieldPath([...base, 'id']) });
    }
    collectFactRefs(result, yaml, item, base);
    const schema = { facts: FactSchema, parameters: ParameterSchema, titles: TitleSchema, changes: ChangeSchema }[kind];
    const { data, messages } = validate(schema as typeof FactSchema, item, yaml, file, base);
    result.messages.push(...messages);
    if (kind === 'titles') collectMarkdownRefs(result, yaml, [...base, 'notes']);
    if (kind === 'changes') collectMarkdownRefs(result, yaml, [...base, 'now']);
    checkDates(result, yaml, item, base);
    if (data) valid.push(data);
  });
  if (kind === 'titles') {
    const ids = new Set(items.map((item) => (item as { id?: unknown } | null)?.id));
    for (const id of TITLE_IDS) {
      if (!ids.has(id)) {
        result.messages.push(contentMessage(file, yaml.locate(['titles']), 'titles', `tittelen «${id}» mangler`, `én oppføring for hver av ${TITLE_IDS.join(', ')}`, 'ingen oppføring'));
      }
    }
  }
  if (!result.messages.some((m) => m.severity === 'error')) {
    result.data = { kind, [kind]: valid } as FileData;
  }
  return result;
}

/** validFrom ≤ validTo for facts; parameter periods in order and from ≤ to. Checked on the raw entry. */
function checkDates(result: FileResult, yaml: ParsedYaml, raw: unknown, base: (string | number)[]): void {
  const file = result.file;
  const data = (raw ?? {}) as Record<string, unknown>;
  const iso = (value: unknown): value is string => typeof value === 'string' && isIsoDate(value);
  if (iso(data.validFrom) && iso(data.validTo) && data.validFrom > data.validTo) {
    result.messages.push(contentMessage(file, yaml.locate([...base, 'validTo']), fieldPath([...base, 'validTo']), 'sluttdatoen er før startdatoen', `en dato lik eller senere enn validFrom (${data.validFrom})`, `«${data.validTo}»`));
  }
  if (Array.isArray(data.values)) {
    let previousFrom = '';
    (data.values as unknown[]).forEach((value, i) => {
      const period = (value ?? {}) as { from?: unknown; to?: unknown };
      if (!iso(period.from)) return;
      const at = [...base, 'values', i];
      if (iso(period.to) && period.from > period.to) {
        result.messages.push(contentMessage(file, yaml.locate([...at, 'to']), fieldPath([...at, 'to']), 'sluttdatoen er før startdatoen', `en dato lik eller senere enn from (${period.from})`, `«${period.to}»`));
      }
      if (period.from <= previousFrom) {
        result.messages.push(contentMessage(file, yaml.locate([...at, 'from']), fieldPath([...at, 'from']), 'periodene står ikke i tidsrekkefølge', `en dato senere enn ${previousFrom}`, `«${period.from}»`));
      }
      previousFrom = period.from;
    });
  }
}

/** Fact ids in `facts:` lists, taken from the raw value so they are checked even if other fields are wrong. */
function collectFactRefs(result: FileResult, yaml: ParsedYaml, raw: unknown, base: (string | number)[]): void {
  const facts = (raw as { facts?: unknown } | null)?.facts;
  if (!Array.isArray(facts)) return;
  facts.forEach((id, i) => {
    if (typeof id === 'string' && FACT_ID.test(id)) {
      const at = [...base, 'facts', i];
      result.references.push({ kind: 'fact', id, file: result.file, position: yaml.locate(at), field: fieldPath(at) });
    }
  });
}

/** `{{F-10}}` and `(route:x)` inside a YAML string, positioned in its source text. */
function collectMarkdownRefs(result: FileResult, yaml: ParsedYaml, at: (string | number)[]): void {
  const source = yaml.sourceOf(at);
  if (!source) return;
  addMarkdownRefs(result, source.text, source.offset, fieldPath(at), yaml.positionOf);
}

function addMarkdownRefs(result: FileResult, text: string, offset: number, field: string, positionOf: (offset: number) => Position): void {
  for (const ref of markdownReferences(text)) {
    const position = positionOf(offset + ref.offset);
    if (!ref.wellFormed) {
      result.references.push({ kind: 'malformed-marker', id: ref.kind === 'fact-marker' ? `{{${ref.id}}}` : `route:${ref.id}`, file: result.file, position, field });
    } else {
      result.references.push({ kind: ref.kind === 'fact-marker' ? 'fact' : 'route', id: ref.id, file: result.file, position, field });
    }
  }
}

function parseMarkdownFile(result: FileResult, absolute: string, kind: 'route' | 'page', text: string, lines: LineIndex): FileResult {
  const file = result.file;
  const name = path.basename(absolute, '.md');
  if (kind === 'route') {
    result.declarations.push({ kind: 'route', id: name, file, position: START, field: '' });
  }
  const split = splitFrontMatter(text);
  if (!split) {
    const opened = /^\uFEFF?---\s*$/m.test(text.split('\n')[0] ?? '');
    result.messages.push(
      opened
        ? contentMessage(file, START, '', 'front matter er ikke avsluttet', 'en linje «---» etter YAML-feltene, før Markdown-teksten', 'ingen avsluttende «---»')
        : contentMessage(file, START, '', 'front matter mangler', 'at filen starter med en linje «---», deretter YAML-felt og en ny linje «---»', text.trim() ? `«${shorten(text.split('\n')[0] ?? '', 40)}»` : 'en tom fil'),
    );
    return result;
  }
  const yaml = parseYaml(file, text, lines, split.yamlStart, split.yamlEnd);
  result.messages.push(...yaml.messages);
  const bodyText = text.slice(split.bodyStart);
  addMarkdownRefs(result, bodyText, split.bodyStart, 'body', (offset) => lines.position(offset));
  if (yaml.messages.length > 0) return result;
  result.complete = true;
  const body = bodyText.trim();

  if (kind === 'page') {
    const { data, messages } = validate(PageFrontMatterSchema, yaml.value ?? undefined, yaml, file);
    result.messages.push(...messages);
    if (data) result.data = { kind: 'page', key: name, page: { title: data.title, body, file } };
    return result;
  }

  const raw = yaml.value as Record<string, unknown> | null | undefined;
  collectFactRefs(result, yaml, raw, []);
  if (raw && typeof raw.id === 'string' && raw.id !== name) {
    result.messages.push(contentMessage(file, yaml.locate(['id']), 'id', `id-en «${raw.id}» er ikke lik filnavnet ${name}.md`, `id: ${name} (eller gi filen navnet ${raw.id}.md)`, `«${raw.id}»`));
  }
  const steps = raw?.steps;
  if (Array.isArray(steps)) {
    steps.forEach((step, i) => {
      collectFactRefs(result, yaml, step, ['steps', i]);
      collectMarkdownRefs(result, yaml, ['steps', i, 'description']);
      const id = (step as { id?: unknown } | null)?.id;
      if (typeof id === 'string') {
        result.declarations.push({ kind: 'step', id: `${name}/${id}`, file, position: yaml.locate(['steps', i, 'id']), field: fieldPath(['steps', i, 'id']) });
      }
    });
  }
  const { data, messages } = validate(RouteFrontMatterSchema, raw ?? undefined, yaml, file);
  result.messages.push(...messages);
  if (data && result.messages.length === 0) result.data = { kind: 'route', route: { ...data, body } };
  return result;
}

const KIND_NAMES: Record<EntityKind, string> = {
  fact: 'fakta-id',
  parameter: 'parameter-id',
  route: 'rute-id',
  title: 'tittel-id',
  change: 'endrings-id',
  step: 'steg-id',
};

function combine(
  results: FileResult[],
  extra: ContentMessage[],
  factsFile: string,
  display: (absolute: string) => string,
  dir: string,
): LoadResult {
  const messages = [...extra, ...results.flatMap((r) => r.messages)];
  const declarations = results.flatMap((r) => r.declarations);

  const seen = new Map<string, Declaration>();
  for (const d of declarations) {
    const key = `${d.kind}:${d.id}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, d);
      continue;
    }
    const shown = d.kind === 'step' ? d.id.split('/')[1] : d.id;
    messages.push(contentMessage(d.file, d.position, d.field, `${KIND_NAMES[d.kind]}-en «${shown}» er brukt før, i ${first.file}:${first.position.line}:${first.position.column}`, `en ${KIND_NAMES[d.kind]} som ikke er brukt før`, `«${shown}»`));
  }

  const factIds = [...seen.values()].filter((d) => d.kind === 'fact').map((d) => d.id);
  const routeIds = [...seen.values()].filter((d) => d.kind === 'route').map((d) => d.id);
  const factsComplete = results.some((r) => r.file === factsFile && r.complete);
  const exampleFact = factIds.includes('F-10') ? 'F-10' : (factIds[0] ?? 'F-10');
  for (const ref of results.flatMap((r) => r.references)) {
    if (ref.kind === 'fact' && factsComplete && !seen.has(`fact:${ref.id}`)) {
      messages.push(refMessage(ref, `ukjent fakta-id «${ref.id}»`, `en id fra ${factsFile}, f.eks. ${exampleFact}`));
    } else if (ref.kind === 'route' && !seen.has(`route:${ref.id}`)) {
      messages.push(refMessage(ref, `lenke til ukjent rute «route:${ref.id}»`, `en rute i ${display(path.join(dir, 'routes'))}/: ${routeIds.join(', ')}`));
    } else if (ref.kind === 'malformed-marker') {
      messages.push(refMessage(ref, `ugyldig henvisning «${ref.id}»`, ref.id.startsWith('route:') ? 'en lenke som [tekst](route:vgs-full)' : 'en kildemarkør som {{F-10}}'));
    }
  }

  const pages = new Map<string, Page>();
  for (const r of results) if (r.data?.kind === 'page') pages.set(r.data.key, r.data.page);
  const pagesDir = display(path.join(dir, 'pages'));
  for (const key of REQUIRED_PAGES) {
    if (!pages.has(key) && !results.some((r) => r.file === `${pagesDir}/${key}.md`)) {
      messages.push(contentMessage(`${pagesDir}/${key}.md`, START, '', `siden «${key}» mangler`, `filen ${pagesDir}/${key}.md`, 'ingen fil'));
    }
  }

  const routes = results.flatMap((r) => (r.data?.kind === 'route' ? [r.data.route] : []));
  const byPriority = new Map<number, Route>();
  for (const route of routes) {
    const other = byPriority.get(route.priority);
    if (other) {
      const file = results.find((r) => r.data?.kind === 'route' && r.data.route === route)?.file ?? '';
      messages.push(contentMessage(file, START, 'priority', `samme prioritet (${route.priority}) som ruten «${other.id}»: rekkefølgen mellom dem er ikke bestemt`, 'ulik prioritet for hver rute', describeValue(route.priority), 'warning'));
    } else byPriority.set(route.priority, route);
  }

  messages.sort(compareMessages);
  if (messages.some((m) => m.severity === 'error')) return { model: null, messages };

  const pick = <K extends FileData['kind']>(kind: K) => results.find((r) => r.data?.kind === kind)?.data as Extract<FileData, { kind: K }>;
  const sourceFiles: Record<string, string> = {};
  for (const r of results) {
    const data = r.data;
    if (!data) continue;
    if (data.kind === 'site') sourceFiles.site = r.file;
    if (data.kind !== 'route' && data.kind !== 'page') sourceFiles[data.kind] = r.file;
    if (data.kind === 'facts') for (const f of data.facts) sourceFiles[`fact:${f.id}`] = r.file;
    if (data.kind === 'parameters') for (const p of data.parameters) sourceFiles[`parameter:${p.id}`] = r.file;
    if (data.kind === 'titles') for (const t of data.titles) sourceFiles[`title:${t.id}`] = r.file;
    if (data.kind === 'changes') for (const c of data.changes) sourceFiles[`change:${c.id}`] = r.file;
    if (data.kind === 'route') sourceFiles[`route:${data.route.id}`] = r.file;
    if (data.kind === 'page') sourceFiles[`page:${data.key}`] = r.file;
  }
  const model: ContentModel = {
    site: pick('site').site,
    rules: {
      facts: pick('facts').facts,
      parameters: pick('parameters').parameters,
      routes: [...routes].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id)),
    },
    titles: pick('titles').titles,
    changes: pick('changes').changes,
    pages: Object.fromEntries([...pages].sort(([a], [b]) => a.localeCompare(b))),
    sourceFiles,
  };
  return { model, messages };
}

function refMessage(ref: Reference, problem: string, expected: string): ContentMessage {
  const m = contentMessage(ref.file, ref.position, ref.field, problem, expected, '');
  return { ...m, found: ref.id };
}
