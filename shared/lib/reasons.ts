/**
 * Every reason fit() can give, in one table: what it assesses (its topic, shown in the trace), the
 * facts it rests on (ids in content/facts.yaml) and its words in bokmål and English. fit() only
 * names a reason, its effect, the ad's sentence and the values the text needs; adding a reason is
 * one entry here. `cites` narrows `facts` to those that hold for the given values.
 */
import { educationNames, titleNames, type Texts } from './explain.ts';
import type { EducationKind, Evidence, ForeignRegion, Reason, TitleId } from './types.ts';

export const REASON_TOPICS = {
  ad: { nb: 'Vurdering av annonsen', en: 'Assessment of the ad' },
  authorisation: { nb: 'Vurdering av autorisasjonskravet', en: 'Assessment of the authorisation requirement' },
  'english-title': { nb: 'Vurdering av den engelske tittelen', en: 'Assessment of the English title' },
  education: { nb: 'Vurdering av utdanningskravet', en: 'Assessment of the education requirement' },
  alternatives: { nb: 'Vurdering av et krav med alternativer', en: 'Assessment of a requirement with alternatives' },
  experience: { nb: 'Vurdering av erfaringskravet', en: 'Assessment of the experience requirement' },
  'your-experience': { nb: 'Vurdering av erfaringen din', en: 'Assessment of your experience' },
  'education-abroad': { nb: 'Vurdering av utdanningen din fra utlandet', en: 'Assessment of your education from abroad' },
  systems: { nb: 'Vurdering av journalsystemer', en: 'Assessment of journal systems' },
  norwegian: { nb: 'Vurdering av norskkravet', en: 'Assessment of the Norwegian requirement' },
} as const satisfies Record<string, Texts>;

export type ReasonTopic = keyof typeof REASON_TOPICS;

export interface ReasonDefinition<P extends unknown[] = never[]> {
  topic: ReasonTopic;
  /** Every fact the reason may cite. */
  facts: readonly string[];
  texts(...params: P): Texts;
  /** The facts that hold for these values (a subset of `facts`); all of them when absent. */
  cites?(...params: P): readonly string[];
}

/** "1 year", "2 years", "2.5 years" (English plural; bokmål "år" needs none). */
function yearsEn(n: number | null | undefined): string {
  return n === null || n === undefined ? '? years' : n === 1 ? '1 year' : `${n} years`;
}

const define = <P extends unknown[]>(d: ReasonDefinition<P>): ReasonDefinition<P> => d;

/** Where the reader stands on the way to authorisation, for the words of an unmet authorisation requirement (F-10, F-51). */
export type AuthorisationSituation = 'norwegian' | 'norwegian-vitnemal' | 'foreign-complete' | 'foreign-partial' | 'foreign-medical-secretary';

/** Where an education from abroad was taken: the profile's own type (types.ts). */
export type { ForeignRegion } from './types.ts';

/** One way to meet a requirement with alternatives ("A eller B"). */
export type RequirementOption =
  | 'authorisation'
  | EducationKind
  | 'title-medisinsk-sekretaer'
  | 'title-legesekretaer'
  | 'years';

function optionName(option: RequirementOption, years: number | null): Texts {
  switch (option) {
    case 'authorisation':
      return { nb: 'autorisasjon som helsesekretær', en: 'authorisation as a health secretary' };
    case 'title-medisinsk-sekretaer':
      return { nb: 'medisinsk sekretær', en: 'medical secretary' };
    case 'title-legesekretaer':
      return { nb: 'legesekretær', en: "physician's secretary (legesekretær)" };
    case 'years':
      return { nb: `minst ${years ?? '?'} års erfaring`, en: `at least ${yearsEn(years)} of experience` };
    default:
      return educationNames([option]);
  }
}

function optionList(options: readonly RequirementOption[], years: number | null): Texts {
  const names = options.map((o) => optionName(o, years));
  const join = (items: string[], or: string): string =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
  return { nb: join(names.map((n) => n.nb), 'eller'), en: join(names.map((n) => n.en), 'or') };
}

function optionFacts(options: readonly RequirementOption[]): string[] {
  const facts = new Set<string>();
  for (const o of options) {
    if (o === 'authorisation') facts.add('F-01');
    if (o === 'helsesekretaer-education') facts.add('F-11');
    if (o === 'medisinsk-sekretaer-course' || o === 'title-medisinsk-sekretaer' || o === 'title-legesekretaer') facts.add('F-02');
  }
  return [...facts];
}

function educationFacts(kinds: readonly EducationKind[]): string[] {
  return optionFacts(kinds);
}

const verbs = (required: boolean): Texts => (required ? { nb: 'krever', en: 'requires' } : { nb: 'ønsker', en: 'would like' });

export const REASONS = {
  listing: define({
    topic: 'ad',
    facts: [],
    texts: () => ({
      nb: 'Siden viser en liste med mange annonser. Åpne én annonse for å få en vurdering.',
      en: 'This page lists many ads. Open a single ad to get an assessment.',
    }),
  }),
  'not-target-job': define({
    topic: 'ad',
    facts: [],
    texts: (mentioned: boolean) =>
      mentioned
        ? {
            nb: 'Annonsen nevner helsesekretær, medisinsk sekretær eller legesekretær, men stillingen ser ikke ut til å være en slik stilling.',
            en: 'The ad mentions health secretary, medical secretary or legesekretær, but the job itself does not seem to be one.',
          }
        : {
            nb: 'Fant ingen stilling som helsesekretær, medisinsk sekretær eller legesekretær i teksten.',
            en: 'No health secretary, medical secretary or legesekretær job was found in the text.',
          },
  }),
  'no-requirements-found': define({
    topic: 'ad',
    facts: [],
    texts: () => ({
      nb: 'Fant ingen krav i annonsen (autorisasjon, utdanning, erfaring, systemer eller språk), så vi kan ikke si om du passer. Les annonsen selv eller spør arbeidsgiveren.',
      en: 'No requirements (authorisation, education, experience, systems or language) could be read from the ad, so we cannot tell whether you fit. Read the ad yourself or ask the employer.',
    }),
  }),
  'authorisation-required-met': define({
    topic: 'authorisation',
    facts: ['F-01'],
    texts: () => ({
      nb: 'Annonsen krever autorisasjon som helsesekretær, og det har du.',
      en: 'The ad requires authorisation as a health secretary, and you have it.',
    }),
  }),
  'authorisation-required-missing': define({
    topic: 'authorisation',
    facts: ['F-01', 'F-03', 'F-10', 'F-14', 'F-16', 'F-38', 'F-51'],
    cites: (situation: AuthorisationSituation) =>
      ({
        norwegian: ['F-01', 'F-03', 'F-10'],
        'norwegian-vitnemal': ['F-10', 'F-14', 'F-38'],
        'foreign-complete': ['F-10', 'F-16'],
        'foreign-partial': ['F-10', 'F-51'],
        'foreign-medical-secretary': ['F-10', 'F-51'],
      })[situation],
    texts: (situation: AuthorisationSituation) => {
      const lead = { nb: 'Annonsen krever autorisasjon som helsesekretær, og det har du ikke ennå.', en: 'The ad requires authorisation as a health secretary, which you do not have yet.' };
      const rest: Record<AuthorisationSituation, Texts> = {
        norwegian: {
          nb: 'Med norsk utdanning gir bare vitnemål fra helsesekretærutdanningen autorisasjon; erfaring alene gir det ikke.',
          en: 'With Norwegian education, only the diploma (vitnemål) from the health secretary programme gives authorisation; experience alone does not.',
        },
        'norwegian-vitnemal': {
          nb: 'Du har vitnemål fra helsesekretærutdanningen, så du kan søke autorisasjon: skolen eller fylket melder deg inn hvis du nettopp er ferdig, ellers søker du selv i Altinn.',
          en: 'You have the diploma from the health secretary programme, so you can apply for authorisation: your school or county reports you if you have just finished; otherwise you apply yourself in Altinn.',
        },
        'foreign-complete': {
          nb: 'Med fullført utdanning fra utlandet søker du Helsedirektoratet om å få den godkjent; erfaring alene gir ikke autorisasjon.',
          en: 'With a completed education from abroad, you apply to the Norwegian Directorate of Health to have it approved; experience alone does not give authorisation.',
        },
        'foreign-partial': {
          nb: 'Utdanningen din fra utlandet er ikke fullført, og bare en fullført utdanning kan godkjennes. Veien til autorisasjon er derfor den norske: vitnemål fra helsesekretærutdanningen.',
          en: 'Your education from abroad is not completed, and only a completed education can be approved. Your way to authorisation is therefore the Norwegian one: the diploma from the health secretary programme.',
        },
        'foreign-medical-secretary': {
          nb: 'En fullført utdanning som medisinsk sekretær fra utlandet kan Helsedirektoratet vurdere individuelt, men utfallet er åpent. Den norske veien, vitnemål fra helsesekretærutdanningen, står også åpen.',
          en: 'The Norwegian Directorate of Health can assess a completed medical secretary education from abroad individually, but the outcome is open. The Norwegian way, the diploma from the health secretary programme, is open too.',
        },
      };
      return { nb: `${lead.nb} ${rest[situation].nb}`, en: `${lead.en} ${rest[situation].en}` };
    },
  }),
  'authorisation-preferred-met': define({
    topic: 'authorisation',
    facts: ['F-01'],
    texts: () => ({
      nb: 'Annonsen foretrekker autorisert helsesekretær, og du er autorisert.',
      en: 'The ad prefers an authorised health secretary, and you are authorised.',
    }),
  }),
  'authorisation-alternative-met': define({
    topic: 'authorisation',
    facts: ['F-02', 'F-03'],
    texts: (alternatives: TitleId[]) => {
      const names = titleNames(alternatives);
      return {
        nb: `Annonsen godtar også ${names.nb} i stedet for autorisert helsesekretær, og det oppfyller du med utdanningen din som medisinsk sekretær.`,
        en: `The ad also accepts ${names.en} instead of an authorised health secretary, and your medical secretary training meets that.`,
      };
    },
  }),
  'authorisation-preferred-missing': define({
    topic: 'authorisation',
    facts: ['F-03', 'F-04'],
    texts: () => ({
      nb: 'Annonsen foretrekker autorisert helsesekretær. Du kan søke uten autorisasjon, men det kan telle mot deg.',
      en: 'The ad prefers an authorised health secretary. You can apply without authorisation, but it may count against you.',
    }),
  }),
  'authorisation-not-required': define({
    topic: 'authorisation',
    facts: ['F-03'],
    texts: () => ({
      nb: 'Annonsen sier at autorisasjon ikke er et krav. Det er arbeidsgiveren som avgjør om stillingen krever autorisasjon.',
      en: 'The ad says authorisation is not required. It is the employer who decides whether the job requires authorisation.',
    }),
  }),
  'may-apply-title-protected': define({
    topic: 'authorisation',
    facts: ['F-01', 'F-03', 'F-34'],
    texts: () => ({
      nb: 'Annonsen bruker tittelen helsesekretær, men krever ikke autorisasjon. Du kan søke også uten autorisasjon, for loven verner bare tittelen, ikke arbeidsoppgavene. Uten autorisasjon kan du likevel ikke kalle deg helsesekretær.',
      en: 'The ad uses the title helsesekretær but does not require authorisation. You may apply without it: the law protects only the title, not the tasks. Without authorisation you may not call yourself helsesekretær, though.',
    }),
  }),
  'english-medical-secretary': define({
    topic: 'english-title',
    facts: ['F-06'],
    texts: () => ({
      nb: 'På engelsk kan «medical secretary» bety den autoriserte tittelen helsesekretær. Sjekk med arbeidsgiveren om autorisasjon kreves.',
      en: '"Medical secretary" in English may mean the authorised Norwegian title helsesekretær. Check with the employer whether authorisation is required.',
    }),
  }),
  'education-met': define({
    topic: 'education',
    facts: ['F-02', 'F-11'],
    cites: (_accepted: EducationKind[], met: EducationKind[]) => educationFacts(met),
    texts: (accepted: EducationKind[], met: EducationKind[], required: boolean) => {
      const asked = educationNames(accepted);
      const have = educationNames(met);
      const verb = verbs(required);
      return accepted.length === met.length
        ? { nb: `Annonsen ${verb.nb} ${asked.nb}, og det har du.`, en: `The ad ${verb.en} ${asked.en}, and you have it.` }
        : {
            nb: `Annonsen ${verb.nb} ${asked.nb}. Ett av alternativene holder, og du har ${have.nb}.`,
            en: `The ad ${verb.en} ${asked.en}. One of the alternatives is enough, and you have ${have.en}.`,
          };
    },
  }),
  'education-met-by-authorisation': define({
    topic: 'education',
    facts: ['F-01', 'F-02'],
    texts: (titles: TitleId[], required: boolean) => {
      const names = titleNames(titles.length > 0 ? titles : ['medisinsk-sekretaer']);
      const verb = verbs(required);
      return {
        nb: `Annonsen ${verb.nb} utdanning som ${names.nb}. Du er autorisert helsesekretær, den eneste av de tre titlene med offentlig autorisasjon (medisinsk sekretær og legesekretær er ikke beskyttede titler), så vi regner kravet som oppfylt.`,
        en: `The ad ${verb.en} training as a ${names.en}. You are an authorised health secretary, the only one of the three titles with public authorisation (medical secretary and legesekretær are not protected titles), so we count the requirement as met.`,
      };
    },
  }),
  'education-required-missing': define({
    topic: 'education',
    facts: ['F-02', 'F-11'],
    cites: (kinds: EducationKind[]) => educationFacts(kinds),
    texts: (kinds: EducationKind[]) => {
      const names = educationNames(kinds);
      return { nb: `Annonsen krever ${names.nb}, og det har du ikke ennå.`, en: `The ad requires ${names.en}, which you do not have yet.` };
    },
  }),
  'education-preferred-missing': define({
    topic: 'education',
    facts: ['F-02', 'F-11'],
    cites: (kinds: EducationKind[]) => educationFacts(kinds),
    texts: (kinds: EducationKind[]) => {
      const names = educationNames(kinds);
      return {
        nb: `Annonsen ønsker ${names.nb}. Du har det ikke, men det er ikke et krav.`,
        en: `The ad would like ${names.en}. You do not have it, but it is not a requirement.`,
      };
    },
  }),
  'education-equivalent-maybe': define({
    topic: 'education',
    facts: ['F-03', 'F-02', 'F-11'],
    cites: (kinds: EducationKind[]) => ['F-03', ...educationFacts(kinds)],
    texts: (kinds: EducationKind[]) => {
      const names = educationNames(kinds);
      return {
        nb: `Annonsen ber om ${names.nb} «eller tilsvarende». Det er arbeidsgiveren som avgjør om din utdanning eller erfaring regnes som tilsvarende.`,
        en: `The ad asks for ${names.en} "or equivalent". The employer decides whether your education or experience counts as equivalent.`,
      };
    },
  }),
  'education-helsesekretaer-for-medsek': define({
    topic: 'education',
    facts: ['F-02', 'F-11'],
    texts: () => ({
      nb: 'Annonsen ber om utdanning som medisinsk sekretær. Du har helsesekretærutdanning; spør arbeidsgiveren om den godtas i stedet.',
      en: 'The ad asks for medical secretary training. You have the health secretary education; ask the employer whether it is accepted instead.',
    }),
  }),
  'education-other-unknown': define({
    topic: 'education',
    facts: [],
    texts: (required: boolean) => ({
      nb: `Annonsen ${required ? 'krever' : 'ønsker'} en utdanning vi ikke kan vurdere ut fra profilen din. Les kravet og vurder det selv.`,
      en: `The ad ${required ? 'requires' : 'would like'} an education we cannot judge from your profile. Read the requirement and judge it yourself.`,
    }),
  }),
  'alternatives-met': define({
    topic: 'alternatives',
    facts: ['F-01', 'F-02', 'F-11'],
    cites: (_options: RequirementOption[], met: RequirementOption) => optionFacts([met]),
    texts: (options: RequirementOption[], met: RequirementOption, years: number | null, have: number) => {
      const all = optionList(options, years);
      const mine = optionName(met, years);
      const own = met === 'years' ? { nb: ` (du har ${have} år)`, en: ` (you have ${have})` } : { nb: '', en: '' };
      return {
        nb: `Annonsen ber om ${all.nb}. Ett av dem holder, og du har ${mine.nb}${own.nb}.`,
        en: `The ad asks for ${all.en}. One of them is enough, and you have ${mine.en}${own.en}.`,
      };
    },
  }),
  'alternatives-missing': define({
    topic: 'alternatives',
    facts: ['F-01', 'F-02', 'F-11'],
    cites: (options: RequirementOption[]) => optionFacts(options),
    texts: (options: RequirementOption[], years: number | null, have: number) => {
      const all = optionList(options, years);
      const exp = options.includes('years') ? { nb: ` Du har ${have} års erfaring.`, en: ` You have ${yearsEn(have)} of experience.` } : { nb: '', en: '' };
      return {
        nb: `Annonsen krever ${all.nb}, og du har ingen av dem ennå.${exp.nb}`,
        en: `The ad requires ${all.en}, and you have none of them yet.${exp.en}`,
      };
    },
  }),
  'alternatives-equivalent-maybe': define({
    topic: 'alternatives',
    facts: ['F-03', 'F-01', 'F-02', 'F-11'],
    cites: (options: RequirementOption[]) => ['F-03', ...optionFacts(options)],
    texts: (options: RequirementOption[], years: number | null) => {
      const all = optionList(options, years);
      return {
        nb: `Annonsen ber om ${all.nb} eller noe tilsvarende. Det er arbeidsgiveren som avgjør om din utdanning eller erfaring regnes som tilsvarende.`,
        en: `The ad asks for ${all.en} or something equivalent. The employer decides whether your education or experience counts as equivalent.`,
      };
    },
  }),
  'alternatives-preferred-missing': define({
    topic: 'alternatives',
    facts: ['F-01', 'F-02', 'F-11'],
    cites: (options: RequirementOption[]) => optionFacts(options),
    texts: (options: RequirementOption[], years: number | null) => {
      const all = optionList(options, years);
      return {
        nb: `Annonsen ønsker ${all.nb}. Du har ingen av dem, men det er ikke et krav.`,
        en: `The ad would like ${all.en}. You have none of them, but it is not a requirement.`,
      };
    },
  }),
  'experience-met': define({
    topic: 'experience',
    facts: [],
    texts: (need: number, have: number, required: boolean) => {
      const verb = required ? { nb: 'krever', en: 'requires' } : { nb: 'ønsker', en: 'would like' };
      return {
        nb: `Annonsen ${verb.nb} minst ${need} års erfaring, og du har ${have}.`,
        en: `The ad ${verb.en} at least ${yearsEn(need)} of experience, and you have ${have}.`,
      };
    },
  }),
  'experience-below-minimum': define({
    topic: 'experience',
    facts: [],
    texts: (need: number, have: number) => ({
      nb: `Annonsen krever minst ${need} års erfaring, og du har ${have}. Det er et krav, så du oppfyller det ikke ennå.`,
      en: `The ad requires at least ${yearsEn(need)} of experience, and you have ${have}. It is a requirement, so you do not meet it yet.`,
    }),
  }),
  'experience-preferred-below': define({
    topic: 'experience',
    facts: [],
    texts: (need: number, have: number) => ({
      nb: `Annonsen ønsker minst ${need} års erfaring, og du har ${have}. Det er ikke et krav, men regn med at erfaring teller.`,
      en: `The ad would like at least ${yearsEn(need)} of experience, and you have ${have}. It is not a requirement, but expect experience to count.`,
    }),
  }),
  'long-experience-rkv': define({
    topic: 'your-experience',
    facts: ['F-20', 'F-21', 'F-22'],
    texts: (years: number) => ({
      nb: `Med ${years} års erfaring er det sannsynlig at Vg1- og Vg2-programfag kan godkjennes ved en realkompetansevurdering, men det avgjøres individuelt og skjer aldri automatisk. Vg3 må du ta som elev eller privatist.`,
      en: `With ${yearsEn(years)} of experience, approval of the Vg1 and Vg2 programme subjects through a competence assessment (realkompetansevurdering) is likely, but it is decided case by case and never automatic. Vg3 must be taken as a student or private candidate.`,
    }),
  }),
  'education-abroad-needs-approval': define({
    topic: 'education-abroad',
    facts: ['F-16', 'F-48', 'F-49', 'F-50'],
    cites: (region: ForeignRegion) => (region === 'eu-eea' ? ['F-16', 'F-48', 'F-50'] : region === 'nordic' ? ['F-16', 'F-49', 'F-50'] : ['F-16']),
    texts: (region: ForeignRegion, months: number | null) => {
      const time = (m: number | null): Texts =>
        m === null ? { nb: '', en: '' } : { nb: ` Behandlingen tar omtrent ${m} måneder.`, en: ` Processing takes about ${m} months.` };
      const base = {
        nb: 'Utdanning fra utlandet gir ikke norsk autorisasjon av seg selv: du må søke Helsedirektoratet om godkjenning.',
        en: 'Education from abroad does not by itself give Norwegian authorisation: you must apply to the Norwegian Directorate of Health for approval.',
      };
      const byRegion: Record<ForeignRegion, Texts> = {
        other: {
          nb: ' Med utdanning fra land utenfor EU/EØS og Sveits må du i tillegg bestå norsk på B2-nivå og kurs i nasjonale fag før du får autorisasjon.',
          en: ' With education from outside the EU/EEA and Switzerland you must also pass Norwegian at level B2 and the course in national subjects before you are authorised.',
        },
        uk: {
          nb: ' Storbritannia er utenfor EU/EØS, så tilleggskravene (norsk på B2-nivå og kurs i nasjonale fag) gjelder trolig også deg; spør Helsedirektoratet.',
          en: ' The United Kingdom is outside the EU/EEA, so the extra requirements (Norwegian at level B2 and the course in national subjects) probably apply to you too; ask the Directorate.',
        },
        switzerland: {
          nb: ' Med utdanning fra Sveits gjelder ikke tilleggskravene for utdanning utenfor EU/EØS.',
          en: ' With education from Switzerland, the extra requirements for education from outside the EU/EEA do not apply.',
        },
        'eu-eea': {
          nb: ' Utdanning fra EU/EØS vurderes etter EØS-reglene, uten noe formelt norskkrav for autorisasjonen; arbeidsgiveren kan likevel kreve norsk.',
          en: ' Education from the EU/EEA is assessed under the EEA rules, with no formal Norwegian-language requirement for authorisation; employers may still require Norwegian.',
        },
        nordic: {
          nb: ' Utdanning fra Norden vurderes etter EØS-reglene, uten noe formelt norskkrav for autorisasjonen; arbeidsgiveren kan likevel kreve norsk.',
          en: ' Education from the Nordic countries is assessed under the EEA rules, with no formal Norwegian-language requirement for authorisation; employers may still require Norwegian.',
        },
      };
      const t = time(months);
      return { nb: `${base.nb}${byRegion[region].nb}${t.nb}`, en: `${base.en}${byRegion[region].en}${t.en}` };
    },
  }),
  'system-known': define({
    topic: 'systems',
    facts: [],
    texts: (name: string) => ({
      nb: `Annonsen nevner journalsystemet ${name}, som du kjenner.`,
      en: `The ad mentions the record system ${name}, which you know.`,
    }),
  }),
  'system-unknown': define({
    topic: 'systems',
    facts: [],
    texts: (name: string) => ({
      nb: `Annonsen nevner journalsystemet ${name}, som ikke står i profilen din. Systemer læres ofte på jobben; det stopper deg ikke fra å søke.`,
      en: `The ad mentions the record system ${name}, which is not in your profile. Systems are often learnt on the job; it does not stop you applying.`,
    }),
  }),
  'norwegian-requirement': define({
    topic: 'norwegian',
    facts: ['F-03'],
    texts: () => ({
      nb: 'Annonsen stiller krav til norskkunnskaper. Det er arbeidsgiveren som bestemmer hvor god norsk stillingen krever.',
      en: 'The ad asks for Norwegian language skills. The employer decides how good the Norwegian the job needs must be.',
    }),
  }),
} as const;

export type ReasonId = keyof typeof REASONS;
export type ReasonParams<I extends ReasonId> = Parameters<(typeof REASONS)[I]['texts']>;

export function getReason(id: string): ReasonDefinition<unknown[]> | undefined {
  return Object.hasOwn(REASONS, id) ? (REASONS[id as ReasonId] as unknown as ReasonDefinition<unknown[]>) : undefined;
}

/** A Reason as fit() reports it: the registry's words and facts for these values. */
export function makeReason<I extends ReasonId>(id: I, effect: Reason['effect'], evidence: Evidence | null, ...params: ReasonParams<I>): Reason {
  const definition = REASONS[id] as unknown as ReasonDefinition<ReasonParams<I>>;
  const texts = definition.texts(...params);
  const facts = definition.cites ? [...definition.cites(...params)] : [...definition.facts];
  return { id, effect, text: texts.nb, textEn: texts.en, evidence, facts };
}
