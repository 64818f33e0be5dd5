import { type Adapter, listing, singleAd } from './types.ts';

/**
 * jobbnorge.no (many municipalities and hospitals). Single ads: /ledige-stillinger/stilling/<id>/<slug>
 * (English: /en/available-jobs/job/<id>/…); search: /search or /ledige-stillinger. The ad text sits
 * in a job-description container. Uncertain: the markup has changed between site versions; the main
 * element is the fallback, and the page's JobPosting JSON-LD (when present) is read first anyway.
 */
export const jobbnorge: Adapter = {
  id: 'jobbnorge',
  matches: ['https://*.jobbnorge.no/*'],
  serves: (hostname) => hostname === 'jobbnorge.no' || hostname.endsWith('.jobbnorge.no'),
  locate(doc, url) {
    if (/\/(?:stilling|job)\/\d+/.test(url.pathname)) {
      return singleAd(doc, ['h1'], ['[data-testid="job-description"]', '.job-description', '#jobDescription', '.jobad-content', 'article']);
    }
    if (/^\/(?:en\/)?(?:search|ledige-stillinger|available-jobs)\/?$/.test(url.pathname)) {
      return listing(doc, ['[data-testid="search-results"]', '.search-results', 'main ul']);
    }
    return null;
  },
};
