import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAS_CORPUS, NEEDS_CORPUS } from '../helpers/corpus.ts';
import {
  decodeEntities,
  isHeadingLine,
  looksLikeHtml,
  sourceFromBlocks,
  sourceFromHtml,
  sourceFromInput,
  sourceFromText,
} from '../../shared/lib/source/index.ts';
import type { AdSource } from '../../shared/lib/types.ts';

const CORPUS = CORPUS_DIR;

/** Blocks as [kind, level, text] for compact assertions. */
function shape(source: AdSource): [string, number, string][] {
  return source.blocks.map((b) => [b.kind, b.level, source.text.slice(b.start, b.end)]);
}

/** The AdSource invariants every builder keeps. */
function expectWellFormed(source: AdSource): void {
  expect(source.text).toBe(source.blocks.map((b) => source.text.slice(b.start, b.end)).join('\n'));
  let at = 0;
  for (const b of source.blocks) {
    expect(b.start).toBe(at);
    expect(b.end).toBeGreaterThan(b.start);
    at = b.end + 1;
  }
}

describe('sourceFromBlocks', () => {
  it('joins blocks with "\\n" and records exact spans', () => {
    const source = sourceFromBlocks([
      { kind: 'title', text: '  Helsesekretær  ' },
      { kind: 'heading', level: 3, text: 'Kvalifikasjoner' },
      { kind: 'list-item', text: 'Autorisasjon\r\nsom helsesekretær' },
      { kind: 'paragraph', text: '   ' },
      { kind: 'paragraph', text: 'Gode   norsk\tkunnskaper' },
    ]);
    expect(source.text).toBe('Helsesekretær\nKvalifikasjoner\nAutorisasjon\nsom helsesekretær\nGode norsk kunnskaper');
    expect(shape(source)).toEqual([
      ['title', 0, 'Helsesekretær'],
      ['heading', 3, 'Kvalifikasjoner'],
      ['list-item', 0, 'Autorisasjon\nsom helsesekretær'],
      ['paragraph', 0, 'Gode norsk kunnskaper'],
    ]);
    expect(source.jobPostings).toEqual([]);
  });

  it('clamps heading levels, zeroes others, and copies job postings', () => {
    const postings = [{ '@type': 'JobPosting' }];
    const source = sourceFromBlocks(
      [
        { kind: 'heading', level: 9, text: 'a' },
        { kind: 'heading', text: 'b' },
        { kind: 'paragraph', level: 2, text: 'c' },
      ],
      postings,
    );
    expect(source.blocks.map((b) => b.level)).toEqual([6, 3, 0]);
    expect(source.jobPostings).toEqual(postings);
    expect(source.jobPostings).not.toBe(postings);
  });

  it('returns an empty source for no blocks', () => {
    expect(sourceFromBlocks([])).toEqual({ text: '', blocks: [], jobPostings: [] });
  });
});

describe('sourceFromText', () => {
  it('reads title, paragraphs, list items and headings', () => {
    const source = sourceFromText(
      [
        'Helsesekretær 100 % fast',
        '',
        'Vi søker en helsesekretær til legekontoret.',
        'Tiltredelse snarest.',
        '',
        'Kvalifikasjoner',
        '- Autorisasjon som helsesekretær',
        '• Erfaring med DIPS',
        '* Gode norskkunnskaper',
        '',
        'Ønskede kvalifikasjoner:',
        '1. Erfaring fra sykehus',
        '',
        'Erfaring fra patologi vektlegges',
      ].join('\r\n'),
    );
    expect(shape(source)).toEqual([
      ['title', 0, 'Helsesekretær 100 % fast'],
      ['paragraph', 0, 'Vi søker en helsesekretær til legekontoret.\nTiltredelse snarest.'],
      ['heading', 3, 'Kvalifikasjoner'],
      ['list-item', 0, 'Autorisasjon som helsesekretær'],
      ['list-item', 0, 'Erfaring med DIPS'],
      ['list-item', 0, 'Gode norskkunnskaper'],
      ['heading', 3, 'Ønskede kvalifikasjoner:'],
      ['list-item', 0, 'Erfaring fra sykehus'],
      ['paragraph', 0, 'Erfaring fra patologi vektlegges'],
    ]);
    expectWellFormed(source);
  });

  it('continues an indented list item and ends it at an unindented line', () => {
    const source = sourceFromText('Tekst først.\n- Autorisasjon som\n  helsesekretær\nNy linje');
    expect(shape(source)).toEqual([
      ['paragraph', 0, 'Tekst først.'],
      ['list-item', 0, 'Autorisasjon som\nhelsesekretær'],
      ['paragraph', 0, 'Ny linje'],
    ]);
  });

  it('does not make a lone line a title, nor a long or multi-line first paragraph', () => {
    expect(shape(sourceFromText('Vi søker helsesekretær.'))).toEqual([['paragraph', 0, 'Vi søker helsesekretær.']]);
    expect(sourceFromText('Linje en\nlinje to\n\nMer.').blocks[0]?.kind).toBe('paragraph');
    expect(sourceFromText(`${'x'.repeat(151)}\n\nMer.`).blocks[0]?.kind).toBe('paragraph');
  });

  it('handles empty and blank input', () => {
    expect(sourceFromText('')).toEqual({ text: '', blocks: [], jobPostings: [] });
    expect(sourceFromText(' \n\n\t\n')).toEqual({ text: '', blocks: [], jobPostings: [] });
  });

  it.each([
    ['Kvalifikasjoner', true],
    ['Ønskede kvalifikasjoner:', true],
    ['Personlige egenskaper', true],
    ['Om stillingen', true],
    ['Vi tilbyr', true],
    ['Kvalifikasjonar', true],
    ['Qualifications', true],
    ['Hva vi ser etter:', true],
    ['Erfaring fra patologi vektlegges', false],
    ['Helsesekretær eller tilsvarende utdanning', false],
    ['Lønn etter avtale', false],
    ['Utdanning: helsesekretær', false],
    ['Krav om autorisasjon.', false],
    ['kvalifikasjoner', false],
  ])('isHeadingLine(%j) is %s', (line, expected) => {
    expect(isHeadingLine(line)).toBe(expected);
  });
});

describe('sourceFromHtml: structure', () => {
  it('maps headings, list items and paragraphs', () => {
    const source = sourceFromHtml(
      '<h1>Helsesekretær</h1><p>Intro <em>tekst</em>.</p><h3>Kvalifikasjoner</h3>' +
        '<ul><li>Autorisasjon</li><li>DIPS</li></ul><h6>Sist</h6><div>Slutt</div>',
    );
    expect(shape(source)).toEqual([
      ['heading', 1, 'Helsesekretær'],
      ['paragraph', 0, 'Intro tekst.'],
      ['heading', 3, 'Kvalifikasjoner'],
      ['list-item', 0, 'Autorisasjon'],
      ['list-item', 0, 'DIPS'],
      ['heading', 6, 'Sist'],
      ['paragraph', 0, 'Slutt'],
    ]);
    expectWellFormed(source);
  });

  it('splits paragraphs at <br>, but keeps a list item whole with a line break', () => {
    const source = sourceFromHtml('<p>En<br>To<br/>Tre</p><ul><li>Krav:<br />autorisasjon</li></ul>');
    expect(shape(source)).toEqual([
      ['paragraph', 0, 'En'],
      ['paragraph', 0, 'To'],
      ['paragraph', 0, 'Tre'],
      ['list-item', 0, 'Krav:\nautorisasjon'],
    ]);
  });

  it('treats a short all-bold paragraph as a heading, but not a sentence or a bold list item', () => {
    const source = sourceFromHtml(
      '<p><strong>Kvalifikasjoner</strong></p><p><b> Utdanningsretning </b></p>' +
        '<p><strong>Autorisasjon er et krav.</strong></p><p><strong>Krav:</strong> autorisasjon</p>' +
        '<ul><li><strong>Autorisasjon som helsesekretær</strong></li><li><strong>Andre opplysninger</strong></li></ul>',
    );
    expect(shape(source)).toEqual([
      ['heading', 4, 'Kvalifikasjoner'],
      ['heading', 4, 'Utdanningsretning'],
      ['paragraph', 0, 'Autorisasjon er et krav.'],
      ['paragraph', 0, 'Krav: autorisasjon'],
      ['list-item', 0, 'Autorisasjon som helsesekretær'],
      ['heading', 4, 'Andre opplysninger'],
    ]);
  });

  it('collapses whitespace like a browser and keeps words apart across tags', () => {
    const source = sourceFromHtml('<p>Ved Sandviken\n   sjukehus&nbsp;og <span>Haukeland</span>\t</p><p>a<i>b</i>c</p>');
    expect(shape(source)).toEqual([
      ['paragraph', 0, 'Ved Sandviken sjukehus og Haukeland'],
      ['paragraph', 0, 'abc'],
    ]);
  });

  it('reads paragraphs typed as "- " or "• " lines as list items, but not numbers', () => {
    expect(shape(sourceFromHtml('<p>Krav:<br>- Autorisasjon<br>• DIPS<br>2. juledag<br>-ikke</p>'))).toEqual([
      ['paragraph', 0, 'Krav:'],
      ['list-item', 0, 'Autorisasjon'],
      ['list-item', 0, 'DIPS'],
      ['paragraph', 0, '2. juledag'],
      ['paragraph', 0, '-ikke'],
    ]);
  });

  it('makes table cells separate blocks', () => {
    expect(shape(sourceFromHtml('<table><tr><td>Stilling</td><td>Helsesekretær</td></tr></table>'))).toEqual([
      ['paragraph', 0, 'Stilling'],
      ['paragraph', 0, 'Helsesekretær'],
    ]);
  });

  it('drops content that is not visible', () => {
    const source = sourceFromHtml(
      '<head><title>Fane</title><style>p{color:red}</style></head><body>' +
        '<p>Synlig</p><script>var x = "<p>skript</p>";</script><template><p>mal</p></template>' +
        '<noscript>ingen js</noscript><div hidden>skjult1</div><div aria-hidden="true">skjult2</div>' +
        '<div style="color: red; DISPLAY : none">skjult3<p>dypt</p></div><span style="visibility:hidden">skjult4</span>' +
        '<svg><text>tegning</text></svg><p>Også synlig</p></body>',
    );
    expect(shape(source)).toEqual([
      ['paragraph', 0, 'Synlig'],
      ['paragraph', 0, 'Også synlig'],
    ]);
  });

  it('does not hide on aria-hidden="false" or display:block', () => {
    expect(sourceFromHtml('<div aria-hidden="false">a</div><div style="display:block">b</div>').text).toBe('a\nb');
  });
});

describe('sourceFromHtml: entities', () => {
  it('decodes the Norwegian letters, common named and all numeric references', () => {
    const source = sourceFromHtml(
      '<p>&AElig;&Oslash;&Aring; &aelig;&oslash;&aring; &amp; &lt;b&gt; &quot;x&quot; &#39;y&#39; &#229;&#xE6;&#X00F8; &#128512;</p>',
    );
    expect(source.text).toBe('ÆØÅ æøå & <b> "x" \'y\' åæø 😀');
  });

  it('keeps a soft hyphen, so titles split by it are still found', () => {
    expect(sourceFromHtml('<p>helse&shy;sekretær</p>').text).toBe('helse\u00adsekretær');
  });

  it('leaves unknown or broken references as written and maps the C1 range like browsers', () => {
    expect(decodeEntities('&nosuch; & &; &# &#x; AT&T')).toBe('&nosuch; & &; &# &#x; AT&T');
    expect(decodeEntities('&#150; &#0; &#x110000; &#xD800;')).toBe('\u2013 \ufffd \ufffd \ufffd');
    expect(decodeEntities('&amp &nbsp;x')).toBe('& \u00a0x');
  });
});

describe('sourceFromHtml: broken markup', () => {
  it.each([
    ['unclosed paragraph and list items', '<p>En<p>To<ul><li>a<li>b</ul>', [
      ['paragraph', 0, 'En'],
      ['paragraph', 0, 'To'],
      ['list-item', 0, 'a'],
      ['list-item', 0, 'b'],
    ]],
    ['stray end tags', '</div></li>Tekst</span></p>', [['paragraph', 0, 'Tekst']]],
    ['a "<" that starts no tag', '<p>3 < 5 og a <> b</p>', [['paragraph', 0, '3 < 5 og a <> b']]],
    ['unterminated comment', '<p>Før</p><!-- borte', [['paragraph', 0, 'Før']]],
    ['upper-case tags and unquoted attributes', '<P CLASS=x>Stor</P><H2 id=a>Tittel</H2>', [
      ['paragraph', 0, 'Stor'],
      ['heading', 2, 'Tittel'],
    ]],
    ['a ">" inside a quoted attribute', '<p title="a>b">Tekst</p>', [['paragraph', 0, 'Tekst']]],
    ['an unclosed script swallows the rest', '<p>Før</p><script>var a = 1;', [['paragraph', 0, 'Før']]],
    ['an unclosed head ends at the body', '<html><head><title>x</title><meta charset=utf-8><body><p>Tekst</p>', [['paragraph', 0, 'Tekst']]],
    ['tag names that are Object.prototype keys', '<constructor>a</constructor><__proto__>b</__proto__><toString>c', [['paragraph', 0, 'a<__proto__>bc']]],
    ['doctype and processing instruction', '<!DOCTYPE html><?xml version="1.0"?><p>Tekst</p>', [['paragraph', 0, 'Tekst']]],
    // The parser finds known names by a hash of their characters; unknown and non-ASCII names
    // take the slow path, which must agree (the Kelvin sign lower-cases to "k": "LIN\u212A" is <link>).
    ['a custom element closes itself, not an open paragraph', '<p>a<x-kort>b</x-kort>c</p><p>d</p>', [
      ['paragraph', 0, 'abc'],
      ['paragraph', 0, 'd'],
    ]],
    ['a non-ASCII name that lower-cases to a known one', '<p>a<LIN\u212A rel=x>b</p>', [['paragraph', 0, 'ab']]],
    ['names that share a prefix with known ones', '<pre>a</pre><pa>b</pa><p1>c</p1><li2>d', [
      ['paragraph', 0, 'a'],
      ['paragraph', 0, 'bcd'],
    ]],
    ['a wanted attribute name in another case, or twice', '<div HIDDEN>skjult</div><div Style="display:none" style="">skjult</div><p>synlig</p>', [
      ['paragraph', 0, 'synlig'],
    ]],
    ['deep nesting, closed in one go', `${'<div><span>'.repeat(2000)}dypt${'</div>'.repeat(1)}<p>etter</p>`, [
      ['paragraph', 0, 'dypt'],
      ['paragraph', 0, 'etter'],
    ]],
  ])('%s', (_name, html, expected) => {
    const source = sourceFromHtml(html);
    expect(shape(source)).toEqual(expected);
    expectWellFormed(source);
  });
});

describe('sourceFromHtml: JSON-LD', () => {
  const ld = (json: string): string => `<script type="application/ld+json">${json}</script>`;

  it('collects a JobPosting, with @type as a string or an array', () => {
    const source = sourceFromHtml(
      ld('{"@context":"https://schema.org","@type":"JobPosting","title":"Helsesekretær"}') +
        ld('{"@type":["JobPosting","Thing"],"title":"Legesekretær"}') +
        '<p>Tekst</p>',
    );
    expect(source.jobPostings).toEqual([
      { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Helsesekretær' },
      { '@type': ['JobPosting', 'Thing'], title: 'Legesekretær' },
    ]);
    expect(source.text).toBe('Tekst');
  });

  it('finds JobPostings inside @graph and top-level arrays, and skips other types', () => {
    const source = sourceFromHtml(
      ld('{"@graph":[{"@type":"Organization","name":"X"},{"@type":"JobPosting","title":"A"}]}') +
        ld('[{"@type":"JobPosting","title":"B"},{"@type":"WebPage"}]') +
        ld('{"@type":"WebPage","mainEntity":{"@type":"schema:JobPosting","title":"C"}}'),
    );
    expect(source.jobPostings.map((p) => (p as { title: string }).title)).toEqual(['A', 'B', 'C']);
  });

  it('ignores malformed JSON and scripts of other types, never throwing', () => {
    const source = sourceFromHtml(
      ld('{"@type":"JobPosting",') +
        ld('') +
        '<script type="text/javascript">{"@type":"JobPosting"}</script>' +
        '<SCRIPT TYPE="Application/LD+JSON"><!-- {"@type":"JobPosting","title":"D"} --></SCRIPT>',
    );
    expect(source.jobPostings).toEqual([{ '@type': 'JobPosting', title: 'D' }]);
  });
});

describe('looksLikeHtml and sourceFromInput', () => {
  it.each([
    ['<p>Tekst</p>', true],
    ['Tekst<br>mer', true],
    ['<!DOCTYPE html><html></html>', true],
    ['<!-- kommentar -->Tekst', true],
    ['<DIV class="a">x</DIV>', true],
    ['Vi søker helsesekretær.\n\nKvalifikasjoner\n- Autorisasjon', false],
    ['3 < 5 og 6 > 4', false],
    ['<helsesekretær>', false],
    ['<p uten slutt', false],
    ['', false],
  ])('looksLikeHtml(%j) is %s', (input, expected) => {
    expect(looksLikeHtml(input)).toBe(expected);
  });

  it('routes HTML and text to the right reader', () => {
    expect(shape(sourceFromInput('<h2>Kvalifikasjoner</h2><ul><li>a</li></ul>'))).toEqual([
      ['heading', 2, 'Kvalifikasjoner'],
      ['list-item', 0, 'a'],
    ]);
    expect(shape(sourceFromInput('Kvalifikasjoner\n- a'))).toEqual([
      ['heading', 3, 'Kvalifikasjoner'],
      ['list-item', 0, 'a'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Real ads

interface RawAd {
  title: string;
  description_as_stored: string | null;
  employer_description_as_stored: string | null;
}

const rawFiles = (HAS_CORPUS ? readdirSync(`${CORPUS}/raw`) : []).filter((f) => f.endsWith('.json')).sort();
const readRaw = (file: string): RawAd => JSON.parse(readFileSync(`${CORPUS}/raw/${file}`, 'utf8')) as RawAd;
/** Whitespace collapsed; e-mail addresses dropped (the .txt copies have them replaced). */
const comparable = (s: string): string => s.replace(/\S+@\S+/g, '').replace(/\s+/g, ' ').trim();

describe.skipIf(!HAS_CORPUS)(`sourceFromHtml on the real ads as stored ${NEEDS_CORPUS}`, () => {
  it('has the 28 stored ads', () => {
    expect(rawFiles).toHaveLength(28);
  });

  it.each(rawFiles)('%s: every block is text of the published ad, and no markup leaks', (file) => {
    const raw = readRaw(file);
    const published = comparable(readFileSync(`${CORPUS}/ads/${file.replace('.json', '.txt')}`, 'utf8'));
    for (const html of [raw.description_as_stored, raw.employer_description_as_stored]) {
      const source = sourceFromHtml(html ?? '');
      expectWellFormed(source);
      expect(looksLikeHtml(html ?? '') || source.blocks.length === 0 || !/<[a-z]/i.test(html ?? '')).toBe(true);
      for (const b of source.blocks) {
        const text = source.text.slice(b.start, b.end);
        expect(text).not.toMatch(/<\/?[a-z][a-z0-9]*[\s>/]/i);
        expect(text).not.toMatch(/&(?:amp|lt|gt|quot|nbsp|#\d+);/);
        expect(published).toContain(comparable(text));
      }
    }
  });

  it('002: reads the Webcruiter list under its h3 headings and drops the display:none block', () => {
    const source = sourceFromHtml(readRaw('002.json').description_as_stored ?? '');
    const blocks = shape(source);
    expect(blocks).toContainEqual(['heading', 3, 'Kvalifikasjoner']);
    const at = blocks.findIndex((b) => b[2] === 'Kvalifikasjoner');
    expect(blocks.slice(at + 1, at + 3)).toEqual([
      ['list-item', 0, 'Ønskelig med erfaring fra helsevesenet, fortrinnsvis sykehus.'],
      ['list-item', 0, 'Må beherske norsk skriftlig og muntlig.'],
    ]);
    // Typed "- " lines between <br>s are list items too.
    expect(blocks).toContainEqual(['list-item', 0, 'Helsesekretærer/sekretærer']);
    expect(blocks).toContainEqual(['list-item', 0, 'Spesialsykepleiere/sykepleiere/ 2. års sykepleierstudenter']);
    expect(source.text).not.toContain('Nøkkelinformasjon');
    expect(source.text).not.toContain('Annonsør');
  });

  it('004: NAV\'s <p><strong>…</strong></p> labels become headings over their lists', () => {
    const blocks = shape(sourceFromHtml(readRaw('004.json').description_as_stored ?? ''));
    const at = blocks.findIndex((b) => b[2] === 'Utdanningsretning');
    expect(blocks[at]).toEqual(['heading', 4, 'Utdanningsretning']);
    expect(blocks[at + 1]).toEqual(['list-item', 0, 'Helsesekretær eller tilsvarende utdanning']);
    expect(blocks).toContainEqual(['list-item', 0, 'Autorisert helsesekretær/medisinsk sekretær og/eller relevant ledererfaring']);
  });

  it('005: nynorsk <h3><strong> headings are headings, decoded quotes in the employer text', () => {
    const raw = readRaw('005.json');
    expect(shape(sourceFromHtml(raw.description_as_stored ?? '')).slice(0, 1)).toEqual([['heading', 3, 'Me søkjer']]);
    expect(sourceFromHtml(raw.employer_description_as_stored ?? '').text).toMatch(/^"Me skal gjera kvarandre gode" er/);
  });
});
