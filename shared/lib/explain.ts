/**
 * The words of a verdict: Norwegian (bokmål) and English text for every reason fit() can give,
 * kept apart from the logic so wording can change without touching a rule.
 */
import type { EducationKind, TitleId, VerdictKind } from './types.ts';

export type Texts = { nb: string; en: string };

const TITLE_NAMES: Record<TitleId, Texts> = {
  helsesekretaer: { nb: 'helsesekretær', en: 'health secretary (helsesekretær)' },
  'medisinsk-sekretaer': { nb: 'medisinsk sekretær', en: 'medical secretary' },
  legesekretaer: { nb: 'legesekretær', en: "physician's secretary (legesekretær)" },
};

const EDUCATION_NAMES: Record<EducationKind, Texts> = {
  'helsesekretaer-education': { nb: 'helsesekretærutdanning', en: 'health secretary education' },
  'medisinsk-sekretaer-course': { nb: 'utdanning som medisinsk sekretær', en: 'medical secretary training' },
  other: { nb: 'annen utdanning', en: 'other education' },
};

function list(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export function educationNames(kinds: EducationKind[]): Texts {
  return {
    nb: list(kinds.map((k) => EDUCATION_NAMES[k].nb), 'eller'),
    en: list(kinds.map((k) => EDUCATION_NAMES[k].en), 'or'),
  };
}

export function titleNames(titles: TitleId[]): Texts {
  return {
    nb: list(titles.map((t) => TITLE_NAMES[t].nb), 'eller'),
    en: list(titles.map((t) => TITLE_NAMES[t].en), 'or'),
  };
}

export const VERDICT_LABELS: Record<VerdictKind, Texts> = {
  fits: { nb: 'Passer', en: 'Fits' },
  'fits-with-caveats': { nb: 'Passer, med forbehold', en: 'Fits, with caveats' },
  'not-yet': { nb: 'Passer ikke ennå', en: 'Not yet' },
  'cannot-tell': { nb: 'Kan ikke avgjøre', en: 'Cannot tell' },
};

export const EFFECT_LABELS = {
  met: { nb: 'oppfylt', en: 'met' },
  unmet: { nb: 'mangler', en: 'missing' },
  caveat: { nb: 'forbehold', en: 'caveat' },
  info: { nb: 'info', en: 'info' },
} as const satisfies Record<string, Texts>;

/** Every reason text, by reason id. */
export const REASON_TEXTS = {
  listing: (): Texts => ({
    nb: 'Siden viser en liste med mange annonser. Åpne én annonse for å få en vurdering.',
    en: 'This page lists many ads. Open a single ad to get an assessment.',
  }),
  'not-target-job': (mentioned: boolean): Texts =>
    mentioned
      ? {
          nb: 'Annonsen nevner helsesekretær, medisinsk sekretær eller legesekretær, men stillingen ser ikke ut til å være en slik stilling.',
          en: 'The ad mentions health secretary, medical secretary or legesekretær, but the job itself does not seem to be one.',
        }
      : {
          nb: 'Fant ingen stilling som helsesekretær, medisinsk sekretær eller legesekretær i teksten.',
          en: 'No health secretary, medical secretary or legesekretær job was found in the text.',
        },
  'no-requirements-found': (): Texts => ({
    nb: 'Fant ingen krav i annonsen (autorisasjon, utdanning, erfaring, systemer eller språk), så vi kan ikke si om du passer. Les annonsen selv eller spør arbeidsgiveren.',
    en: 'No requirements (authorisation, education, experience, systems or language) could be read from the ad, so we cannot tell whether you fit. Read the ad yourself or ask the employer.',
  }),
  'authorisation-required-met': (): Texts => ({
    nb: 'Annonsen krever autorisasjon som helsesekretær, og det har du.',
    en: 'The ad requires authorisation as a health secretary, and you have it.',
  }),
  'authorisation-required-missing': (): Texts => ({
    nb: 'Annonsen krever autorisasjon som helsesekretær, og det har du ikke ennå. Autorisasjon krever vitnemål fra helsesekretærutdanningen; erfaring alene gir ikke autorisasjon.',
    en: 'The ad requires authorisation as a health secretary, which you do not have yet. Authorisation requires the diploma (vitnemål) from the health secretary programme; experience alone does not give it.',
  }),
  'authorisation-preferred-met': (): Texts => ({
    nb: 'Annonsen foretrekker autorisert helsesekretær, og du er autorisert.',
    en: 'The ad prefers an authorised health secretary, and you are authorised.',
  }),
  'authorisation-alternative-met': (alternatives: TitleId[]): Texts => {
    const names = titleNames(alternatives);
    return {
      nb: `Annonsen godtar også ${names.nb} i stedet for autorisert helsesekretær, og det oppfyller du med utdanningen din som medisinsk sekretær.`,
      en: `The ad also accepts ${names.en} instead of an authorised health secretary, and your medical secretary training meets that.`,
    };
  },
  'authorisation-preferred-missing': (): Texts => ({
    nb: 'Annonsen foretrekker autorisert helsesekretær. Du kan søke uten autorisasjon, men det kan telle mot deg.',
    en: 'The ad prefers an authorised health secretary. You can apply without authorisation, but it may count against you.',
  }),
  'authorisation-not-required': (): Texts => ({
    nb: 'Annonsen sier at autorisasjon ikke er et krav. Det er arbeidsgiveren som avgjør om stillingen krever autorisasjon.',
    en: 'The ad says authorisation is not required. It is the employer who decides whether the job requires authorisation.',
  }),
  'may-apply-title-protected': (): Texts => ({
    nb: 'Annonsen bruker tittelen helsesekretær, men krever ikke autorisasjon. Du kan søke også uten autorisasjon, for loven verner bare tittelen, ikke arbeidsoppgavene. Uten autorisasjon kan du likevel ikke kalle deg helsesekretær.',
    en: 'The ad uses the title helsesekretær but does not require authorisation. You may apply without it: the law protects only the title, not the tasks. Without authorisation you may not call yourself helsesekretær, though.',
  }),
  'english-medical-secretary': (): Texts => ({
    nb: 'På engelsk kan «medical secretary» bety den autoriserte tittelen helsesekretær. Sjekk med arbeidsgiveren om autorisasjon kreves.',
    en: '"Medical secretary" in English may mean the authorised Norwegian title helsesekretær. Check with the employer whether authorisation is required.',
  }),
  'education-met': (accepted: EducationKind[], met: EducationKind[], required: boolean): Texts => {
    const asked = educationNames(accepted);
    const have = educationNames(met);
    const verb = required ? { nb: 'krever', en: 'requires' } : { nb: 'ønsker', en: 'would like' };
    return accepted.length === met.length
      ? { nb: `Annonsen ${verb.nb} ${asked.nb}, og det har du.`, en: `The ad ${verb.en} ${asked.en}, and you have it.` }
      : {
          nb: `Annonsen ${verb.nb} ${asked.nb}. Ett av alternativene holder, og du har ${have.nb}.`,
          en: `The ad ${verb.en} ${asked.en}. One of the alternatives is enough, and you have ${have.en}.`,
        };
  },
  'education-required-missing': (kinds: EducationKind[]): Texts => {
    const names = educationNames(kinds);
    return { nb: `Annonsen krever ${names.nb}, og det har du ikke ennå.`, en: `The ad requires ${names.en}, which you do not have yet.` };
  },
  'education-preferred-missing': (kinds: EducationKind[]): Texts => {
    const names = educationNames(kinds);
    return {
      nb: `Annonsen ønsker ${names.nb}. Du har det ikke, men det er ikke et krav.`,
      en: `The ad would like ${names.en}. You do not have it, but it is not a requirement.`,
    };
  },
  'education-equivalent-maybe': (kinds: EducationKind[]): Texts => {
    const names = educationNames(kinds);
    return {
      nb: `Annonsen ber om ${names.nb} «eller tilsvarende». Det er arbeidsgiveren som avgjør om din utdanning eller erfaring regnes som tilsvarende.`,
      en: `The ad asks for ${names.en} "or equivalent". The employer decides whether your education or experience counts as equivalent.`,
    };
  },
  'education-helsesekretaer-for-medsek': (): Texts => ({
    nb: 'Annonsen ber om utdanning som medisinsk sekretær. Du har helsesekretærutdanning; spør arbeidsgiveren om den godtas i stedet.',
    en: 'The ad asks for medical secretary training. You have the health secretary education; ask the employer whether it is accepted instead.',
  }),
  'education-other-unknown': (required: boolean): Texts => ({
    nb: `Annonsen ${required ? 'krever' : 'ønsker'} en utdanning vi ikke kan vurdere ut fra profilen din. Les kravet og vurder det selv.`,
    en: `The ad ${required ? 'requires' : 'would like'} an education we cannot judge from your profile. Read the requirement and judge it yourself.`,
  }),
  'education-abroad-needs-approval': (monthsOutsideEu: number | null): Texts => ({
    nb: `Utdanning fra utlandet gir ikke norsk autorisasjon av seg selv: du må søke Helsedirektoratet. Med utdanning fra utenfor EU/EØS kreves også norsk på B2-nivå og kurs i nasjonale fag${monthsOutsideEu === null ? '' : `, og behandlingen tar omtrent ${monthsOutsideEu} måneder`}.`,
    en: `Education from abroad does not by itself give Norwegian authorisation: you must apply to the Norwegian Directorate of Health. With education from outside the EU/EEA you also need Norwegian at level B2 and the course in national subjects${monthsOutsideEu === null ? '' : `, and processing takes about ${monthsOutsideEu} months`}.`,
  }),
  'long-experience-rkv': (years: number): Texts => ({
    nb: `Med ${years} års erfaring er det sannsynlig at Vg1- og Vg2-programfag kan godkjennes ved en realkompetansevurdering, men det avgjøres individuelt og skjer aldri automatisk. Vg3 må du ta som elev eller privatist.`,
    en: `With ${years} years of experience, approval of the Vg1 and Vg2 programme subjects through a competence assessment (realkompetansevurdering) is likely, but it is decided case by case and never automatic. Vg3 must be taken as a student or private candidate.`,
  }),
  'experience-met': (need: number, have: number): Texts => ({
    nb: `Annonsen ber om minst ${need} års erfaring, og du har ${have}.`,
    en: `The ad asks for at least ${need} years of experience, and you have ${have}.`,
  }),
  'experience-below-minimum': (need: number, have: number): Texts => ({
    nb: `Annonsen ber om minst ${need} års erfaring, og du har ${have}. Søk gjerne likevel, men regn med at erfaring teller.`,
    en: `The ad asks for at least ${need} years of experience, and you have ${have}. You may still apply, but expect experience to count.`,
  }),
  'system-known': (name: string): Texts => ({
    nb: `Annonsen nevner journalsystemet ${name}, som du kjenner.`,
    en: `The ad mentions the record system ${name}, which you know.`,
  }),
  'system-unknown': (name: string): Texts => ({
    nb: `Annonsen nevner journalsystemet ${name}, som ikke står i profilen din. Systemer læres ofte på jobben; det stopper deg ikke fra å søke.`,
    en: `The ad mentions the record system ${name}, which is not in your profile. Systems are often learnt on the job; it does not stop you applying.`,
  }),
  'norwegian-requirement': (abroad: boolean): Texts =>
    abroad
      ? {
          nb: 'Annonsen stiller krav til norskkunnskaper. For autorisasjon med utdanning fra utenfor EU/EØS kreves norsk på B2-nivå.',
          en: 'The ad asks for Norwegian language skills. For authorisation with education from outside the EU/EEA, Norwegian at level B2 is required.',
        }
      : { nb: 'Annonsen stiller krav til norskkunnskaper.', en: 'The ad asks for Norwegian language skills.' },
} as const;

export type ReasonId = keyof typeof REASON_TEXTS;
