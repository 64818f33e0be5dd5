import type { Board, Example } from './types.ts';

/**
 * Webcruiter (Visma), used by hospitals and kommuner, who often embed its ads in an iframe on
 * their own site (so it runs in frames). Verified 2026-09-18 against a real answer of the
 * candidate portal's API (../shared/boards-markup): the public ad URL the portal hands out is
 * `https://<tenant>.webcruiter.no/Main/Recruit/Public/<id>`; the candidate portal itself
 * (candidate.webcruiter.com/<culture>/cv, applications) is never matched. Other ad shapes
 * (/home/ad/<id>, AdvertViewPublic.aspx) and the listings (/home/companyadverts, /home/alladverts,
 * an SPA) are known from the review; no saved ad page exists, so the ad text is read by
 * the generic reader on purpose (the title may be an h2). Listing items are the links with an ad URL.
 */
export const webcruiter: Board = {
  id: 'webcruiter',
  name: 'Webcruiter',
  matches: [
    'https://*.webcruiter.no/Main/Recruit/Public/*',
    'https://*.webcruiter.no/main/recruit/public/*',
    'https://*.webcruiter.no/wcmain/AdvertViewPublic.aspx*',
    'https://*.webcruiter.no/wcmain/advertviewpublic.aspx*',
    'https://candidate.webcruiter.com/*/home/ad/*',
    'https://candidate.webcruiter.com/*/home/companyadverts*',
    'https://candidate.webcruiter.com/*/home/alladverts*',
  ],
  allFrames: true,
  ad: {
    path: /\/main\/recruit\/public\/\d+|\/home\/ad\/\d+|\/advertviewpublic\.aspx/i,
    title: ['h1', 'h2'],
    body: [],
  },
  listing: {
    path: /\/home\/(?:companyadverts|alladverts)\/?$/i,
    root: [],
    item: 'a[href*="/Recruit/Public/" i], a[href*="/home/ad/" i]',
  },
};

/** Real URL shapes (tests iterate them; kept out of the board object so the content script does not ship them). */
export const examples: Example[] = [
  { url: 'https://398280.webcruiter.no/Main/Recruit/Public/5182267510?language=en&link_source_id=0', kind: 'ad' },
  { url: 'https://candidate.webcruiter.com/nb-NO/home/ad/5182267510', kind: 'ad' },
  { url: 'https://www.webcruiter.no/wcmain/advertviewpublic.aspx?oppdragsnr=4466508031', kind: 'ad' },
  { url: 'https://candidate.webcruiter.com/en-GB/home/companyadverts?companylock=398280', kind: 'listing' },
  { url: 'https://candidate.webcruiter.com/nb-NO/home/alladverts', kind: 'listing' },
  { url: 'https://candidate.webcruiter.com/en-GB/cv?advertId=5182267510&language=en&link_source_id=2000', kind: 'other' },
];
