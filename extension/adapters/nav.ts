import { type Adapter, listing, singleAd } from './types.ts';

/**
 * arbeidsplassen.nav.no (NAV's job board, a Next.js app: navigation happens without reloads).
 * Single ads: /stillinger/stilling/<uuid>; search: /stillinger. The ad text is rendered in a
 * div.job-posting-text inside the article; the page also carries a JobPosting JSON-LD, which
 * the reader prefers. Uncertain: class names may change; the article/main is the fallback.
 */
export const nav: Adapter = {
  id: 'nav',
  matches: ['https://arbeidsplassen.nav.no/*'],
  serves: (hostname) => hostname === 'arbeidsplassen.nav.no',
  locate(doc, url) {
    if (/^\/stillinger\/stilling\//.test(url.pathname)) {
      return singleAd(doc, ['h1'], ['.job-posting-text', 'article [class*="job-posting"]', 'article']);
    }
    if (/^\/stillinger\/?$/.test(url.pathname)) {
      return listing(doc, ['#search-result', '[data-testid="search-results"]', 'main ul']);
    }
    return null;
  },
};
