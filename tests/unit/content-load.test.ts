import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHOSEN_ROUTE_IDS } from '../../shared/lib/route-choice.ts';
import { TITLE_IDS } from '../../shared/lib/types.ts';
import { ContentLoader, loadContent, REQUIRED_PAGES } from '../../generator/lib/content/load.ts';
import { markdownReferences, splitFrontMatter } from '../../generator/lib/content/markdown.ts';
import { formatMessage } from '../../generator/lib/content/messages.ts';

const FIXTURES = path.resolve('tests/fixtures/content-bad');
const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
});

async function copyOf(source: string): Promise<string> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'content-load-'));
  temps.push(tmp);
  const dir = path.join(tmp, 'content');
  await cp(source, dir, { recursive: true });
  return dir;
}

describe('the shipped content/', () => {
  it('loads with no errors and no warnings', async () => {
    const { model, messages } = await loadContent('content');
    expect(messages.map(formatMessage)).toEqual([]);
    expect(model).not.toBeNull();
  });

  it('has the three titles, the required pages, and cites only existing facts', async () => {
    const { model } = await loadContent('content');
    if (!model) throw new Error('no model');
    expect(model.titles.map((t) => t.id).sort()).toEqual([...TITLE_IDS].sort());
    const helsesekretaer = model.titles.find((t) => t.id === 'helsesekretaer');
    expect(helsesekretaer?.protected).toBe(true);
    expect(helsesekretaer?.authorisation).toBe(true);
    expect(model.titles.filter((t) => t.protected)).toHaveLength(1);
    for (const key of REQUIRED_PAGES) expect(model.pages[key]?.file).toBe(`content/pages/${key}.md`);
    const factIds = new Set(model.rules.facts.map((f) => f.id));
    // The starting article's outdated claims, each tied to the fact that corrects it.
    for (const id of ['F-13', 'F-21', 'F-22', 'F-24', 'F-15', 'F-04']) {
      expect(model.changes.some((c) => c.facts.includes(id)), id).toBe(true);
    }
    for (const change of model.changes) for (const id of change.facts) expect(factIds.has(id)).toBe(true);
    expect(model.sourceFiles['route:vgs-full']).toBe('content/routes/vgs-full.md');
    expect(model.sourceFiles.titles).toBe('content/titles.yaml');
    // Every route the rules can choose has its page.
    for (const id of CHOSEN_ROUTE_IDS) expect(model.rules.routes.map((r) => r.id)).toContain(id);
  });
});

describe('messages', () => {
  it('names file:line:col, the field, what was expected and what was found', async () => {
    const dir = await copyOf(path.join(FIXTURES, '_base'));
    await cp(path.join(FIXTURES, 'route-unknown-fact/routes/vgs-full.md'), path.join(dir, 'routes/vgs-full.md'));
    const { messages } = await loadContent(dir);
    expect(messages).toHaveLength(1);
    const [m] = messages;
    expect(m).toMatchObject({ file: 'content/routes/vgs-full.md', line: 13, column: 19, field: 'steps[0].facts[1]', found: 'F-99', severity: 'error' });
    expect(formatMessage(m!)).toBe(
      'content/routes/vgs-full.md:13:19: steps[0].facts[1]: ukjent fakta-id «F-99» (forventet en id fra content/facts.yaml, f.eks. F-10)',
    );
  });

  it('reports all errors in one run, across files', async () => {
    const dir = await copyOf(path.join(FIXTURES, '_base'));
    await cp(path.join(FIXTURES, 'three-errors'), dir, { recursive: true, filter: (s) => !s.endsWith('expect.json') });
    const { model, messages } = await loadContent(dir);
    expect(model).toBeNull();
    expect(messages.map((m) => `${m.file}:${m.line}:${m.column}`)).toEqual([
      'content/facts.yaml:9:5',
      'content/pages/front.md:4:28',
      'content/routes/apply-authorisation.md:2:1',
    ]);
  });

  it('does not cascade: a syntax error in facts.yaml is one message, not one per citation', async () => {
    const dir = await copyOf(path.join(FIXTURES, '_base'));
    await cp(path.join(FIXTURES, 'yaml-syntax/facts.yaml'), path.join(dir, 'facts.yaml'));
    const { messages } = await loadContent(dir);
    expect(messages.map(formatMessage)).toEqual([expect.stringMatching(/^content\/facts\.yaml:8:1: YAML-feil/)]);
  });

  it('warns (without failing) when two routes share a priority', async () => {
    const dir = await copyOf(path.join(FIXTURES, '_base'));
    const file = path.join(dir, 'routes/vgs-full.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('priority: 50', 'priority: 10'));
    const { model, messages } = await loadContent(dir);
    expect(model).not.toBeNull();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ severity: 'warning', field: 'priority', file: 'content/routes/vgs-full.md' });
    expect(formatMessage(messages[0]!)).toContain('advarsel: priority: samme prioritet (10) som ruten «apply-authorisation»');
  });
});

describe('ContentLoader (watch mode)', () => {
  it('re-parses only the changed file and reuses the others', async () => {
    const dir = await copyOf(path.join(FIXTURES, '_base'));
    const loader = new ContentLoader(dir);
    const first = await loader.load();
    expect(loader.reparsed).toHaveLength(10);
    const route = path.join(dir, 'routes/vgs-full.md');
    await writeFile(route, (await readFile(route, 'utf8')).replace('Tre år i skole', 'Tre år på skolen'));
    const second = await loader.load([route]);
    expect(loader.reparsed).toEqual([route]);
    expect(second.model?.rules.routes.find((r) => r.id === 'vgs-full')?.body).toContain('Tre år på skolen');
    // Unchanged files keep their parsed objects.
    expect(second.model?.rules.facts).toBe(first.model?.rules.facts);
    await loader.load([route]);
    expect(loader.reparsed).toEqual([]);
  });

  it('notices added and removed route files', async () => {
    const dir = await copyOf(path.join(FIXTURES, '_base'));
    const loader = new ContentLoader(dir);
    await loader.load();
    await rm(path.join(dir, 'routes/apply-authorisation.md'));
    const { messages } = await loader.load([path.join(dir, 'routes/apply-authorisation.md')]);
    // vgs-full links to route:apply-authorisation, which is gone now.
    expect(messages.map(formatMessage)).toEqual([expect.stringContaining('content/routes/vgs-full.md:27:40: body: lenke til ukjent rute «route:apply-authorisation»')]);
  });
});

describe('markdown helpers', () => {
  it('splits front matter, also with CRLF line ends and a BOM', () => {
    const text = '\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n';
    const split = splitFrontMatter(text);
    expect(split && text.slice(split.yamlStart, split.yamlEnd)).toBe('title: A\r\n');
    expect(split && text.slice(split.bodyStart)).toBe('Body\r\n');
    expect(splitFrontMatter('title: A\n')).toBeNull();
    expect(splitFrontMatter('---\ntitle: A\n')).toBeNull();
  });

  it('finds fact markers and route links with their offsets', () => {
    const text = 'A {{F-10}} b {{ F-2 }} [c](route:vgs-full) [d](route:Bad_Id)';
    expect(markdownReferences(text)).toEqual([
      { kind: 'fact-marker', id: 'F-10', offset: 2, wellFormed: true },
      { kind: 'fact-marker', id: 'F-2', offset: 13, wellFormed: false },
      { kind: 'route-link', id: 'vgs-full', offset: 27, wellFormed: true },
      { kind: 'route-link', id: 'Bad_Id', offset: 47, wellFormed: false },
    ]);
  });
});
