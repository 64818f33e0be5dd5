import { browser } from 'wxt/browser';
import type { AuthorisationLevel, CourseId, ForeignCompletion, ForeignRegion, ReasonTopic, TitleId, VerdictKind } from '../../shared/index.ts';

/**
 * Every string the popup, options, welcome page and badge show: Norwegian (bokmål), and English
 * where the browser's UI language is not Norwegian. The e2e suite checks the English pages for
 * every nb string listed here (uiStrings), so a string that is not here can slip through untranslated.
 */
export type Lang = 'nb' | 'en';

/**
 * Norwegian when the browser's UI language or the reader's first preferred language for pages is
 * Norwegian (bokmål, nynorsk or plain "no"); English otherwise. The preferred language counts too:
 * a Chromium without Norwegian UI translations reports an English UI even when the reader put
 * Norwegian first.
 */
export function uiLang(): Lang {
  const norwegian = (tag: string | undefined) => /^(nb|nn|no)\b/i.test(tag ?? '');
  let ui = '';
  try {
    ui = browser.i18n.getUILanguage();
  } catch {
    // No extension API (tests, plain pages): the preferred language decides.
  }
  const preferred = typeof navigator === 'undefined' ? undefined : (navigator.languages?.[0] ?? navigator.language);
  return norwegian(ui) || norwegian(preferred) ? 'nb' : 'en';
}

/** Form fields a message can be about (the form shows it next to the field). */
export type FieldName = 'birthYear' | 'yearsAsSecretaryInHealth' | 'yearsOfWork' | 'systems' | 'completed' | 'profile';

const nb = {
  appName: 'Sekretærsjekk',
  loading: 'Leser annonsen …',
  restricted: 'Sekretærsjekk kan ikke lese denne siden (nettleserens egne sider og utvidelsesbutikker er stengt).',
  noReading: 'Fant ingen tekst å lese på denne siden ennå.',
  noTarget: 'Ingen stilling som helsesekretær, medisinsk sekretær eller legesekretær her.',
  listing: 'Denne siden viser mange annonser. Åpne én annonse for å få et svar.',
  mentionsOnPage: (n: number) => (n === 1 ? '1 tittel er markert på siden.' : `${n} titler er markert på siden.`),
  truncated: 'Annonsen er svært lang – bare begynnelsen er lest.',
  verdictHeading: 'Passer du?',
  verdict: {
    fits: 'Ja, du passer',
    'fits-with-caveats': 'Ja, med forbehold',
    'not-yet': 'Ikke ennå',
    'cannot-tell': 'Kan ikke avgjøre',
  } satisfies Record<VerdictKind, string>,
  routeHeading: 'Dette kan du gjøre nå',
  firstStep: 'Første steg',
  duration: 'Varighet',
  cost: 'Kostnad',
  readRoute: 'Les hele veiledningen (åpnes i ny fane)',
  reasonsHeading: 'Hvorfor',
  adSays: 'Annonsen sier',
  details: 'Kilder og regler',
  sourcesHeading: 'Kilder',
  ruleHeading: 'Regelen',
  traceHeading: 'Slik kom vi fram til svaret',
  checked: (date: string) => `kontrollert ${date}`,
  effects: { met: 'Oppfylt', unmet: 'Mangler', caveat: 'Forbehold', info: 'Til informasjon' },
  reasonTopics: {
    ad: 'Annonsen',
    authorisation: 'Autorisasjon',
    'english-title': 'Engelsk tittel',
    education: 'Utdanning',
    alternatives: 'Krav med alternativer',
    experience: 'Erfaring',
    'your-experience': 'Erfaringen din',
    'education-abroad': 'Utdanning fra utlandet',
    systems: 'Journalsystemer',
    norwegian: 'Norsk',
  } satisfies Record<ReasonTopic, string>,
  // First run: what the ad asks for, before any profile exists.
  adAsksHeading: 'Dette ber annonsen om',
  adAsks: {
    title: 'Stilling',
    authorisation: 'Autorisasjon',
    years: 'Erfaring',
    systems: 'Journalsystemer',
    norwegian: 'Norsk',
    education: 'Utdanning',
    nothing: 'Fant ingen krav å lese ut av annonsen.',
  },
  authorisationLevel: {
    required: 'Krav',
    preferred: 'Ønskelig',
    'not-required': 'Ikke et krav',
    'not-mentioned': 'Ikke nevnt',
  } satisfies Record<AuthorisationLevel, string>,
  atLeastYears: (n: number) => (n === 1 ? 'Minst 1 år' : `Minst ${formatNumber(n, 'nb')} år`),
  requiredWord: 'krav',
  preferredWord: 'ønskelig',
  titleNames: {
    helsesekretaer: 'Helsesekretær',
    'medisinsk-sekretaer': 'Medisinsk sekretær',
    legesekretaer: 'Legesekretær',
  } satisfies Record<TitleId, string>,
  questionsHeading: 'Svar på noen spørsmål, så får du et svar',
  questionsIntro: 'Svarene lagres bare i denne nettleseren.',
  form: {
    birthYear: 'Fødselsår',
    authorised: 'Jeg har autorisasjon som helsesekretær',
    completedLegend: 'Utdanning du har fullført i Norge',
    courses: {
      'vg1-helse-oppvekst': 'Vg1 helse- og oppvekstfag',
      'vg2-helseservice': 'Vg2 helseservicefag',
      'vg3-helsesekretaer': 'Vg3 helsesekretær (vitnemål)',
      'medisinsk-sekretaer-course': 'Kurs eller utdanning som medisinsk sekretær',
    } satisfies Record<CourseId, string>,
    years: 'År som sekretær i helsetjenesten',
    abroad: 'Jeg har helse- eller sekretærutdanning fra et annet land',
    otherUpperSecondary: 'Jeg har fullført videregående på en annen måte (for eksempel fagbrev, studiekompetanse eller annen yrkeskompetanse)',
    yearsOfWork: 'År i arbeid i alt, alle slags jobber',
    foreignLegend: 'Utdanningen fra utlandet',
    foreignCompleted: {
      'full-equivalent': 'Fullført, og den tilsvarer helsesekretær',
      'medical-secretary': 'Fullført utdanning som medisinsk sekretær',
      partial: 'Ikke fullført',
    } satisfies Record<ForeignCompletion, string>,
    foreignRegion: 'Hvor tok du utdanningen?',
    regions: {
      nordic: 'I et nordisk land',
      'eu-eea': 'I et annet EU/EØS-land',
      uk: 'I Storbritannia',
      switzerland: 'I Sveits',
      other: 'I et annet land',
    } satisfies Record<ForeignRegion, string>,
    systems: 'Journalsystemer du kan (skill med komma)',
    save: 'Lagre',
    saved: 'Lagret.',
    invalid: 'Profilen ble ikke lagret. Rett feltene som er merket.',
    errors: {
      birthYearMissing: 'Skriv inn fødselsåret ditt, for eksempel 1990.',
      birthYearNotNumber: 'Skriv fødselsåret som et årstall med fire sifre, for eksempel 1990.',
      birthYearRange: (from: number, to: number) => `Fødselsåret må være mellom ${from} og ${to} (du må være mellom 15 og 80 år i år).`,
      yearsNotNumber: 'Skriv antall år som et tall, for eksempel 2 eller 2,5.',
      yearsNegative: 'Antall år kan ikke være mindre enn 0.',
      yearsTooMany: (max: number) => `Med det fødselsåret kan du ha høyst ${formatNumber(max, 'nb')} ${max === 1 ? 'år' : 'år'} erfaring (regnet fra du var 15).`,
      systemsTooMany: (max: number) => `Skriv inn høyst ${max} journalsystemer.`,
      systemTooLong: (max: number) => `Hvert journalsystem kan ha høyst ${max} tegn.`,
      other: 'Dette feltet har en ugyldig verdi.',
    },
  },
  alwaysOnSite: (host: string) => `Les alltid annonser på ${host}`,
  alwaysOnSiteOn: (host: string) => `Leser alltid annonser på ${host}. Slå av`,
  permissionDenied: (host: string) =>
    `Du ga ikke tilgang til ${host}. Sekretærsjekk leser siden bare når du klikker på knappen i verktøylinjen.`,
  permissionRemoved: (host: string) =>
    `Tilgangen til ${host} er fjernet i nettleseren, så annonser her leses ikke lenger av seg selv. Slå det på igjen for å gi tilgang på nytt.`,
  openOptions: 'Endre profilen',
  privacy: 'Personvern',
  badge: {
    fits: 'Sekretærsjekk: du passer til stillingen',
    'fits-with-caveats': 'Sekretærsjekk: du passer, med forbehold',
    'not-yet': 'Sekretærsjekk: du passer ikke ennå – se veien videre',
    'cannot-tell': 'Sekretærsjekk: kan ikke avgjøre om du passer',
    noProfile: 'Sekretærsjekk: annonse funnet – svar på noen spørsmål for å få et svar',
    none: 'Sekretærsjekk',
  },
  options: {
    title: 'Sekretærsjekk – innstillinger',
    profileHeading: 'Profilen din',
    profileIntro: 'Profilen lagres bare i denne nettleseren. Den sendes aldri noe sted.',
    resetNotice: (fields: string[]) =>
      `Den lagrede profilen var skadet og kunne ikke leses, så den er lagt til side. Fyll inn profilen på nytt nedenfor. Den gamle verdien er tatt vare på og kommer med når du laster ned dataene dine.${fields.length > 0 ? ` Det gjaldt: ${fields.join(', ')}.` : ''}`,
    dismiss: 'Skjul meldingen',
    sitesHeading: 'Nettsteder der annonser alltid leses',
    sitesNone: 'Ingen utenom stillingsportalene.',
    remove: 'Fjern',
    removed: (origin: string) => `${origin} er fjernet.`,
    dataHeading: 'Dine data',
    export: 'Last ned dataene mine (JSON)',
    importLabel: 'Hent inn en profil du har lastet ned (JSON-fil)',
    imported: 'Profilen er hentet inn og lagret.',
    importNotJson: 'Filen kunne ikke leses som JSON. Velg filen du lastet ned med «Last ned dataene mine».',
    importNoProfile: 'Filen inneholder ingen profil fra Sekretærsjekk.',
    importInvalid: (fields: string[]) => `Profilen i filen er ikke gyldig (${fields.join(', ')}). Ingenting er endret.`,
    importTooLarge: 'Filen er for stor til å være en profil fra Sekretærsjekk.',
    delete: 'Slett alle data',
    deleteConfirm: 'Alt Sekretærsjekk har lagret i denne nettleseren slettes. Er du sikker?',
    deleteYes: 'Ja, slett alt',
    deleteNo: 'Avbryt',
    deleted: 'Alle data er slettet.',
    deleteFailed: 'Profilen er slettet, men bakgrunnsdelen svarte ikke: last inn siden og prøv igjen for å slette resten.',
    privacyLink: 'Les hva Sekretærsjekk lagrer, og hva den aldri gjør (personvern)',
  },
  welcome: {
    title: 'Velkommen til Sekretærsjekk',
    what: 'Sekretærsjekk finner stillingsannonser for helsesekretær, medisinsk sekretær og legesekretær, leser hva annonsen krever og sier om du passer – og hva du kan gjøre hvis du ikke gjør det ennå.',
    titlesHeading: 'Tre titler, ett yrke',
    titles: [
      { term: 'Helsesekretær', text: 'Beskyttet tittel. Krever autorisasjon fra Helsedirektoratet, som gis på grunnlag av fullført helsesekretærutdanning.' },
      { term: 'Medisinsk sekretær', text: 'Ikke beskyttet tittel. Det finnes ingen autorisasjon for den.' },
      { term: 'Legesekretær', text: 'Eldre navn på yrket, fra før autorisasjonen fantes. Ikke beskyttet.' },
    ],
    privacyHeading: 'Profilen din blir på denne maskinen',
    privacy: 'Svarene dine lagres bare i denne nettleseren. Sekretærsjekk sender ingenting noe sted, bruker ingen analyseverktøy og henter aldri kode fra nettet.',
    pinHeading: 'Fest knappen i verktøylinjen',
    pin: 'Klikk på puslespillbrikken til høyre for adressefeltet, og klikk på nålen ved Sekretærsjekk. Da ser du svaret på knappen (✓, !, ✗ eller ?) når du åpner en annonse.',
    questionsHeading: 'Svar på noen spørsmål',
    questionsIntro: 'Med disse svarene kan Sekretærsjekk si om du passer til en annonse. Du kan endre dem senere i innstillingene.',
    done: 'Ferdig! Åpne en stillingsannonse, så ser du svaret på knappen.',
  },
};

type Messages = typeof nb;

const en: Messages = {
  appName: 'Sekretærsjekk',
  loading: 'Reading the ad …',
  restricted: 'Sekretærsjekk cannot read this page (browser pages and extension stores are off limits).',
  noReading: 'No text to read on this page yet.',
  noTarget: 'No health secretary, medical secretary or physician’s secretary job here.',
  listing: 'This page lists many ads. Open one ad to get an answer.',
  mentionsOnPage: (n: number) => (n === 1 ? '1 title is highlighted on the page.' : `${n} titles are highlighted on the page.`),
  truncated: 'The ad is very long – only its beginning was read.',
  verdictHeading: 'Do you fit?',
  verdict: { fits: 'Yes, you fit', 'fits-with-caveats': 'Yes, with caveats', 'not-yet': 'Not yet', 'cannot-tell': "Can't tell" },
  routeHeading: 'What you can do now',
  firstStep: 'First step',
  duration: 'Duration',
  cost: 'Cost',
  readRoute: 'Read the full guide (opens in a new tab; the guide is in Norwegian)',
  reasonsHeading: 'Why',
  adSays: 'The ad says',
  details: 'Sources and rules',
  sourcesHeading: 'Sources',
  ruleHeading: 'The rule',
  traceHeading: 'How we reached this answer',
  checked: (date: string) => `checked ${date}`,
  effects: { met: 'Met', unmet: 'Missing', caveat: 'Caveat', info: 'For information' },
  reasonTopics: {
    ad: 'The ad',
    authorisation: 'Authorisation',
    'english-title': 'English title',
    education: 'Education',
    alternatives: 'Requirement with alternatives',
    experience: 'Experience',
    'your-experience': 'Your experience',
    'education-abroad': 'Education from abroad',
    systems: 'Patient record systems',
    norwegian: 'Norwegian',
  },
  adAsksHeading: 'What this ad asks for',
  adAsks: {
    title: 'Job',
    authorisation: 'Authorisation',
    years: 'Experience',
    systems: 'Patient record systems',
    norwegian: 'Norwegian',
    education: 'Education',
    nothing: 'No requirements could be read from the ad.',
  },
  authorisationLevel: { required: 'Required', preferred: 'Preferred', 'not-required': 'Not required', 'not-mentioned': 'Not mentioned' },
  atLeastYears: (n: number) => (n === 1 ? 'At least 1 year' : `At least ${formatNumber(n, 'en')} years`),
  requiredWord: 'required',
  preferredWord: 'preferred',
  titleNames: {
    helsesekretaer: 'Health secretary (helsesekretær)',
    'medisinsk-sekretaer': 'Medical secretary',
    legesekretaer: 'Physician’s secretary (legesekretær)',
  },
  questionsHeading: 'Answer a few questions to get an answer',
  questionsIntro: 'Your answers stay in this browser.',
  form: {
    birthYear: 'Year of birth',
    authorised: 'I am authorised as a health secretary (helsesekretær)',
    completedLegend: 'Education you have completed in Norway',
    courses: {
      'vg1-helse-oppvekst': 'Vg1 health and childhood/youth development',
      'vg2-helseservice': 'Vg2 health service',
      'vg3-helsesekretaer': 'Vg3 health secretary (diploma)',
      'medisinsk-sekretaer-course': 'Medical secretary course or education',
    },
    years: 'Years as a secretary in health care',
    abroad: 'I have health or secretary education from another country',
    otherUpperSecondary: 'I have completed upper secondary school in another way (for example a trade certificate, university admission certification or another vocational qualification)',
    yearsOfWork: 'Years of work in total, any kind of job',
    foreignLegend: 'Your education from abroad',
    foreignCompleted: {
      'full-equivalent': 'Completed, and equivalent to a health secretary (helsesekretær)',
      'medical-secretary': 'Completed medical secretary education',
      partial: 'Not completed',
    },
    foreignRegion: 'Where did you take it?',
    regions: {
      nordic: 'In a Nordic country',
      'eu-eea': 'In another EU/EEA country',
      uk: 'In the United Kingdom',
      switzerland: 'In Switzerland',
      other: 'In another country',
    },
    systems: 'Patient record systems you know (comma separated)',
    save: 'Save',
    saved: 'Saved.',
    invalid: 'The profile was not saved. Correct the marked fields.',
    errors: {
      birthYearMissing: 'Enter your year of birth, for example 1990.',
      birthYearNotNumber: 'Enter your year of birth as four digits, for example 1990.',
      birthYearRange: (from: number, to: number) => `The year of birth must be between ${from} and ${to} (you must be between 15 and 80 this year).`,
      yearsNotNumber: 'Enter the number of years as a number, for example 2 or 2.5.',
      yearsNegative: 'The number of years cannot be less than 0.',
      yearsTooMany: (max: number) => `With that year of birth you can have at most ${formatNumber(max, 'en')} ${max === 1 ? 'year' : 'years'} of experience (counted from age 15).`,
      systemsTooMany: (max: number) => `Enter at most ${max} patient record systems.`,
      systemTooLong: (max: number) => `Each patient record system can have at most ${max} characters.`,
      other: 'This field has an invalid value.',
    },
  },
  alwaysOnSite: (host: string) => `Always read ads on ${host}`,
  alwaysOnSiteOn: (host: string) => `Always reading ads on ${host}. Turn off`,
  permissionDenied: (host: string) => `You did not grant access to ${host}. Sekretærsjekk reads this site only when you click its toolbar button.`,
  permissionRemoved: (host: string) =>
    `Access to ${host} was removed in the browser, so ads here are no longer read by themselves. Turn it on again to grant access anew.`,
  openOptions: 'Edit your profile',
  privacy: 'Privacy',
  badge: {
    fits: 'Sekretærsjekk: you fit this job',
    'fits-with-caveats': 'Sekretærsjekk: you fit, with caveats',
    'not-yet': 'Sekretærsjekk: not yet – see what you can do',
    'cannot-tell': "Sekretærsjekk: can't tell whether you fit",
    noProfile: 'Sekretærsjekk: ad found – answer a few questions to get an answer',
    none: 'Sekretærsjekk',
  },
  options: {
    title: 'Sekretærsjekk – settings',
    profileHeading: 'Your profile',
    profileIntro: 'Your profile is stored only in this browser. It is never sent anywhere.',
    resetNotice: (fields: string[]) =>
      `The stored profile was damaged and could not be read, so it was set aside. Please fill in your profile again below. The old value was kept and is included when you download your data.${fields.length > 0 ? ` It concerned: ${fields.join(', ')}.` : ''}`,
    dismiss: 'Hide this message',
    sitesHeading: 'Sites where ads are always read',
    sitesNone: 'None besides the job boards.',
    remove: 'Remove',
    removed: (origin: string) => `${origin} was removed.`,
    dataHeading: 'Your data',
    export: 'Download my data (JSON)',
    importLabel: 'Load a profile you downloaded (JSON file)',
    imported: 'The profile was loaded and saved.',
    importNotJson: 'The file could not be read as JSON. Choose the file you got from “Download my data”.',
    importNoProfile: 'The file holds no Sekretærsjekk profile.',
    importInvalid: (fields: string[]) => `The profile in the file is not valid (${fields.join(', ')}). Nothing was changed.`,
    importTooLarge: 'The file is too large to be a Sekretærsjekk profile.',
    delete: 'Delete all data',
    deleteConfirm: 'Everything Sekretærsjekk stored in this browser will be deleted. Are you sure?',
    deleteYes: 'Yes, delete everything',
    deleteNo: 'Cancel',
    deleted: 'All data deleted.',
    deleteFailed: 'Your profile was deleted, but the background did not answer: reload the page and try again to delete the rest.',
    privacyLink: 'Read what Sekretærsjekk stores and what it never does (privacy; in Norwegian with an English section)',
  },
  welcome: {
    title: 'Welcome to Sekretærsjekk',
    what: 'Sekretærsjekk spots job ads for health secretaries (helsesekretær), medical secretaries and physician’s secretaries (legesekretær), reads what the ad requires and tells you whether you fit – and what you can do if you do not fit yet.',
    titlesHeading: 'Three titles, one occupation',
    titles: [
      { term: 'Helsesekretær', text: 'Protected title. Requires authorisation from the Norwegian Directorate of Health, granted on completed health secretary education.' },
      { term: 'Medisinsk sekretær', text: 'Medical secretary. Not a protected title; no authorisation exists for it.' },
      { term: 'Legesekretær', text: 'The older name of the occupation, from before authorisation existed. Not protected.' },
    ],
    privacyHeading: 'Your profile stays on this device',
    privacy: 'Your answers are stored only in this browser. Sekretærsjekk sends nothing anywhere, uses no analytics and never loads code from the web.',
    pinHeading: 'Pin the button to the toolbar',
    pin: 'Click the puzzle piece to the right of the address bar, then the pin next to Sekretærsjekk. The button then shows the answer (✓, !, ✗ or ?) when you open an ad.',
    questionsHeading: 'Answer a few questions',
    questionsIntro: 'With these answers Sekretærsjekk can tell whether you fit an ad. You can change them later in the settings.',
    done: 'Done! Open a job ad and the button shows the answer.',
  },
};

export const MESSAGES: Record<Lang, Messages> = { nb, en };

export function messages(lang: Lang = uiLang()): Messages {
  return MESSAGES[lang];
}

/** "2,5" in Norwegian, "2.5" in English. */
export function formatNumber(n: number, lang: Lang): string {
  const text = String(Math.round(n * 10) / 10);
  return lang === 'nb' ? text.replace('.', ',') : text;
}

/**
 * Every fixed UI string, flattened (a function's text split where its arguments go): the e2e
 * suite checks that no Norwegian one shows up in the English pages. Pieces that are the same in
 * both languages (the app name, proper names) or too short to tell are left out.
 */
export function uiStrings(lang: Lang): string[] {
  const collect = (messages: Messages): Set<string> => {
    const out = new Set<string>();
    const walk = (value: unknown): void => {
      if (typeof value === 'string') out.add(value.trim());
      else if (typeof value === 'function') {
        let text = '';
        try {
          text = String((value as (...a: unknown[]) => unknown)(ARG, ARG));
        } catch {
          return;
        }
        for (const piece of text.split(/\u0001|NaN/)) out.add(piece.trim());
      } else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(messages);
    return out;
  };
  const other = collect(MESSAGES[lang === 'nb' ? 'en' : 'nb']);
  return [...collect(MESSAGES[lang])].filter((s) => s.length >= 6 && !other.has(s));
}

const ARG = '\u0001';
