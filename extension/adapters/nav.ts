import type { Board, Example } from './types.ts';

/**
 * arbeidsplassen.nav.no (Next.js app: navigation without reloads). Verified against two real
 * captures of ad pages (2024 and 2026-03, see ../shared/boards-markup) and the source of
 * navikt/pam-stillingsok (2026-08-21):
 * - the ad text is the first `.job-posting-text`; the employer blurb uses the same class inside
 *   `section.about-company` ("Om bedriften"), and "Lignende annonser" streams into the same article;
 * - "Om jobben" is a `dl.ad-description-list` with Stillingstittel, read as key facts;
 * - the page has NO JobPosting JSON-LD (the data is in the RSC stream).
 * Search results: `section[aria-label^="Søketreff"]`, one `article` per ad (from the issue's
 * review of the live page; no saved copy); the first `ul` in <main> is the municipality combobox.
 * Employer names on result cards: no evidence of their markup, so items carry none.
 */
export const nav: Board = {
  id: 'nav',
  name: 'arbeidsplassen.nav.no',
  matches: ['https://arbeidsplassen.nav.no/stillinger*'],
  ad: {
    path: /^\/stillinger\/stilling\/[0-9a-f-]{8,}\/?$/i,
    title: ['main h1'],
    body: ['.job-posting-text:not(.about-company .job-posting-text)'],
    facts: ['section.full-width .ad-description-list'],
    exclude: ['.about-company'],
  },
  listing: {
    path: /^\/stillinger\/?$/,
    root: ['section[aria-label^="Søketreff"]'],
    item: 'article',
    title: 'a[href*="/stillinger/stilling/"]',
  },
};

/** Real URL shapes (tests iterate them; kept out of the board object so the content script does not ship them). */
export const examples: Example[] = [
  { url: 'https://arbeidsplassen.nav.no/stillinger/stilling/0009f8c4-0122-4d19-ba9b-bfe18a0c90b0', kind: 'ad' },
  { url: 'https://arbeidsplassen.nav.no/stillinger?q=helsesekret%C3%A6r', kind: 'listing' },
  { url: 'https://arbeidsplassen.nav.no/stillinger', kind: 'listing' },
  { url: 'https://arbeidsplassen.nav.no/minside', kind: 'other' },
];
