// shared/lib/read-education.ts: phrase → education requirements (accepted kinds, "tilsvarende", "eller N år").
import { describe, expect, it } from 'vitest';
import type { EducationRequirement } from '../../shared/lib/types.ts';
import { readPhrase, type Placement } from '../helpers/read-spec.ts';

type Expected = Omit<EducationRequirement, 'evidence'>;
const req = (accepts: Expected['accepts'], extra: Partial<Expected> = {}): Expected => ({ strength: 'required', accepts, orEquivalent: false, ...extra });

const table: [phrase: string, expected: Expected, placement?: Placement][] = [
  ['Utdanning som helsesekretær', req(['helsesekretaer-education'])],
  ['Helsesekretærutdanning', req(['helsesekretaer-education'])],
  ['Fullført Vg3 helsesekretær', req(['helsesekretaer-education'])],
  // Legesekretær is the older name of the same occupation (F-02).
  ['Utdanning som legesekretær', req(['helsesekretaer-education'])],
  ['Kurs som medisinsk sekretær', req(['medisinsk-sekretaer-course'])],
  ['Utdanning som medisinsk sekretær/legesekretær', req(['medisinsk-sekretaer-course', 'helsesekretaer-education'])],
  ['Utdanning som helsesekretær eller medisinsk sekretær', req(['helsesekretaer-education', 'medisinsk-sekretaer-course'])],
  ['Utdanning som helsesekretær eller tilsvarende', req(['helsesekretaer-education'], { orEquivalent: true })],
  ['Helsesekretær, helsefagarbeider eller tilsvarende utdanning', req(['helsesekretaer-education', 'other'], { orEquivalent: true })],
  ['Utdanning som legesekretær eller fem års erfaring', req(['helsesekretaer-education'], { orExperience: { years: 5, strength: 'required' } })],
  ['Utdanning som medisinsk sekretær er ønskelig', req(['medisinsk-sekretaer-course'], { strength: 'preferred' })],
  ['Utdanning som medisinsk sekretær', req(['medisinsk-sekretaer-course'], { strength: 'preferred' }), { heading: 'Ønskede kvalifikasjoner' }],
  // The authorised title is authorisation; the course named beside it is the education alternative.
  ['Autorisert helsesekretær eller utdanning som medisinsk sekretær', req(['helsesekretaer-education', 'medisinsk-sekretaer-course']), { title: 'Medisinsk sekretær' }],
];

const none: [phrase: string, placement?: Placement][] = [
  ['Relevant utdanning'],
  ['Det er ikke krav om utdanning som helsesekretær'],
  ['Vi tilbyr kurs for helsesekretærer', { heading: null }],
  ['Autorisasjon som helsesekretær', { title: 'Helsesekretær' }],
];

describe('readEducation: phrase → requirement', () => {
  it.each(table)('%s', (phrase, expected, placement) => {
    const r = readPhrase(phrase, placement);
    expect(r.education).toEqual([{ ...expected, evidence: { text: phrase, start: expect.any(Number), end: expect.any(Number) } }]);
  });

  it.each(none)('%s → none', (phrase, placement) => {
    expect(readPhrase(phrase, placement).education).toEqual([]);
  });
});
