import { type Adapter, listing, singleAd } from './types.ts';

/**
 * finn.no/job. Single ads live at /job/ad/<finnkode> (older: /job/fulltime/ad.html?finnkode=…),
 * searches at /job/search (older: /job/fulltime/search.html). The description is a section marked
 * with a data-testid on the current site, and a div.import-decoration on imported ads.
 * Uncertain: finn renames data-testids now and then; the main element is the fallback.
 */
export const finn: Adapter = {
  id: 'finn',
  matches: ['https://www.finn.no/job/*'],
  serves: (hostname) => hostname === 'www.finn.no' || hostname === 'finn.no',
  locate(doc, url) {
    if (/\/search(?:\.html)?$/.test(url.pathname)) {
      return listing(doc, ['[data-testid="search-results"]', '#page-results', 'main section']);
    }
    if (!/\/ad(?:\.html)?(?:\/|$)/.test(url.pathname)) return null;
    return singleAd(
      doc,
      ['h1'],
      ['[data-testid="ad-description"]', '[data-testid="job-description"]', 'section[aria-label="Jobbdetaljer"]', '.import-decoration'],
    );
  },
};
