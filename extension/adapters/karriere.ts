import { type Adapter, singleAd } from './types.ts';

/**
 * karriere.no. Single ads: /jobb/<slug>/<id>. No stored copy of its markup, so the description
 * selectors are a guess and the page's main element is the fallback; every other page shape
 * (search, front page) goes to the generic reader.
 */
export const karriere: Adapter = {
  id: 'karriere',
  matches: ['https://www.karriere.no/*', 'https://karriere.no/*'],
  serves: (hostname) => hostname === 'karriere.no' || hostname === 'www.karriere.no',
  locate(doc, url) {
    if (!/\/jobb\/.+\/\d+\/?$/.test(url.pathname)) return null;
    return singleAd(doc, ['h1'], ['[class*="description"]', 'article']);
  },
};
