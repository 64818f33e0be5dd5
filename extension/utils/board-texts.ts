import type { Lang } from './i18n.ts';

/** User-facing text for listings, "not a job ad" and the problem report (bokmål and English). */
const TEXTS = {
  nb: {
    listingHeading: (n: number) => (n === 1 ? '1 annonse her nevner helsesekretær, medisinsk sekretær eller legesekretær' : `${n} annonser her nevner helsesekretær, medisinsk sekretær eller legesekretær`),
    listingNone: 'Ingen av annonsene i listen nevner helsesekretær, medisinsk sekretær eller legesekretær i tittelen.',
    listingHint: 'Åpne en annonse for å se om du passer.',
    badgeListing: (n: number) => `Sekretærsjekk: ${n} aktuelle annonser på siden`,
    notAd: 'Denne siden er ikke en stillingsannonse.',
    notAdHint: 'Siden nevner yrkestitlene, men har ingen søknadsfrist, stilling eller søknadsknapp.',
    report: 'Rapporter et problem med denne siden',
    reportCopied: 'Kopiert. Lim inn teksten i en feilmelding. Ingenting er sendt.',
    reportFailed: 'Kunne ikke kopiere. Merk og kopier teksten under.',
  },
  en: {
    listingHeading: (n: number) => (n === 1 ? '1 ad here names helsesekretær, medical secretary or legesekretær' : `${n} ads here name helsesekretær, medical secretary or legesekretær`),
    listingNone: 'None of the ads in the list names helsesekretær, medical secretary or legesekretær in its title.',
    listingHint: 'Open an ad to see whether you fit.',
    badgeListing: (n: number) => `Sekretærsjekk: ${n} relevant ads on this page`,
    notAd: 'This page is not a job ad.',
    notAdHint: 'The page mentions the job titles but has no deadline, position or apply button.',
    report: 'Report a problem with this page',
    reportCopied: 'Copied. Paste the text into a bug report. Nothing was sent.',
    reportFailed: 'Could not copy. Select and copy the text below.',
  },
} as const;

export type BoardTexts = (typeof TEXTS)['nb'] | (typeof TEXTS)['en'];

export function boardTexts(lang: Lang): BoardTexts {
  return TEXTS[lang];
}
