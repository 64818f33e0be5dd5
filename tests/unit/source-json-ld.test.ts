// The one JobPosting search both faces use (shared/lib/source/json-ld.ts), on JSON-LD as boards
// really ship it, and through the HTML-string path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findJobPostings, isJobPostingType, parseJsonLd, MAX_JOB_POSTINGS } from '../../shared/lib/source/json-ld.ts';
import { sourceFromHtml } from '../../shared/lib/source/index.ts';
import { readText } from '../../shared/lib/read.ts';
import { BOARDS_MARKUP_DIR, HAS_BOARDS_MARKUP, NEEDS_BOARDS_MARKUP } from '../helpers/corpus.ts';

const posting = (title: string, type: unknown = 'JobPosting') => ({ '@context': 'https://schema.org', '@type': type, title });
const titles = (value: unknown) => findJobPostings(value).map((p) => p['title']);

describe('findJobPostings', () => {
  it('finds a posting at the top level, in arrays, @graph, mainEntity and item lists, in order', () => {
    expect(titles(posting('A'))).toEqual(['A']);
    expect(titles([posting('A'), { '@type': 'Organization' }, posting('B')])).toEqual(['A', 'B']);
    expect(titles({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite' }, posting('A')] })).toEqual(['A']);
    expect(titles({ '@type': 'WebPage', mainEntity: posting('A') })).toEqual(['A']);
    expect(titles({ '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: posting('A') }, { '@type': 'ListItem', item: posting('B') }] })).toEqual([
      'A',
      'B',
    ]);
  });

  it('unwraps single-key wrappers around a posting (finn.no: {"script:ld+json": {...}})', () => {
    expect(titles({ 'script:ld+json': posting('Helsesekretær') })).toEqual(['Helsesekretær']);
    expect(titles({ props: { pageProps: posting('A') } })).toEqual(['A']);
    expect(titles({ data: [posting('A'), posting('B')] })).toEqual(['A', 'B']);
    // Not a wrapper: an object with a type of its own, or with several keys, is not searched.
    expect(titles({ '@type': 'Organization', subOrganization: posting('A') })).toEqual([]);
    expect(titles({ a: posting('A'), b: 1 })).toEqual([]);
  });

  it('accepts @type as a list or a full IRI (http, https, schema: prefix), not look-alikes', () => {
    for (const type of ['http://schema.org/JobPosting', 'https://schema.org/JobPosting', 'schema:JobPosting', ['Thing', 'JobPosting'], ' JobPosting ']) {
      expect(isJobPostingType(type), JSON.stringify(type)).toBe(true);
      expect(titles(posting('A', type))).toEqual(['A']);
    }
    for (const type of ['jobposting', 'JobPostingDraft', 'NotAJobPosting', 'https://schema.org/Job', 3, null, [1, 'Thing']]) {
      expect(isJobPostingType(type), JSON.stringify(type)).toBe(false);
    }
  });

  it('does not search inside a posting, and stops at the depth and count limits', () => {
    expect(titles({ ...posting('A'), relatedLink: posting('B') })).toEqual(['A']);
    let deep: unknown = posting('Deep');
    for (let i = 0; i < 20; i++) deep = { wrap: deep };
    expect(findJobPostings(deep)).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => posting(`P${i}`));
    expect(findJobPostings(many)).toHaveLength(MAX_JOB_POSTINGS);
    expect(findJobPostings(many, 3).map((p) => p['title'])).toEqual(['P0', 'P1', 'P2']);
  });

  it('never throws on junk', () => {
    for (const junk of [undefined, null, 0, 'JobPosting', true, [], {}, [[[]]], { '@type': 'JobPosting' }]) {
      expect(() => findJobPostings(junk)).not.toThrow();
    }
    expect(findJobPostings({ '@type': 'JobPosting' })).toHaveLength(1);
  });
});

describe('parseJsonLd', () => {
  it('parses script text, with HTML comment or CDATA wrappers; junk is undefined', () => {
    expect(parseJsonLd(' {"a":1} ')).toEqual({ a: 1 });
    expect(parseJsonLd('<!-- {"a":1} -->')).toEqual({ a: 1 });
    expect(parseJsonLd('//<![CDATA[\n{"a":1}\n//]]>')).toEqual({ a: 1 });
    expect(parseJsonLd('{"a":')).toBeUndefined();
    expect(parseJsonLd('')).toBeUndefined();
  });
});

describe('JSON-LD through the HTML-string path', () => {
  it('collects wrapped and IRI-typed postings from script elements of any type casing', () => {
    const html =
      '<script type="application/ld+json">{"script:ld+json":{"@type":"JobPosting","title":"A"}}</script>' +
      '<script type="Application/LD+JSON; charset=utf-8">{"@type":"https://schema.org/JobPosting","title":"B"}</script>' +
      '<script type="text/javascript">{"@type":"JobPosting","title":"C"}</script><p>Tekst</p>';
    expect(sourceFromHtml(html).jobPostings.map((p) => (p as Record<string, unknown>)['title'])).toEqual(['A', 'B']);
  });

  it.skipIf(!HAS_BOARDS_MARKUP)(`finds the JobPosting in finn.no's real ad markup ${NEEDS_BOARDS_MARKUP}`, () => {
    const html = readFileSync(path.join(BOARDS_MARKUP_DIR, 'finn-ad-2026-09.excerpt.html'), 'utf8');
    const found = sourceFromHtml(html).jobPostings as Record<string, unknown>[];
    expect(found.map((p) => p['@type'])).toEqual(['JobPosting']);
    expect(found[0]!['identifier']).toBe('476382378');
    expect(found[0]!['title']).toBe('Investor Relations Manager');
  });
});

describe('a JobPosting and the visible ad: the one that states the requirements is read', () => {
  const jsonLd = (description: string) =>
    `<script type="application/ld+json">${JSON.stringify({ '@type': 'JobPosting', title: 'Helsesekretær', description })}</script>`;
  const summary = 'Vi søker en blid og serviceinnstilt helsesekretær til vårt travle legekontor i sentrum.';
  const requirements = '<h3>Kvalifikasjoner</h3><ul><li>Autorisasjon som helsesekretær</li><li>Minst to års erfaring</li><li>Erfaring med DIPS</li></ul>';

  it('reads the visible text when only it states the requirements', () => {
    const r = readText(`${jsonLd(summary)}<h1>Helsesekretær</h1><p>${summary}</p>${requirements}`);
    expect(r.authorisation.level).not.toBe('not-mentioned');
    expect(r.minYearsExperience?.years).toBe(2);
    expect(r.source.text).toContain('Kvalifikasjoner');
    expect(r.source.text).not.toContain('<script');
  });

  it('reads the posting when it states them and the page shows a summary', () => {
    const r = readText(`${jsonLd(`<p>${summary}</p>${requirements}`)}<h1>Helsesekretær</h1><p>${summary}</p>`);
    expect(r.minYearsExperience?.years).toBe(2);
    // The built posting source: its title block first, then the description's blocks.
    expect(r.source.blocks[0]?.kind).toBe('title');
    expect(r.source.text.startsWith('Helsesekretær\n')).toBe(true);
  });

  it('reads the posting when both state the same requirements (it has no page chrome)', () => {
    const r = readText(`${jsonLd(`<p>${summary}</p>${requirements}`)}<nav>Meny</nav><h1>Helsesekretær</h1>${requirements}`);
    expect(r.source.text).not.toContain('Meny');
    expect(r.minYearsExperience?.years).toBe(2);
  });
});
