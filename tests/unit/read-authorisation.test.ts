// shared/lib/read-authorisation.ts: phrase → authorisation (level, alternatives, quoted sentence).
import { describe, expect, it } from 'vitest';
import type { AdReading } from '../../shared/lib/types.ts';
import { readPhrase, type Placement } from '../helpers/read-spec.ts';

type Expected = Omit<AdReading['authorisation'], 'evidence'>;
const HS: Placement = { title: 'Helsesekretær' };

const table: [phrase: string, expected: Expected, placement?: Placement][] = [
  ['Autorisasjon som helsesekretær', { level: 'required', alternatives: [] }, HS],
  ['Autorisert helsesekretær', { level: 'required', alternatives: [] }, HS],
  ['Helsesekretær med gyldig norsk autorisasjon', { level: 'required', alternatives: [] }, HS],
  ['Offentlig godkjent helsesekretær', { level: 'required', alternatives: [] }, HS],
  ['Norsk autorisasjon', { level: 'required', alternatives: [] }, HS],
  ['Autorisert legesekretær', { level: 'required', alternatives: [] }],
  ['Autorisasjon som helsesekretær er en fordel', { level: 'preferred', alternatives: [] }, HS],
  ['Autorisasjon som helsesekretær er ønskjeleg', { level: 'preferred', alternatives: [] }, { title: 'Helsesekretær', heading: 'Kvalifikasjonar' }],
  ['Autorisert helsesekretær', { level: 'preferred', alternatives: [] }, { title: 'Helsesekretær', heading: 'Ønskede kvalifikasjoner' }],
  ['Autorisasjon som helsesekretær er et krav', { level: 'required', alternatives: [] }, { title: 'Helsesekretær', heading: 'Ønskede kvalifikasjoner' }],
  ['Autorisert helsesekretær eller medisinsk sekretær', { level: 'preferred', alternatives: ['medisinsk-sekretaer'] }, { title: 'Medisinsk sekretær' }],
  [
    'Autorisasjon som helsesekretær eller minst 5 års erfaring',
    { level: 'preferred', alternatives: [], orExperience: { years: 5, strength: 'required' } },
    HS,
  ],
  ['Det er ikke krav om autorisasjon', { level: 'not-required', alternatives: [] }, HS],
  ['Vi søker en autorisert helsesekretær', { level: 'required', alternatives: [] }, { title: 'Ledig stilling', heading: null }],
  ['Authorised health secretary', { level: 'required', alternatives: [] }, { title: 'Medical secretary', heading: 'Qualifications' }],
];

const none: [phrase: string, placement?: Placement][] = [
  ['Autorisasjon som sykepleier', HS],
  ['Legesenteret har tre autoriserte helsesekretærer', { title: 'Legesekretær', heading: null }],
  ['Gode norskkunnskaper', HS],
];

describe('readAuthorisation: phrase → level', () => {
  it.each(table)('%s', (phrase, expected, placement) => {
    const r = readPhrase(phrase, placement);
    expect(r.authorisation).toEqual({ ...expected, evidence: { text: phrase, start: expect.any(Number), end: expect.any(Number) } });
  });

  it.each(none)('%s → not mentioned', (phrase, placement) => {
    expect(readPhrase(phrase, placement).authorisation).toEqual({ level: 'not-mentioned', evidence: null, alternatives: [] });
  });
});
