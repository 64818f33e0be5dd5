import { describe, expect, it } from 'vitest';
import { looksLikeAd, withPageKind } from '../../extension/utils/page-kind.ts';

const ARTICLE = 'Som helsesekretær er jeg limet på legekontoret\nKari har vært helsesekretær i tjue år. Hun forteller om autorisasjonen.';

describe('page kind: is a page the generic reader read a job ad at all?', () => {
  it.each([
    'Søknadsfrist: 1. mars',
    'Vi søker helsesekretær i 80 % stilling',
    'Søker helsesekretær til legekontoret',
    'Kvalifikasjonar\nAutorisasjon er eit krav',
    'Vikariat fra 1. mai',
    'Send søknad til post@legesenter.no',
    'Full-time position. Apply now.',
  ])('an ad says how, by when or what: %s', (text) => {
    expect(looksLikeAd(text, [])).toBe(true);
  });

  it('an article or interview that talks about the titles is not an ad; with a JobPosting it is', () => {
    expect(looksLikeAd(ARTICLE, [])).toBe(false);
    expect(looksLikeAd(ARTICLE, [{ '@type': 'JobPosting' }])).toBe(true);
  });

  it('only pages read by the generic reader (no board branch, no adapter miss, not a listing) can be "not an ad"', () => {
    const source = { text: ARTICLE, jobPostings: [] };
    expect(withPageKind({ adapter: 'generic', kind: 'ad' }, source).kind).toBe('not-ad');
    expect(withPageKind({ adapter: 'finn', kind: 'ad' }, source).kind).toBe('ad');
    expect(withPageKind({ adapter: 'finn', kind: 'listing' }, source).kind).toBe('listing');
    const miss = { adapter: 'finn', pathShape: '/job/ad/<id>', matched: [], missed: ['x'] };
    expect(withPageKind({ adapter: 'generic', kind: 'ad', miss }, source).kind).toBe('ad');
  });
});
