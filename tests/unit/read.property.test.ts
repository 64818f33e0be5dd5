// Properties of the reader over generated input: it never throws, every quote is the text at its
// offsets in the source it returns, and its time grows linearly with the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAdUnguarded, readText, type AdReadingWithSource } from '../../shared/lib/read.ts';
import { sourceFromInput } from '../../shared/lib/source.ts';
import type { AdSource, BlockKind } from '../../shared/lib/types.ts';

/** Pieces that exercise every rule: titles, modal words, numbers, headings, tags, entities, JSON-LD. */
const PIECES = [
  'helsesekretær', 'Helse\u00adsekre\u00adtær', 'medisinsk sekretær', 'legesekretær', 'tannhelsesekretær', 'autorisasjon', 'Autorisert',
  'som', 'eller', 'og/eller', '/', 'ikke krav om', 'er en fordel', 'må', 'ønskelig', 'minst', 'to', '2', '–', '3', 'års', 'år', 'erfaring',
  'Kvalifikasjoner', 'Ønskede kvalifikasjoner:', 'utdanning', 'kurs', 'tilsvarende', 'DIPS', 'CGM Allmenn', 'System X', 'norsk',
  'muntlig og skriftlig', 'f.eks.', 'ca.', '1.9.2019', '.', ',', ':', '(', ')', ' ', ' ', '\n', '\n\n', '- ', '• ', '<p>', '</p>', '<li>',
  '<ul>', '</ul>', '<h3>', '</h3>', '<br>', '<strong>', '&amp;', '&shy;', '&#', '<script type="application/ld+json">',
  '{"@type":"JobPosting","title":"Helsesekretær","description":"<p>Autorisasjon som helsesekretær</p>","skills":["DIPS"]}', '</script>',
  '<div hidden>', '</div>', '\u00a0', '\u200b', '💪', 'ß', 'İ',
];
const adLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), adLike);

function quotes(r: AdReadingWithSource) {
  return [
    r.authorisation.evidence,
    r.minYearsExperience?.evidence ?? null,
    r.norwegian,
    ...r.systems.map((s) => s.evidence),
    ...r.education.map((e) => e.evidence),
    ...r.mentions,
    ...r.related,
  ].filter((q) => q !== null);
}

describe('reader properties', () => {
  it('never throws on any string, and every quote is the text at its offsets', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        // Unguarded: an internal error would surface here instead of being turned into "nothing found".
        const r = readAdUnguarded(sourceFromInput(input));
        for (const q of quotes(r)) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(r.source.text.length);
          expect(r.source.text.slice(q.start, q.end)).toBe(q.text);
        }
        expect(['nb', 'nn', 'en']).toContain(r.language);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on malformed AdSource values from outside', () => {
    const kind = fc.constantFrom<BlockKind | string>('title', 'heading', 'paragraph', 'list-item', 'bogus');
    const block = fc.record({ kind, level: fc.integer({ min: -3, max: 9 }), start: fc.integer({ min: -5, max: 400 }), end: fc.integer({ min: -5, max: 400 }) });
    const source = fc.record({
      text: adLike,
      blocks: fc.array(block, { maxLength: 20 }),
      jobPostings: fc.array(fc.oneof(fc.constant(null), fc.jsonValue(), fc.record({ '@type': fc.constant('JobPosting'), title: fc.jsonValue(), description: fc.jsonValue() })), {
        maxLength: 3,
      }),
      listingHint: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(source, (s) => {
        const r = readAdUnguarded(s as unknown as AdSource);
        for (const q of quotes(r)) expect(r.source.text.slice(q.start, q.end)).toBe(q.text);
      }),
      { numRuns: 300 },
    );
  });

  it('takes time linear in the input on adversarial text (any repeated unit)', () => {
    // A unit repeated to 12 KB and to 96 KB: 8x the input must cost about 8x the time (quadratic
    // work would cost 64x). Units are the known worst cases or random runs of rule triggers, tags,
    // entities and "<"s; the time is readText's (source and reader together). Ratio-based, so it
    // holds on any machine.
    const knownWorst = [
      'autorisasjon som helsesekretær eller medisinsk sekretær, minst 2 års erfaring, ikke krav, gjerne ',
      'Kvalifikasjoner\n- Autorisert helsesekretær\n- Minst to års erfaring med DIPS\n- Gode norskkunnskaper\n\n',
      'f.eks. 1.9.2019 ca. evt. ',
      '<ul><li>Autorisert helsesekretær<li>ikke krav om autorisasjon</ul><h3>Ønskelig</h3>',
      '<p><b><i>x</i></b></p>',
      '<li><p><span><b>helsesekretær ',
      'helsesekretæ ',
      'Helsesekretær\n',
      'helsesekretær<br>',
      '<<< < <3 <a',
    ];
    const hostile = ['<div>', '<span>', '</div>', '<p', '<', '"', '=', ' a="b"', '&amp;', '&#230;', '&aelig', 'helse-', 'sekre', 'tæ', '\u00ad'];
    const unit = fc.oneof(
      fc.constantFrom(...knownWorst),
      fc.array(fc.constantFrom(...PIECES, ...hostile), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
    );
    const repeatTo = (u: string, n: number): string => u.repeat(Math.ceil(n / u.length)).slice(0, n);
    const time = (input: string): number => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        readText(input);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    fc.assert(
      fc.property(unit, (u) => {
        // Both sizes stay below the reader's requirement-reading cap (MAX_READ_CHARS), so all of its
        // work scales with the input.
        const small = repeatTo(u, 12 * 1024);
        const large = repeatTo(u, 96 * 1024);
        readText(small);
        // Up to three measurements, to ride out a busy machine; the best ratio counts.
        let ratio = Infinity;
        for (let attempt = 0; attempt < 3 && ratio >= 24; attempt++) ratio = Math.min(ratio, time(large) / Math.max(time(small), 0.05));
        // Linear is ~8; allow for timer noise and GC, far below quadratic (64).
        expect(ratio, JSON.stringify(u)).toBeLessThan(24);
      }),
      // Timing properties are not shrunk: a smaller unit says no more than the failing one.
      { numRuns: 16, endOnFailure: true, examples: knownWorst.map((u) => [u] as [string]) },
    );
  }, 120_000);
});
