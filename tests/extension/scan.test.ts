import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTitles } from '../../shared/lib/lexicon.ts';
import { readDomText } from '../../extension/utils/dom-text.ts';
import { findTitleMentions } from '../../extension/utils/scan.ts';
import { loadPage } from './helpers.ts';

/** Pieces that exercise every look-around of the title detector: compounds, suspended parts, splits, marks. */
const PIECES = [
  'helse', 'lege', 'sekretær', 'Sekretær', 'SEKRETÆR', 'sekretar', 'sekre\u00adtær', 'sek-\nretær', 'sekre\ntær', 'sekretariat',
  'medisinsk', 'medisinske', 'med.', 'med', 'medical', 'secretary', 'health', 'services', 'physicians', "doctor's", 'tann',
  'spesial', 'post', 'første', 'kontorfaglig', 'medarbeider', 'og', 'eller', 'samt', 'i', 'e', 'r',
  '-', '- ', ' ', '  ', '\n', '/', ',', ', ', '.', '. ', '5', '2,5', ':', '(', ')', '"', "'", '\u2019', '\u200b', '\u0301', '–', '•', '*', '_',
];
const adLike = (maxLength: number) => fc.array(fc.constantFrom(...PIECES), { maxLength }).map((parts) => parts.join(''));

describe('findTitleMentions', () => {
  it('finds exactly the mentions findTitles finds in the whole text', () => {
    fc.assert(
      fc.property(fc.oneof(adLike(6), adLike(15), adLike(80), fc.string({ maxLength: 200 })), (text) => {
        expect(findTitleMentions(text)).toEqual(findTitles(text).mentions);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads stretches far apart on a long page', () => {
    const filler = 'Butikkmedarbeider 12, Hamar. '.repeat(200);
    const text = `${filler}Helse- og legesekretær søkes${filler}\nmedisinsk\nsekretær: 2 år${filler}tann-helsesekretær`;
    const mentions = findTitleMentions(text);
    expect(mentions).toEqual(findTitles(text).mentions);
    expect(mentions.map((m) => m.text)).toEqual(['Helse-', 'legesekretær', 'medisinsk\nsekretær']);
  });
});

describe('readDomText: the fast path and the tidy path agree', () => {
  it('gives the same text and blocks whether or not whitespace needs tidying', () => {
    const html = '<h2><a>Helsesekretær til legesenter</a></h2><p>Arbeidsgiver 1 AS</p><p>Hamar</p><span>3 dager siden</span><p>- Autorisasjon</p>';
    const clean = readDomText([loadPage(html).body]);
    const messy = readDomText([loadPage(html.replace(/<p>/g, '<p>\n  ').replace(/<\/p>/g, ' \n</p>')).body]);
    expect(clean.text).toBe(messy.text);
    expect(clean.blocks).toEqual(messy.blocks);
    expect(clean.blocks.at(-1)?.kind).toBe('list-item');
  });
});
