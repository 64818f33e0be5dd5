import { browser } from 'wxt/browser';
import type { VerdictKind } from '../../shared/index.ts';

/** Norwegian (bokmål) everywhere, English where the browser's UI language is not Norwegian. */
export type Lang = 'nb' | 'en';

export function uiLang(): Lang {
  let tag = '';
  try {
    tag = browser.i18n.getUILanguage();
  } catch {
    tag = typeof navigator === 'undefined' ? '' : navigator.language;
  }
  return /^(nb|nn|no)\b/i.test(tag) ? 'nb' : 'en';
}

const nb = {
  appName: 'Sekretærsjekk',
  loading: 'Leser annonsen …',
  restricted: 'Sekretærsjekk kan ikke lese denne siden (nettleserens egne sider og utvidelsesbutikker er stengt).',
  noReading: 'Fant ingen tekst å lese på denne siden ennå.',
  noTarget: 'Ingen stilling som helsesekretær, medisinsk sekretær eller legesekretær her.',
  listing: 'Denne siden viser mange annonser. Åpne én annonse for å få et svar.',
  mentionsOnPage: (n: number) => (n === 1 ? '1 tittel er markert på siden.' : `${n} titler er markert på siden.`),
  verdictHeading: 'Passer du?',
  verdict: {
    fits: 'Ja, du passer',
    'fits-with-caveats': 'Ja, med forbehold',
    'not-yet': 'Ikke ennå',
    'cannot-tell': 'Kan ikke avgjøre',
  } satisfies Record<VerdictKind, string>,
  reasonsHeading: 'Hvorfor',
  traceHeading: 'Slik kom vi fram til svaret',
  adSays: 'Annonsen sier',
  source: 'Kilde',
  routeHeading: 'Veien videre',
  duration: 'Varighet',
  cost: 'Kostnad',
  readRoute: 'Les om ruten (åpnes i ny fane)',
  noProfileHeading: 'Svar på noen spørsmål først',
  noProfileIntro: 'For å si om du passer, trenger Sekretærsjekk å vite litt om deg. Svarene lagres bare i denne nettleseren.',
  titlesHeading: 'Tre titler, ett yrke',
  titles: [
    { term: 'Helsesekretær', text: 'Beskyttet tittel. Krever autorisasjon fra Helsedirektoratet, som gis på grunnlag av fullført helsesekretærutdanning.', facts: ['F-01', 'F-10'] },
    { term: 'Medisinsk sekretær', text: 'Ikke beskyttet tittel. Det finnes ingen autorisasjon for den.', facts: ['F-02'] },
    { term: 'Legesekretær', text: 'Eldre navn på yrket, fra før autorisasjonen fantes. Ikke beskyttet.', facts: ['F-02'] },
  ],
  form: {
    birthYear: 'Fødselsår',
    authorised: 'Jeg har autorisasjon som helsesekretær',
    completedLegend: 'Utdanning du har fullført',
    courses: {
      'vg1-helse-oppvekst': 'Vg1 helse- og oppvekstfag',
      'vg2-helseservice': 'Vg2 helseservicefag',
      'vg3-helsesekretaer': 'Vg3 helsesekretær',
      'medisinsk-sekretaer-course': 'Kurs eller utdanning som medisinsk sekretær',
    },
    years: 'År som sekretær i helsetjenesten',
    abroad: 'Utdanningen min er fra et annet land',
    systems: 'Journalsystemer du kan (skill med komma)',
    save: 'Lagre',
    saved: 'Lagret.',
    invalid: 'Profilen ble ikke lagret:',
  },
  alwaysOnSite: (host: string) => `Les alltid annonser på ${host}`,
  alwaysOnSiteOn: (host: string) => `Leser alltid annonser på ${host}. Slå av`,
  permissionDenied: 'Tillatelsen ble ikke gitt.',
  openOptions: 'Endre profilen',
  options: {
    title: 'Sekretærsjekk – innstillinger',
    profileHeading: 'Profilen din',
    profileIntro: 'Profilen lagres bare i denne nettleseren (storage.local). Den sendes aldri noe sted.',
    resetNotice: (errors: string) => `Den lagrede profilen kunne ikke leses og er nullstilt. Den gamle verdien er tatt vare på og kommer med i eksporten. Feil: ${errors}`,
    dismiss: 'Skjul',
    sitesHeading: 'Nettsteder der annonser alltid leses',
    sitesNone: 'Ingen utenom stillingsportalene.',
    remove: 'Fjern',
    dataHeading: 'Dine data',
    export: 'Last ned dataene mine (JSON)',
    delete: 'Slett alle data',
    deleteConfirm: 'Alt Sekretærsjekk har lagret i denne nettleseren slettes. Er du sikker?',
    deleteYes: 'Ja, slett alt',
    deleteNo: 'Avbryt',
    deleted: 'Alle data er slettet.',
  },
  badge: {
    fits: 'Sekretærsjekk: du passer til stillingen',
    'fits-with-caveats': 'Sekretærsjekk: du passer, med forbehold',
    'not-yet': 'Sekretærsjekk: du passer ikke ennå – se veien videre',
    'cannot-tell': 'Sekretærsjekk: kan ikke avgjøre om du passer',
    noProfile: 'Sekretærsjekk: svar på noen spørsmål for å få et svar',
    none: 'Sekretærsjekk',
  },
};

type Messages = typeof nb;

const en: Messages = {
  appName: 'Sekretærsjekk',
  loading: 'Reading the ad …',
  restricted: 'Sekretærsjekk cannot read this page (browser pages and extension stores are off limits).',
  noReading: 'No text to read on this page yet.',
  noTarget: 'No helsesekretær, medical secretary or legesekretær job here.',
  listing: 'This page lists many ads. Open one ad to get an answer.',
  mentionsOnPage: (n: number) => (n === 1 ? '1 title is highlighted on the page.' : `${n} titles are highlighted on the page.`),
  verdictHeading: 'Do you fit?',
  verdict: { fits: 'Yes, you fit', 'fits-with-caveats': 'Yes, with caveats', 'not-yet': 'Not yet', 'cannot-tell': "Can't tell" },
  reasonsHeading: 'Why',
  traceHeading: 'How we reached this answer',
  adSays: 'The ad says',
  source: 'Source',
  routeHeading: 'Your route',
  duration: 'Duration',
  cost: 'Cost',
  readRoute: 'Read about the route (opens in a new tab; Norwegian)',
  noProfileHeading: 'Answer a few questions first',
  noProfileIntro: 'To tell whether you fit, Sekretærsjekk needs to know a little about you. Your answers stay in this browser.',
  titlesHeading: 'Three titles, one occupation',
  titles: [
    { term: 'Helsesekretær', text: 'Protected title. Requires authorisation from the Norwegian Directorate of Health, granted on completed helsesekretær education.', facts: ['F-01', 'F-10'] },
    { term: 'Medisinsk sekretær', text: 'Not a protected title. No authorisation exists for it.', facts: ['F-02'] },
    { term: 'Legesekretær', text: 'The older name of the occupation, from before authorisation existed. Not protected.', facts: ['F-02'] },
  ],
  form: {
    birthYear: 'Year of birth',
    authorised: 'I am authorised as helsesekretær',
    completedLegend: 'Education you have completed',
    courses: {
      'vg1-helse-oppvekst': 'Vg1 health and childhood/youth development',
      'vg2-helseservice': 'Vg2 health service',
      'vg3-helsesekretaer': 'Vg3 helsesekretær',
      'medisinsk-sekretaer-course': 'Medical secretary course or education',
    },
    years: 'Years as a secretary in health care',
    abroad: 'My education is from another country',
    systems: 'Patient record systems you know (comma separated)',
    save: 'Save',
    saved: 'Saved.',
    invalid: 'The profile was not saved:',
  },
  alwaysOnSite: (host: string) => `Always read ads on ${host}`,
  alwaysOnSiteOn: (host: string) => `Always reading ads on ${host}. Turn off`,
  permissionDenied: 'Permission was not granted.',
  openOptions: 'Edit your profile',
  options: {
    title: 'Sekretærsjekk – settings',
    profileHeading: 'Your profile',
    profileIntro: 'Your profile is stored only in this browser (storage.local). It is never sent anywhere.',
    resetNotice: (errors: string) => `The stored profile could not be read and was reset. The old value was kept and is included in the export. Errors: ${errors}`,
    dismiss: 'Dismiss',
    sitesHeading: 'Sites where ads are always read',
    sitesNone: 'None besides the job boards.',
    remove: 'Remove',
    dataHeading: 'Your data',
    export: 'Download my data (JSON)',
    delete: 'Delete all data',
    deleteConfirm: 'Everything Sekretærsjekk stored in this browser will be deleted. Are you sure?',
    deleteYes: 'Yes, delete everything',
    deleteNo: 'Cancel',
    deleted: 'All data deleted.',
  },
  badge: {
    fits: 'Sekretærsjekk: you fit this job',
    'fits-with-caveats': 'Sekretærsjekk: you fit, with caveats',
    'not-yet': 'Sekretærsjekk: not yet – see your route',
    'cannot-tell': "Sekretærsjekk: can't tell whether you fit",
    noProfile: 'Sekretærsjekk: answer a few questions to get an answer',
    none: 'Sekretærsjekk',
  },
};

export const MESSAGES: Record<Lang, Messages> = { nb, en };

export function messages(lang: Lang = uiLang()): Messages {
  return MESSAGES[lang];
}
