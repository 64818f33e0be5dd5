import type { Board, Example } from './types.ts';

/**
 * HR Manager (many kommuner, health trusts and clinics; often embedded in an iframe, so it runs in
 * frames). From the review of the live site (2026-09; no saved page in
 * ../shared/boards-markup): hosts `*.hr-manager.net` (candidate.hr-manager.net), ads
 * `ApplicationInit.aspx?cid=…&ProjectId=…` with the ad text in `div#AdvertisementContent`,
 * listings `Vacancies/List.aspx?customer=…` (items: the links to ApplicationInit.aspx).
 */
export const hrmanager: Board = {
  id: 'hrmanager',
  name: 'HR Manager',
  matches: ['https://*.hr-manager.net/*ApplicationInit.aspx*', 'https://*.hr-manager.net/*Vacancies/List.aspx*'],
  allFrames: true,
  ad: {
    path: /applicationinit\.aspx$/i,
    title: ['#AdvertisementContent h1', 'h1', '#AdvertisementContent h2'],
    body: ['#AdvertisementContent'],
  },
  listing: {
    path: /vacancies\/list\.aspx$/i,
    root: [],
    item: 'a[href*="ApplicationInit.aspx" i]',
  },
};

/** Real URL shapes (tests iterate them; kept out of the board object so the content script does not ship them). */
export const examples: Example[] = [
  { url: 'https://candidate.hr-manager.net/ApplicationInit.aspx?cid=1234&ProjectId=187654&DepartmentId=19&MediaId=5', kind: 'ad' },
  { url: 'https://candidate.hr-manager.net/Vacancies/List.aspx?customer=helsenord', kind: 'listing' },
  { url: 'https://candidate.hr-manager.net/Candidate/Profile.aspx', kind: 'other' },
];
