// shared/lib/read-experience.ts: phrase → minYearsExperience (and "eller N år" alternatives).
import { describe, expect, it } from 'vitest';
import type { AlternativeExperience, Strength } from '../../shared/lib/types.ts';
import { readPhrase, type Placement } from '../helpers/read-spec.ts';

const table: [phrase: string, expected: { years: number; strength: Strength } | null, placement?: Placement][] = [
  ['Minst 3 års erfaring', { years: 3, strength: 'required' }],
  ['Minimum to år med relevant erfaring', { years: 2, strength: 'required' }],
  ['1–2 års erfaring fra legekontor', { years: 1, strength: 'required' }],
  ['Erfaring fra legekontor i minst ett år', { years: 1, strength: 'required' }],
  ['6 måneders erfaring fra resepsjon', { years: 0.5, strength: 'required' }],
  ['Minst 2 års erfaring eller mer', { years: 2, strength: 'required' }],
  ['Det er krav om minimum 2 års erfaring', { years: 2, strength: 'required' }, { heading: null }],
  ['Erfaring fra legekontor er ønskelig, gjerne 2 år', { years: 2, strength: 'preferred' }],
  ['To års erfaring er en fordel', { years: 2, strength: 'preferred' }],
  ['Minst 3 års erfaring', { years: 3, strength: 'preferred' }, { heading: 'Ønskede kvalifikasjoner' }],
  ['At least 2 years of experience', { years: 2, strength: 'required' }, { title: 'Medical secretary', heading: 'Qualifications' }],
  ['Det er ikke krav om 2 års erfaring', null],
  ['Lønn etter 10 års ansiennitet', null],
  ['Stillingen er 50 - 60 %', null],
  ['Vi har 20 års erfaring med pasientbehandling', null, { heading: null }],
];

describe('readExperience: phrase → minimum years', () => {
  it.each(table)('%s', (phrase, expected, placement) => {
    const r = readPhrase(phrase, placement);
    if (expected === null) expect(r.minYearsExperience).toBeNull();
    else expect(r.minYearsExperience).toEqual({ ...expected, evidence: { text: phrase, start: expect.any(Number), end: expect.any(Number) } });
  });
});

const alternatives: [phrase: string, on: 'education' | 'authorisation', expected: AlternativeExperience, placement?: Placement][] = [
  ['Utdanning som legesekretær eller fem års erfaring', 'education', { years: 5, strength: 'required' }],
  ['Utdanning som helsesekretær, alternativt minst 3 års relevant erfaring', 'education', { years: 3, strength: 'required' }],
  ['Autorisasjon som helsesekretær eller minst 5 års erfaring', 'authorisation', { years: 5, strength: 'required' }, { title: 'Helsesekretær' }],
];

describe('readExperience: "A eller N års erfaring" belongs to the requirement of its sentence', () => {
  it.each(alternatives)('%s', (phrase, on, expected, placement) => {
    const r = readPhrase(phrase, placement);
    expect(r.minYearsExperience).toBeNull();
    if (on === 'education') {
      expect(r.education).toHaveLength(1);
      expect(r.education[0]!.orExperience).toEqual(expected);
    } else {
      expect(r.authorisation.orExperience).toEqual(expected);
    }
  });

  it('an "eller" between titles is no alternative to the years', () => {
    const r = readPhrase('Helsesekretær eller medisinsk sekretær med minst 3 års erfaring');
    expect(r.minYearsExperience).toMatchObject({ years: 3, strength: 'required' });
  });

  it('an alternative with nothing read beside it stays a plain minimum', () => {
    const r = readPhrase('Relevant utdanning eller minst 4 års erfaring');
    expect(r.education).toEqual([]);
    expect(r.minYearsExperience).toMatchObject({ years: 4, strength: 'required' });
  });
});
