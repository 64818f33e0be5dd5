// Properties of the reader over generated input: it never throws, every quote is the text at its
// offsets in the source it returns, and its work grows linearly with the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAdUnguarded, readText, type AdReadingWithSource } from '../../shared/lib/read.ts';
import { sourceFromBlocks, sourceFromInput } from '../../shared/lib/source/index.ts';
import type { AdSource, BlockKind } from '../../shared/lib/types.ts';
import type { WorkCounter } from '../../shared/lib/work.ts';

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

  it('does work linear in the input on adversarial text (any repeated unit)', () => {
    // A unit repeated to 12 KB and to 96 KB: 8x the input must cost about 8x the work (quadratic
    // work would cost 64x). Units are the known worst cases or random runs of rule triggers, tags,
    // entities and "<"s. The work is counted, never timed, so the check holds on any machine:
    // readText's own counter (source, titles, sentences) plus every character a regex passes over
    // (the rules read units with regexes).
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
      'a\n\u2000\n',
      'Erfaring.\n \n',
    ];
    const hostile = ['<div>', '<span>', '</div>', '<p', '<', '"', '=', ' a="b"', '&amp;', '&#230;', '&aelig', 'helse-', 'sekre', 'tæ', '\u00ad'];
    const unit = fc.oneof(
      fc.constantFrom(...knownWorst),
      fc.array(fc.constantFrom(...PIECES, ...hostile), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
    );
    const repeatTo = (u: string, n: number): string => u.repeat(Math.ceil(n / u.length)).slice(0, n);
    fc.assert(
      fc.property(unit, (u) => {
        // Both sizes stay below the reader's requirement-reading cap (MAX_READ_CHARS), so all of its
        // work scales with the input.
        const ratio = readWork(repeatTo(u, 96 * 1024)) / readWork(repeatTo(u, 12 * 1024));
        // Linear is about 8 (less where fixed costs or per-unit caps weigh); quadratic about 64.
        expect(ratio, JSON.stringify(u)).toBeLessThanOrEqual(10);
      }),
      { numRuns: 16, examples: knownWorst.map((u) => [u] as [string]) },
    );
    // A generous limit: the check is the ratio, never the time; a loaded machine may be slow.
  }, 120_000);
  // The AdSource a content script sends is read the same way: block text from the DOM path.
  it('does work linear in the input on adversarial blocks from the DOM path', () => {
    const blocksOf = (unit: string, n: number) =>
      sourceFromBlocks([{ kind: 'list-item', text: 'a' + unit.repeat(Math.ceil(n / unit.length)) + 'b' }]);
    for (const u of ['\n\u2000', '\n\u3000 ', '. \n\u2009']) {
      const ratio = readWork(blocksOf(u, 96 * 1024)) / readWork(blocksOf(u, 12 * 1024));
      expect(ratio, JSON.stringify(u)).toBeLessThanOrEqual(10);
    }
  }, 60_000);
});

/**
 * The work readText (or readAdUnguarded, for an AdSource) does on `input`: its own counter plus
 * the characters every regex passes over, from where it starts to the end of its match (or of the
 * string: a failed search reads it all; a sticky one reads one character). RegExp.prototype.exec
 * is what every regex method (test, match, replace, split, ...) calls once it is replaced.
 */
function readWork(input: string | AdSource): number {
  const work: WorkCounter = { steps: 0 };
  const exec = RegExp.prototype.exec;
  let regexChars = 0;
  RegExp.prototype.exec = function (this: RegExp, s: string): RegExpExecArray | null {
    const str = String(s);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = exec.call(this, str);
    if (m === null) regexChars += this.sticky ? 1 : Math.max(1, str.length - from);
    else regexChars += Math.max(1, m.index + m[0].length - from);
    return m;
  };
  try {
    if (typeof input === 'string') readText(input, work);
    else readAdUnguarded(input, work);
  } finally {
    RegExp.prototype.exec = exec;
  }
  const size = typeof input === 'string' ? input.length : input.text.length;
  expect(work.steps).toBeGreaterThanOrEqual(size); // the counter counts
  return work.steps + regexChars;
}
