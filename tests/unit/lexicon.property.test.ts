import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTitles } from '../../shared/lib/lexicon.ts';
import { sourceFromHtml, sourceFromInput, sourceFromText } from '../../shared/lib/source.ts';
import type { AdSource, Span } from '../../shared/lib/types.ts';

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
// Linear time: doubling the input three times must not multiply the time by much more than 8.

/** CPU time of this process in ms: unlike wall time, it does not count time other processes took. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Ratio time(8n)/time(n). Runs alternate between the two sizes so both see the same conditions,
 * each size keeps its best time, and up to five attempts are made: noise only ever makes a linear
 * function look worse, while a quadratic one scores about 64 every time.
 */
function scalingRatio(make: (size: number) => string, run: (input: string) => unknown, size: number): number {
  const small = make(size);
  const large = make(size * 8);
  run(large); // warm up
  let best = Infinity;
  for (let attempt = 0; attempt < 5 && best > 12; attempt++) {
    let t1 = Infinity;
    let t8 = Infinity;
    for (let i = 0; i < 5; i++) {
      let t0 = cpuMs();
      run(small);
      t1 = Math.min(t1, cpuMs() - t0);
      t0 = cpuMs();
      run(large);
      t8 = Math.min(t8, cpuMs() - t0);
    }
    best = Math.min(best, t8 / Math.max(t1, 0.05));
  }
  return best;
}

const repeatTo = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length));

describe('linear time on adversarial input', { timeout: 60_000 }, () => {
  const SIZE = 32 * 1024;
  const SOURCE_SIZE = 16 * 1024;

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
    ['one long word', repeatTo('a')],
    ['health services …', repeatTo('health services ')],
  ])('findTitles: %s', (_name, make) => {
    expect(scalingRatio(make, findTitles, SIZE)).toBeLessThanOrEqual(12);
  });

  it.each([
    ['"<" runs', repeatTo('<')],
    ['unclosed tags', repeatTo('<p ')],
    ['deep nesting then stray end tags', (size: number) => repeatTo('<div>')(size / 2) + repeatTo('</span>')(size / 2)],
    ['ampersands', repeatTo('&')],
    ['broken numeric references', repeatTo('&#')],
    ['unclosed attribute quotes', repeatTo('<a href="')],
    ['comment openers', repeatTo('<!--')],
    ['script openers', repeatTo('<script>')],
    ['list items with breaks', repeatTo('<li>a<br>')],
    ['nested lists', repeatTo('<ul><li>')],
    ['end-tag openers', repeatTo('</')],
  ])('sourceFromHtml: %s', (_name, make) => {
    expect(scalingRatio(make, sourceFromHtml, SOURCE_SIZE)).toBeLessThanOrEqual(12);
  });

  it.each([
    ['blank lines', repeatTo('\n')],
    ['list markers', repeatTo('- x\n')],
    ['dashes', repeatTo('- \n')],
    ['one long line', repeatTo('Kvalifikasjoner ')],
  ])('sourceFromText: %s', (_name, make) => {
    expect(scalingRatio(make, sourceFromText, SOURCE_SIZE)).toBeLessThanOrEqual(12);
  });
});
