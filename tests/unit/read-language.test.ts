// shared/lib/read-language.ts: phrase → the Norwegian requirement; text → the ad's own language.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../shared/lib/read-language.ts';
import { readPhrase, type Placement } from '../helpers/read-spec.ts';

const EN: Placement = { title: 'Medical secretary', heading: 'Qualifications' };

const required: [phrase: string, placement?: Placement][] = [
  ['Gode norskkunnskaper'],
  ['Du må beherske norsk muntlig og skriftlig'],
  ['Gode norskkunnskapar, munnleg og skriftleg', { heading: 'Kvalifikasjonar' }],
  ['Norsk på B2-nivå'],
  ['Skandinavisk språk'],
  // A heading alone does not make it a wish: real ads list their requirements there too (corpus 006).
  ['Gode norskkunnskaper både skriftlig og muntlig', { heading: 'Vi ønsker oss søkere med:' }],
  ['Fluent Norwegian, written and spoken', EN],
];

const notRequired: [phrase: string, placement?: Placement][] = [
  ['Gode norskkunnskaper er en fordel'],
  ['Det er ønskelig at du snakker norsk'],
  ['Det er ikke krav om norskkunnskaper'],
  ['Norwegian language skills are an advantage', EN],
  ['Gode datakunnskaper'],
];

describe('readNorwegian: phrase → requirement', () => {
  it.each(required)('%s → required, quoted', (phrase, placement) => {
    expect(readPhrase(phrase, placement).norwegian).toEqual({ text: phrase, start: expect.any(Number), end: expect.any(Number) });
  });

  it.each(notRequired)('%s → no requirement', (phrase, placement) => {
    expect(readPhrase(phrase, placement).norwegian).toBeNull();
  });
});

describe('detectLanguage: the ad’s own language', () => {
  it.each([
    ['Vi søker en helsesekretær til legekontoret. Du må ha gode norskkunnskaper og erfaring fra pasientarbeid.', 'nb'],
    ['Me søkjer ein helsesekretær til legekontoret. Du må ha gode norskkunnskapar og røynsle frå pasientarbeid.', 'nn'],
    ['We are looking for a medical secretary who is friendly and has experience with patients at the clinic.', 'en'],
  ] as const)('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});
