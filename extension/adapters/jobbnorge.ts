import type { Board, Example } from './types.ts';

/**
 * jobbnorge.no (many kommuner and hospitals). Ad pages are an Angular shell ("Laster...") that the
 * app fills after load; the rendered markup is not known (no saved copy in ../shared/boards-markup),
 * so nothing is read while the page is the shell (no heading yet, and little text or "Laster..."),
 * and then the generic reader reads the page on purpose (with the page's JobPosting JSON-LD, when
 * present). Listings: no evidence, not matched.
 */
export const jobbnorge: Board = {
  id: 'jobbnorge',
  name: 'jobbnorge.no',
  matches: ['https://*.jobbnorge.no/ledige-stillinger/stilling/*', 'https://*.jobbnorge.no/en/available-jobs/job/*'],
  ad: {
    path: /^\/(?:ledige-stillinger\/stilling|en\/available-jobs\/job)\/\d+/,
    title: ['main h1', 'h1'],
    body: [],
    ready: 'h1',
    loading: /\bLaster\.\.\./,
  },
  listing: null,
};

/** Real URL shapes (tests iterate them; kept out of the board object so the content script does not ship them). */
export const examples: Example[] = [
  { url: 'https://www.jobbnorge.no/ledige-stillinger/stilling/261234/helsesekretaer', kind: 'ad' },
  { url: 'https://www.jobbnorge.no/en/available-jobs/job/261234/health-secretary', kind: 'ad' },
  { url: 'https://www.jobbnorge.no/search', kind: 'other' },
];
