// shared/lib/read-target.ts: text → is the job one of the three titles; is the page a listing.
import { describe, expect, it } from 'vitest';
import { readText } from '../../shared/lib/read.ts';

const target: [text: string, isTargetJob: boolean][] = [
  ['Helsesekretær\n\nFast stilling ved legekontoret.', true],
  ['Medisinsk sekretær – vikariat\n\nVi har et ledig vikariat.', true],
  ['Ledig stilling\n\nVi søker en blid legesekretær til vårt kontor.', true],
  ['Ledig stilling\n\nHelsesekretær søkes til legevakten.', true],
  ['Leder for helsesekretærene\n\nVi søker en leder.', false],
  ['Fastlege\n\nLegesenteret har tre helsesekretærer og fire leger.', false],
  ['Enhetsleder\n\nKvalifikasjoner\n- Autorisert helsesekretær', false],
];

describe('readIsTargetJob: text → the job is one of the titles', () => {
  it.each(target)('%s', (text, expected) => {
    const r = readText(text);
    expect(r.isTargetJob).toBe(expected);
    expect(r.listing).toBe(false);
  });
});

describe('readListing: text → a page of many ads', () => {
  it.each([
    ['Ledige stillinger\n\nViser 1-10 av 48 stillinger\n\nHelsesekretær, Oslo'],
    ['Søk\n\nHelsesekretær\n\nSøknadsfrist 01.02.2027\n\nLegesekretær\n\nSøknadsfrist 03.02.2027\n\nMedisinsk sekretær\n\nSøknadsfrist 05.02.2027'],
  ])('%s', (text) => {
    const r = readText(text);
    expect(r.listing).toBe(true);
    expect(r.isTargetJob).toBe(false);
  });
});
