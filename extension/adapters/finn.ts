import type { Board, Example } from './types.ts';

/**
 * finn.no/job. Verified 2026-09-23 against a saved real ad page (/job/ad/476382378, app
 * job-item-web 1.0.977) and search page (/job/search?q=analyst), see ../shared/boards-markup:
 * - the employer's text is the `.import-decoration` right after the job's `h1` (its section);
 *   a second `.import-decoration` is "Om arbeidsgiveren";
 * - FINN's AI summary "Kortversjonen" (#ad-summary-content, aria-label "AI-generert") and the AI
 *   "Ferdigheter" chips sit outside that section and are never read;
 * - the JobPosting JSON-LD is inside <main>, wrapped as {"script:ld+json": …} (the core unwraps it);
 * - results are `#search-results`, one `article` per ad (title `a.job-card-link`, employer in
 *   `.text-caption strong`); the first `ul`/`section` in <main> are the search combobox and filters.
 */
export const finn: Board = {
  id: 'finn',
  name: 'finn.no',
  matches: ['https://www.finn.no/job/ad/*', 'https://www.finn.no/job/search*'],
  ad: {
    path: /^\/job\/ad\/\d+\/?$/,
    title: ['#ad-content section > h1', 'main h1'],
    body: ['#ad-content h1 ~ .import-decoration'],
    facts: ['#ad-content ul:has(.key-info-text)'],
    exclude: ['#ad-summary-content', '[aria-labelledby="ad-summary-heading"]'],
  },
  listing: {
    path: /^\/job\/search\/?$/,
    root: ['#search-results'],
    item: 'article',
    title: 'a.job-card-link',
    employer: '.text-caption strong',
  },
};

/** Real URL shapes (tests iterate them; kept out of the board object so the content script does not ship them). */
export const examples: Example[] = [
  { url: 'https://www.finn.no/job/ad/476382378', kind: 'ad' },
  { url: 'https://www.finn.no/job/search?q=analyst', kind: 'listing' },
  { url: 'https://www.finn.no/job/search', kind: 'listing' },
  { url: 'https://www.finn.no/realestate/homes/search.html', kind: 'other' },
];
