import { type Adapter, listing, singleAd } from './types.ts';

/**
 * HR Manager (used by many Norwegian municipalities, health trusts and clinics). Single ads:
 * candidate.hrmanager.com/job/detail/<id>/… and <customer>.hrmanager.no/…/job/<id>;
 * lists: …/jobs or …/ledige-stillinger. Uncertain: least known of the boards (no stored copy);
 * the job-description containers below are a best guess, with article/main as fallback.
 */
export const hrmanager: Adapter = {
  id: 'hrmanager',
  matches: ['https://candidate.hrmanager.com/*', 'https://*.hrmanager.no/*'],
  serves: (hostname) => hostname === 'candidate.hrmanager.com' || hostname === 'hrmanager.no' || hostname.endsWith('.hrmanager.no'),
  locate(doc, url) {
    const path = url.pathname.toLowerCase();
    if (/\/job(?:\/detail)?\/\d+/.test(path)) {
      return singleAd(doc, ['h1'], ['#jobDescription', '.job-description', '.jobad', '.job-detail', 'article']);
    }
    if (/\/(?:jobs|ledige-stillinger)\/?$/.test(path)) {
      return listing(doc, ['.job-list', '[class*="joblist"]', 'main ul']);
    }
    return null;
  },
};
