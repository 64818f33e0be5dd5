/**
 * The Markdown pipeline and its plugins ({{F-NN}} source notes, route: links, heading levels),
 * sanitising, and content errors surfacing from buildSite with the editor's file:line:col.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteList, renderMarkdown, type MarkdownSite } from '../../generator/lib/plugins/markdown.ts';
import { h, toHtmlString } from '../../generator/lib/html.ts';
import { buildSite, SiteBuildError } from '../../generator/lib/build.ts';
import { formatMessage } from '../../generator/lib/content/messages.ts';
import type { ContentModel } from '../../generator/lib/model.ts';
import type { Fact, Route } from '../../shared/lib/types.ts';

function fact(id: string, statement = `Faktum ${id}.`): Fact {
  return { id, statement, sources: [{ title: `Kilde for ${id}`, url: `https://example.no/${id}`, publisher: 'Utgiver' }], checked: '2026-11-01', confidence: 'high' };
}

function site(notes = new NoteList()): MarkdownSite {
  return {
    facts: new Map(['F-10', 'F-11', 'F-24'].map((id) => [id, fact(id)])),
    routeIds: new Set(['vgs-full', 'apply-authorisation']),
    routeHref: (id) => `../ruter/${id}.html`,
    notes,
  };
}

describe('renderMarkdown', () => {
  it('turns {{F-NN}} into numbered superscript links, reusing the number for a repeated fact', () => {
    const notes = new NoteList();
    const first = renderMarkdown('Vitnemål {{F-10}}, voksenrett {{ F-24 }} og igjen {{F-10}}.', 'a.md', site(notes));
    const second = renderMarkdown('Skole {{F-11}}.', 'b.md', site(notes));
    expect(first.messages).toEqual([]);
    expect(first.html).toBe(
      '<p>Vitnemål <sup><a href="#kilde-1" aria-label="Kildenote 1">1</a></sup>, voksenrett <sup><a href="#kilde-2" aria-label="Kildenote 2">2</a></sup> og igjen <sup><a href="#kilde-1" aria-label="Kildenote 1">1</a></sup>.</p>\n',
    );
    expect(second.html).toContain('href="#kilde-3"');
    expect(notes.ids).toEqual(['F-10', 'F-24', 'F-11']);
  });

  it('reports unknown fact ids at their line and column and leaves the text as written', () => {
    const { html, messages } = renderMarkdown('# Tittel\n\nFørste linje.\nAndre {{F-99}} linje.', 'ruter/x.md', site());
    expect(html).toContain('{{F-99}}');
    expect(messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([[4, 7, 'unknown-fact']]);
    expect(messages[0]?.reason).toContain('F-99');
  });

  it('refuses a fact marker inside link text (a link inside a link)', () => {
    const { html, messages } = renderMarkdown('[Les {{F-10}} her](https://example.no)', 'x.md', site());
    expect(messages.map((m) => m.ruleId)).toEqual(['fact-in-link']);
    expect(html).not.toContain('<sup>');
  });

  it('rewrites route: links to relative pages and reports unknown routes', () => {
    const { html, messages } = renderMarkdown('Se [hele løpet](route:vgs-full).\n\nOg [denne](route:finnes-ikke).', 'x.md', site());
    expect(html).toContain('<a href="../ruter/vgs-full.html">hele løpet</a>');
    expect(html).not.toContain('route:');
    expect(messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([[3, 4, 'unknown-route']]);
  });

  it('keeps sanitising on: no scripts, handlers or javascript: links survive', () => {
    const { html } = renderMarkdown(
      'Tekst <script>alert(1)</script>\n\n<img src="x" onerror="alert(1)">\n\n[klikk](javascript:alert(1))\n\n<div onclick="x()">hei</div>',
      'x.md',
      site(),
    );
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:/i);
  });

  it('puts a heading marked {lang=xx} and what follows it, up to the next heading as high, in a section of that language', () => {
    const { html, messages } = renderMarkdown('# Personvern\n\nNorsk.\n\n## Privacy {lang=en}\n\nEnglish.\n\n### Export\n\nAlso English.\n\n## Tilbake\n\nNorsk igjen.', 'x.md', site());
    expect(messages).toEqual([]);
    expect(html).toMatch(/<section lang="en"><h3>Privacy<\/h3>\s*<p>English\.<\/p>\s*<h4>Export<\/h4>\s*<p>Also English\.<\/p><\/section>\s*<h3>Tilbake<\/h3>\s*<p>Norsk igjen\.<\/p>/);
    expect(html).not.toContain('{lang');
  });

  it('reports a language marker that is no language tag, and leaves it as written', () => {
    const { html, messages } = renderMarkdown('Tekst.\n\n## Hei {lang=English!}', 'x.md', site());
    expect(messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([[3, 1, 'bad-lang']]);
    expect(html).not.toContain('<section');
    expect(html).toContain('<h2>Hei {lang=English!}</h2>');
  });

  it('pages are trees: text and attributes are escaped when serialised, and raw HTML never passes', () => {
    const hostile = '"><script>alert(1)</script>';
    const html = toHtmlString([h('a', { href: hostile, title: hostile }, hostile), { type: 'raw', value: '<img src=x onerror=alert(1)>' } as never]);
    // In a quoted attribute only the quote (and &) can end it; in text, "<" starts a tag; raw HTML is text.
    expect(html).toBe('<a href="&quot;><script>alert(1)</script>" title="&quot;><script>alert(1)</script>">">&lt;script>alert(1)&lt;/script></a>&lt;img src=x onerror=alert(1)>');
  });

  it('moves headings below the page headings, keeping their relative levels', () => {
    expect(renderMarkdown('# A\n\n## B\n\n###### C', 'x.md', site()).html).toBe('<h2>A</h2>\n<h3>B</h3>\n<h6>C</h6>\n');
    expect(renderMarkdown('## A\n\n### B', 'x.md', { ...site(), headingTop: 3 }).html).toBe('<h3>A</h3>\n<h4>B</h4>\n');
    expect(renderMarkdown('### A', 'x.md', site()).html).toBe('<h3>A</h3>\n');
  });
});

const ROUTE_FILE = `---
id: vgs-full
title: Hele løpet
---
Første avsnitt {{F-10}}.

Andre avsnitt viser til {{F-77}} og [en rute](route:borte).
`;

function route(id: string, priority: number, body: string, extra: Partial<Route> = {}): Route {
  return {
    id,
    title: id === 'vgs-full' ? 'Hele løpet' : 'Søk autorisasjon',
    titleEn: id === 'vgs-full' ? 'The whole course' : 'Apply for authorisation',
    priority,
    audience: 'Alle.',
    steps: [{ id: 'vg1', title: 'Vg1 helse- og oppvekstfag', titleEn: 'Vg1', subjectCodes: ['HSF1006'], description: 'Skole {{F-11}}.', facts: ['F-11'] }],
    duration: '3 år',
    durationEn: '3 years',
    cost: 'Gratis',
    costEn: 'Free',
    leadsToAuthorisation: true,
    facts: ['F-10'],
    body,
    ...extra,
  };
}

/** F-01 … F-56: the core's predicates and reasons cite facts from the whole fact base. */
const FACT_IDS = Array.from({ length: 56 }, (_, i) => `F-${String(i + 1).padStart(2, '0')}`);

function testModel(vgsBody: string): ContentModel {
  return {
    site: { title: 'Testsjekk', baseUrl: 'https://example.no/', language: 'nb', description: 'Test.', factsChecked: '2026-11-01' },
    rules: {
      facts: FACT_IDS.map((id) => fact(id)),
      parameters: [
        { id: 'adult-right-age', description: 'Alder', values: [{ from: '2000-01-01', value: 25 }], facts: ['F-24'] },
        { id: 'experience-years-fellesfag-exemption', description: 'År', values: [{ from: '2000-01-01', value: 5 }], facts: [] },
        { id: 'authorisation-valid-until-age', description: 'Alder', values: [{ from: '2000-01-01', value: 80 }], facts: [] },
        { id: 'processing-months-outside-eu', description: 'Måneder', values: [{ from: '2000-01-01', value: 11 }], facts: [] },
      ],
      routes: [route('vgs-full', 10, vgsBody), route('apply-authorisation', 1, 'Søk {{F-10}}.')],
    },
    titles: [],
    changes: [{ id: 'eksamen', topic: 'Eksamen', claim: 'Tre skriftlige eksamener.', now: 'Én praktisk eksamen {{F-11}}.', facts: ['F-11'] }],
    pages: {},
    sourceFiles: { 'route:vgs-full': 'content/routes/vgs-full.md', 'route:apply-authorisation': 'content/routes/apply-authorisation.md', changes: 'content/changes.yaml' },
  };
}

describe('buildSite content errors', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('throws every problem with file:line:col in the route file, and writes nothing', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'pages-src-'));
    const out = await mkdtemp(path.join(tmpdir(), 'pages-out-'));
    dirs.push(root, out);
    await mkdir(path.join(root, 'content/routes'), { recursive: true });
    await writeFile(path.join(root, 'content/routes/vgs-full.md'), ROUTE_FILE);
    const body = ROUTE_FILE.slice(ROUTE_FILE.indexOf('---\n', 4) + 4);
    const error = await buildSite(testModel(body), { outDir: out, baseUrl: 'https://example.no/', sourceRoot: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SiteBuildError);
    const lines = (error as SiteBuildError).messages.map(formatMessage);
    expect(lines).toEqual([
      'content/routes/vgs-full.md:7:25: body: ukjent fakta-id «F-99»'.replace('F-99', 'F-77') + ' i kildehenvisningen «{{F-77}}»',
      'content/routes/vgs-full.md:7:37: body: lenke til ukjent rute «borte» (route:borte)',
    ]);
    expect(await readdir(out)).toEqual([]);
  });

  it('without the source file, positions are relative to the Markdown itself', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'pages-out-'));
    dirs.push(out);
    const model = testModel('Hei.');
    model.changes[0] = { id: 'eksamen', topic: 'Eksamen', claim: 'Påstand.', now: 'Linje en.\n\nSe [ruten](route:ukjent).', facts: [] };
    const error = (await buildSite(model, { outDir: out, baseUrl: 'https://example.no/', sourceRoot: out }).catch((e: unknown) => e)) as SiteBuildError;
    expect(error.messages.map(formatMessage)).toEqual(['content/changes.yaml:3:4: changes[0].now: lenke til ukjent rute «ukjent» (route:ukjent)']);
  });

  it('builds a small model cleanly, with a veiviser leaf per route it can reach', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'pages-out-'));
    dirs.push(out);
    const result = await buildSite(testModel('Hei {{F-10}}.'), { outDir: out, baseUrl: 'https://example.no/x', sourceRoot: out });
    expect(result.files).toContain('site/ruter/vgs-full.html');
    expect(result.files).toContain('site/veiviser/index.html');
    expect(result.files.filter((f) => f.startsWith('site/veiviser/')).length).toBeGreaterThan(2);
  });

  it('rejects a base URL that is not absolute http(s)', async () => {
    await expect(buildSite(testModel('Hei.'), { outDir: tmpdir(), baseUrl: '/relativ/' })).rejects.toThrow(/base-URL/);
    await expect(buildSite(testModel('Hei.'), { outDir: tmpdir(), baseUrl: 'ftp://example.no/' })).rejects.toThrow(/http/);
  });
});
