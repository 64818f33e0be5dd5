import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTitles } from '../../shared/lib/lexicon.ts';
import { sourceFromHtml, sourceFromInput, sourceFromText } from '../../shared/lib/source/index.ts';
import type { AdSource, Span } from '../../shared/lib/types.ts';
import type { WorkCounter } from '../../shared/lib/work.ts';

/** Text built from the pieces titles are made of, so generated strings often come close to a title. */
const titleish = fc
  .array(
    fc.constantFrom(
      'helse', 'lege', 'sekretær', 'sekretaer', 'sekretar', 'medisinsk', 'medisinske', 'tann', 'HELSE', 'Sekretær',
      'medical', 'secretary', 'health', 'services', 'og', 'eller', 'spesial', 'kontorfaglig', 'medarbeider',
      '-', '- ', '-\n', '/', ', ', ' ', '\n', '\r\n', '\u00ad', '\u200b', "'", '’', 'æ', 'Æ', 'ø', 'iat', 'e', 'r',
      '😀', '\ud800', '.', '1',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), titleish);

function expectOrderedSpans(spans: Span[], length: number): void {
  let previousEnd = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(length);
    previousEnd = s.end;
  }
}

describe('findTitles properties', () => {
  it('never throws; every mention is the exact slice, in order and non-overlapping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { mentions, related } = findTitles(text);
        for (const m of [...mentions, ...related]) expect(m.text).toBe(text.slice(m.start, m.end));
        expectOrderedSpans(mentions, text.length);
        expectOrderedSpans(related, text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a title wherever soft hyphens are put inside it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('helsesekretær', 'legesekretærer', 'medisinsk sekretær'),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom('', 'Vi søker ', '(', '\n'),
        (title, cuts, before) => {
          let word: string = title;
          for (const cut of cuts) {
            const at = 1 + (cut % (word.length - 1));
            word = `${word.slice(0, at)}\u00ad${word.slice(at)}`;
          }
          const text = `${before}${word}.`;
          const { mentions } = findTitles(text);
          expect(mentions).toHaveLength(1);
          expect(mentions[0]?.text).toBe(word);
          expect(mentions[0]?.start).toBe(before.length);
        },
      ),
    );
  });

  it('is case-insensitive and folds æ the same as ae', () => {
    fc.assert(
      fc.property(fc.constantFrom('helsesekretær', 'legesekretærane', 'medisinske sekretærer'), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (title, upper) => {
        const cased = [...title].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('');
        const ascii = cased.replace(/æ/g, 'ae').replace(/Æ/g, 'AE');
        const expected = findTitles(title).mentions.map((m) => m.title);
        expect(findTitles(cased).mentions.map((m) => m.title)).toEqual(expected);
        expect(findTitles(ascii).mentions.map((m) => m.title)).toEqual(expected);
      }),
    );
  });

  it('never reports a title glued after a letter (tannhelsesekretær, xlegesekretær)', () => {
    fc.assert(
      fc.property(fc.constantFrom('tann', 'x', 'over', 'Skole', 'ø'), fc.constantFrom('helsesekretær', 'legesekretær', 'sekretær'), (prefix, title) => {
        expect(findTitles(`${prefix}${title}`).mentions).toEqual([]);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Sources

const htmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<p>', '</p>', '<div>', '</div>', '<br>', '<br/>', '<ul>', '</ul>', '<li>', '</li>', '<h2>', '</h2>', '<h3 class="x">',
        '</h3>', '<strong>', '</strong>', '<b>', '</b>', '<span style="display:none">', '</span>', '<div hidden>',
        '<script>', '</script>', '<script type="application/ld+json">', '{"@type":"JobPosting"}', '<style>', '</style>',
        '<!--', '-->', '<!DOCTYPE html>', '<', '>', '&', '&amp;', '&aelig;', '&#229;', '&#x', ';', '&shy;', '"', "'",
        '=', ' ', '\n', '\t', 'helsesekretær', 'Kvalifikasjoner', '- ', '• ', '<template>', '</template>', '<td>',
        '<a href="x">', '</a>', '</', '<p title="', '<![CDATA[', '<?x', '\u00a0',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

function expectWellFormed(source: AdSource): void {
  expect(source.text).toBe(source.blocks.map((b) => source.text.slice(b.start, b.end)).join('\n'));
  expectOrderedSpans(source.blocks, source.text.length);
  for (const b of source.blocks) {
    const text = source.text.slice(b.start, b.end);
    expect(text.trim()).toBe(text);
    expect(b.level).toBe(b.kind === 'heading' ? Math.min(6, Math.max(1, b.level)) : 0);
  }
  expect(Array.isArray(source.jobPostings)).toBe(true);
}

describe('source properties', () => {
  it('sourceFromHtml never throws and keeps blocks ordered, exact and non-overlapping', () => {
    fc.assert(
      fc.property(fc.oneof(htmlish, fc.string({ maxLength: 200 })), (html) => {
        expectWellFormed(sourceFromHtml(html));
      }),
      { numRuns: 2000 },
    );
  });

  it('sourceFromText and sourceFromInput never throw and keep blocks well formed', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, htmlish), (input) => {
        expectWellFormed(sourceFromText(input));
        expectWellFormed(sourceFromInput(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('every title in HTML text survives into the source, with exact offsets', () => {
    fc.assert(
      fc.property(fc.constantFrom('p', 'li', 'h3', 'td'), fc.constantFrom('helsesekretær', 'medisinsk sekretær', 'lege&shy;sekretær'), (tag, title) => {
        const source = sourceFromHtml(`<div><${tag}>Vi søker <b>${title}</b>.</${tag}></div>`);
        const { mentions } = findTitles(source.text);
        expect(mentions).toHaveLength(1);
        expect(mentions[0]?.text).toBe(source.text.slice(mentions[0]!.start, mentions[0]!.end));
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Linear work: 8x the input must cost about 8x the work, far from the 64x of quadratic work. The
// reader counts its own work (WorkCounter: characters its scans visit, elements pushed and popped,
// trie steps), so the check is exact and holds however fast or busy the machine is; timings are
// in `npm run bench`.

/** Steps `run` counts on `input`; at least one per character, or the counter is not counting. */
function workOn(run: (input: string, work: WorkCounter) => unknown, input: string): number {
  const work: WorkCounter = { steps: 0 };
  run(input, work);
  expect(work.steps).toBeGreaterThanOrEqual(input.length);
  return work.steps;
}

/** work(8n) / work(n). */
function workRatio(make: (size: number) => string, run: (input: string, work: WorkCounter) => unknown, size: number): number {
  return workOn(run, make(size * 8)) / workOn(run, make(size));
}

const repeatTo = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length));

describe('linear work on adversarial input', { timeout: 60_000 }, () => {
  const SIZE = 32 * 1024;
  const SOURCE_SIZE = 16 * 1024;
  /** Linear work gives about 8 (less where fixed costs weigh); quadratic about 64. */
  const MAX_RATIO = 10;

  it.each([
    ['helse-helse-…', repeatTo('helse-')],
    ['sekretærsekretær…', repeatTo('sekretær')],
    ['soft hyphens', repeatTo('\u00ad')],
    ['hyphens', repeatTo('-')],
    ['hyphen, space', repeatTo('- ')],
    ['medisinsk medisinsk …', repeatTo('medisinsk ')],
    ['helse- og helse- og …', repeatTo('helse- og ')],
    ['lege-/lege-/…', repeatTo('lege-/')],
    ['a title per word', repeatTo('helse-\u00ad\nsek\u00adre-\ntær ')],
    ['titles after suspended parts', repeatTo('helse-, lege- og/eller helsesekretær ')],
    ['one long word', repeatTo('a')],
    ['health services …', repeatTo('health services ')],
  ])('findTitles: %s', (_name, make) => {
    expect(workRatio(make, findTitles, SIZE)).toBeLessThanOrEqual(MAX_RATIO);
  });

  it.each([
    ['"<" runs', repeatTo('<')],
    ['unclosed tags', repeatTo('<p ')],
    ['deep nesting then stray end tags', (size: number) => repeatTo('<div>')(size / 2) + repeatTo('</span>')(size / 2)],
    ['deep nesting of unknown elements', (size: number) => repeatTo('<x-a><x-b>')(size / 2) + repeatTo('</x-c>')(size / 2)],
    ['ampersands', repeatTo('&')],
    ['broken numeric references', repeatTo('&#')],
    ['references and spaces', repeatTo('&amp;&aelig;&nbsp; \n')],
    ['unclosed attribute quotes', repeatTo('<a href="')],
    ['comment openers', repeatTo('<!--')],
    ['script openers', repeatTo('<script>')],
    ['end tags inside a script', (size: number) => '<script>' + repeatTo('</scrip')(size)],
    ['list items with breaks', repeatTo('<li>a<br>')],
    ['nested lists', repeatTo('<ul><li>')],
    ['end-tag openers', repeatTo('</')],
    ['bold headings', repeatTo('<p><b>Kvalifikasjoner</b></p>')],
  ])('sourceFromHtml: %s', (_name, make) => {
    expect(workRatio(make, sourceFromHtml, SOURCE_SIZE)).toBeLessThanOrEqual(MAX_RATIO);
  });

  it.each([
    ['blank lines', repeatTo('\n')],
    ['list markers', repeatTo('- x\n')],
    ['dashes', repeatTo('- \n')],
    ['one long line', repeatTo('Kvalifikasjoner ')],
    ['heading lines', repeatTo('Kvalifikasjoner\n')],
    ['carriage returns among line feeds', repeatTo('a\r\n\u2028b\n')],
    ['"<" without tags', repeatTo('<3 <<a ')],
  ])('sourceFromText and sourceFromInput: %s', (_name, make) => {
    expect(workRatio(make, sourceFromText, SOURCE_SIZE)).toBeLessThanOrEqual(MAX_RATIO);
    expect(workRatio(make, sourceFromInput, SOURCE_SIZE)).toBeLessThanOrEqual(MAX_RATIO);
  });
});
