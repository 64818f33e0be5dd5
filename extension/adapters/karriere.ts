import type { Board, Example } from './types.ts';

/**
 * karriere.no. Ad URLs `/jobb/<slug>-<id>.html` (the only shape seen live, per the review)
 * and `/jobb/<slug>/<id>` (older links). No saved copy of its markup, so the generic reader reads
 * the page on purpose. Listings: no evidence, not matched.
 */
export const karriere: Board = {
  id: 'karriere',
  name: 'karriere.no',
  matches: ['https://www.karriere.no/jobb/*', 'https://karriere.no/jobb/*'],
  ad: {
    path: /^\/jobb\/(?:[^/]+-\d+\.html|[^/]+\/\d+\/?)$/,
    title: ['main h1', 'h1'],
    body: [],
  },
  listing: null,
};

/** Real URL shapes (tests iterate them; kept out of the board object so the content script does not ship them). */
export const examples: Example[] = [
  { url: 'https://www.karriere.no/jobb/helsesekretaer-ved-nordfjord-legekontor-1234567.html', kind: 'ad' },
  { url: 'https://www.karriere.no/jobb/helsesekretaer-ved-nordfjord-legekontor/1234567', kind: 'ad' },
  { url: 'https://www.karriere.no/arbeidsgiver/nordfjord-kommune', kind: 'other' },
];
