import { type Adapter, listing, singleAd } from './types.ts';

/**
 * Webcruiter (Visma), used by many hospitals and municipalities. Single ads: candidate.webcruiter.com
 * /<lang>/ad/<id> (older: www.webcruiter.no/wcmain/AdvertViewPublic.aspx?oppdragsnr=…); lists:
 * …/adlist or …/ads. An Angular app, so content arrives after load (the content script waits for it).
 * Uncertain: container class names; "advert" containers, then article/main, are tried.
 */
export const webcruiter: Adapter = {
  id: 'webcruiter',
  matches: ['https://*.webcruiter.com/*', 'https://*.webcruiter.no/*'],
  serves: (hostname) => /(?:^|\.)webcruiter\.(?:com|no)$/.test(hostname),
  locate(doc, url) {
    const path = url.pathname.toLowerCase();
    if (/\/ad\/\d+|advertview/.test(path)) {
      return singleAd(doc, ['h1'], ['#advert-text', '.advert-text', '.advert-content', '#AdvertText', '[class*="advert-body"]', 'article']);
    }
    if (/adlist|\/ads\/?$/.test(path)) {
      return listing(doc, ['.advert-list', '[class*="adlist"]', 'main ul']);
    }
    return null;
  },
};
