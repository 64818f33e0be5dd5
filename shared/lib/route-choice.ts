/**
 * Which route fits the reader's situation. The situations are those of the fact sheet's "Situations
 * the routes must cover", each a declarative entry (conditions in named predicates, the route, the
 * facts it rests on), tried in order; the first that holds decides. The ad only says which gap there
 * is (authorisation, or a medisinsk sekretær education), so for one profile the authorisation route
 * is the same on every ad, in the popup, the CLI and the veiviser alike.
 */
import { evaluatePredicate, yearOf, type PredicateContext } from './predicates.ts';
import type { IsoDate, Profile, RouteConditions, Rules, TraceEntry } from './types.ts';
import type { Texts } from './explain.ts';

export type RouteNeed = 'authorisation' | 'medsek-course';

export interface Situation {
  id: string;
  /** The gap it answers; 'authorised' situations are looked at for an authorised reader whatever the ad asks. */
  need: RouteNeed | 'authorised';
  /** The reader's situation in a few words (shown with the route). */
  label: Texts;
  /** What it means for the route, one or two sentences. */
  advice: Texts;
  when: RouteConditions;
  /** The route that closes the gap, or null where there is nothing to do. */
  route: string | null;
  facts: string[];
}

/** An extra line of advice for a situation, where its conditions hold and the chosen route is one of `routes`. */
export interface AdviceNote {
  id: string;
  routes: string[];
  when: RouteConditions;
  text: Texts;
  facts: string[];
}

const NORWEGIAN_ROUTES = ['vg3-direct', 'adult-rkv-vg3', 'vgs-full'];

export const SITUATIONS: readonly Situation[] = [
  {
    id: 'authorised-turning-80',
    need: 'authorised',
    label: { nb: 'Autorisert, og fyller 80 i år eller er eldre', en: 'Authorised, turning 80 this year or older' },
    advice: {
      nb: 'Autorisasjonen gjelder til du fyller 80. Deretter kan du søke lisens for ett år om gangen, tidligst tre måneder før autorisasjonen går ut.',
      en: 'The authorisation lasts until you turn 80. After that you can apply for a licence one year at a time, at the earliest three months before it ends.',
    },
    when: { all: ['authorised', 'reaches-authorisation-age-limit'] },
    route: 'licence-after-80',
    facts: ['F-52', 'F-15', 'F-16'],
  },
  {
    id: 'authorised',
    need: 'authorised',
    label: { nb: 'Autorisert helsesekretær', en: 'Authorised helsesekretær' },
    advice: {
      nb: 'Du trenger ikke gjøre noe: autorisasjonen står i Helsepersonellregisteret (HPR) og gjelder til du fyller 80.',
      en: 'Nothing to do: the authorisation is in the Health Personnel Register (HPR) and lasts until you turn 80.',
    },
    when: { all: ['authorised'] },
    route: null,
    facts: ['F-35', 'F-52'],
  },
  {
    id: 'norwegian-vitnemal',
    need: 'authorisation',
    label: { nb: 'Har norsk vitnemål fra Vg3 helsesekretær', en: 'Has a Norwegian Vg3 helsesekretær diploma' },
    advice: {
      nb: 'Søk autorisasjon: via skolens innmeldingsliste eller selv i Altinn. Er vitnemålet mer enn ti år gammelt, må du også dokumentere nylig relevant arbeid.',
      en: 'Apply for authorisation: through the school’s list or yourself in Altinn. A diploma more than ten years old also needs proof of recent relevant work.',
    },
    when: { all: ['has-vg3'] },
    route: 'apply-authorisation',
    facts: ['F-10', 'F-14', 'F-15', 'F-16', 'F-37', 'F-38', 'F-39'],
  },
  {
    id: 'foreign-completed-eea',
    need: 'authorisation',
    label: { nb: 'Fullført tilsvarende utdanning i et EU/EØS-land (Norden medregnet)', en: 'Completed an equivalent education in an EU/EEA country (Nordic included)' },
    advice: {
      nb: 'Søk Helsedirektoratet om godkjenning etter EU/EØS-reglene (også fra Norden). Saksbehandlingstiden er 3 måneder til vedtak, ikke et løfte om godkjenning; det er ikke noe formelt norskkrav.',
      en: 'Apply to the Norwegian Directorate of Health under the EU/EEA rules (Nordic countries too). Processing takes 3 months to a decision, not a promise of approval; there is no formal Norwegian-language requirement.',
    },
    when: { all: ['foreign-full-equivalent', 'foreign-in-eea-or-nordic'] },
    route: 'foreign-education',
    facts: ['F-48', 'F-49', 'F-50', 'F-15', 'F-16'],
  },
  {
    id: 'foreign-completed-switzerland',
    need: 'authorisation',
    label: { nb: 'Fullført tilsvarende utdanning i Sveits', en: 'Completed an equivalent education in Switzerland' },
    advice: {
      nb: 'Søk Helsedirektoratet om godkjenning. Utdanning fra Sveits er unntatt fra tilleggskravene (norsk B2 og kurs i nasjonale fag), som utdanning fra EU/EØS.',
      en: 'Apply to the Norwegian Directorate of Health. Education from Switzerland is exempt from the extra requirements (Norwegian B2, national subjects course), like EU/EEA education.',
    },
    when: { all: ['foreign-full-equivalent', 'foreign-in-switzerland'] },
    route: 'foreign-education',
    facts: ['F-15', 'F-16'],
  },
  {
    id: 'foreign-completed-uk',
    need: 'authorisation',
    label: { nb: 'Fullført tilsvarende utdanning i Storbritannia', en: 'Completed an equivalent education in the United Kingdom' },
    advice: {
      nb: 'Søk Helsedirektoratet om godkjenning. Storbritannia er utenfor EU/EØS, så gebyret er 3 500 kr og tilleggskravene gjelder etter alt å dømme, men saksbehandlingstiden er oppgitt til 3 måneder.',
      en: 'Apply to the Norwegian Directorate of Health. The UK is outside the EU/EEA, so the fee is NOK 3,500 and the extra requirements most likely apply, but processing is given as 3 months.',
    },
    when: { all: ['foreign-full-equivalent', 'foreign-in-uk'] },
    route: 'foreign-education',
    facts: ['F-15', 'F-16'],
  },
  {
    id: 'foreign-completed-other',
    need: 'authorisation',
    label: { nb: 'Fullført tilsvarende utdanning utenfor EU/EØS og Sveits', en: 'Completed an equivalent education outside the EU/EEA and Switzerland' },
    advice: {
      nb: 'Søk Helsedirektoratet om godkjenning (om lag 11 måneder). Deretter må du bestå norsk på B2-nivå og kurs i nasjonale fag innen tre år.',
      en: 'Apply to the Norwegian Directorate of Health (about 11 months). Then you must pass Norwegian at B2 and the national subjects course within three years.',
    },
    when: { all: ['foreign-full-equivalent', 'foreign-outside-eea'] },
    route: 'foreign-education',
    facts: ['F-15', 'F-16'],
  },
  {
    id: 'foreign-medical-secretary-eea',
    need: 'authorisation',
    label: { nb: 'Fullført utdanning som medisinsk sekretær i et EU/EØS-land', en: 'Completed a medical secretary education in an EU/EEA country' },
    advice: {
      nb: 'Helsedirektoratet kan vurdere utdanningen individuelt, men utfallet er åpent (for eksempel er medisinsk sekreterare ikke et legitimasjonsyrke i Sverige). Se også den norske veien.',
      en: 'The Directorate of Health can assess it individually, but the outcome is open (a Swedish medicinsk sekreterare is not a licensed profession, for example). See the Norwegian route too.',
    },
    when: { all: ['foreign-medical-secretary', 'foreign-in-eea-or-nordic'] },
    route: 'foreign-education',
    facts: ['F-48', 'F-49', 'F-51'],
  },
  {
    id: 'foreign-medical-secretary-other',
    need: 'authorisation',
    label: { nb: 'Fullført utdanning som medisinsk sekretær utenfor EU/EØS', en: 'Completed a medical secretary education outside the EU/EEA' },
    advice: {
      nb: 'Helsedirektoratet vurderer om utdanningen er jevngod med den norske; utfallet er åpent. Se også den norske veien.',
      en: 'The Directorate of Health assesses whether the education is equivalent to the Norwegian one; the outcome is open. See the Norwegian route too.',
    },
    when: { all: ['foreign-medical-secretary'] },
    route: 'foreign-education',
    facts: ['F-10', 'F-16', 'F-51'],
  },
  {
    id: 'has-vg1-vg2',
    need: 'authorisation',
    label: { nb: 'Har Vg1 helse- og oppvekstfag og Vg2 helseservicefag', en: 'Has Vg1 health and Vg2 health service' },
    advice: {
      nb: 'Gå rett på Vg3: som elev (søk på vigo.no) eller som privatist med eksamen HSE3008 (meld deg opp på privatistweb.no). Du trenger ingen realkompetansevurdering for Vg1 og Vg2. Sjekk at fellesfagene er bestått.',
      en: 'Go straight to Vg3: as a pupil (apply on vigo.no) or as a private candidate with exam HSE3008 (register on privatistweb.no). No prior-learning assessment for Vg1 and Vg2. Check that your common core subjects are passed.',
    },
    when: { all: ['has-vg1', 'has-vg2'] },
    route: 'vg3-direct',
    facts: ['F-40', 'F-41', 'F-42', 'F-43', 'F-20', 'F-36'],
  },
  {
    id: 'adult-right',
    need: 'authorisation',
    label: { nb: 'Voksenrett: fyller 25 i år eller er eldre, uten fullført videregående', en: 'Adult right: turning 25 this year or older, upper secondary not completed' },
    advice: {
      nb: 'Fylkeskommunen kan vurdere realkompetansen din i Vg1 og Vg2 (gratis med voksenrett). Vg3 må du ta som elev eller privatist.',
      en: 'The county can assess your prior learning for Vg1 and Vg2 (free with the adult right). Vg3 must be taken as a pupil or private candidate.',
    },
    when: { all: ['has-adult-right'] },
    route: 'adult-rkv-vg3',
    facts: ['F-20', 'F-21', 'F-23', 'F-24'],
  },
  {
    id: 'completed-other-upper-secondary',
    need: 'authorisation',
    label: { nb: 'Har fullført videregående på annen måte (fagbrev, studiekompetanse)', en: 'Completed upper secondary another way (trade certificate, university admission)' },
    advice: {
      nb: 'Du hadde ikke voksenrett etter den gamle loven; om den nye loven fra 2024 gir deg rett, avgjør fylkeskommunen. Du trenger programfagene du mangler på Vg1/Vg2 (som elev, ved realkompetansevurdering eller som privatist) og Vg3.',
      en: 'You had no adult right under the old Act; whether the 2024 Act gives you one is for the county to decide. You need the Vg1/Vg2 programme subjects you lack (as a pupil, by assessment or as a private candidate) and Vg3.',
    },
    when: { all: ['other-upper-secondary'] },
    route: 'vgs-full',
    facts: ['F-24', 'F-25', 'F-20', 'F-40'],
  },
  {
    id: 'before-adult-age',
    need: 'authorisation',
    label: { nb: 'Ennå ikke i det året du fyller 25', en: 'Not yet in the year you turn 25' },
    advice: {
      nb: 'Før det året du fyller 25 er det som regel ikke grunnlag for realkompetansevurdering: ta fagene som elev (søk på vigo.no) eller som privatist.',
      en: 'Before the year you turn 25 there is normally no basis for a prior-learning assessment: take the subjects as a pupil (apply on vigo.no) or as a private candidate.',
    },
    when: {},
    route: 'vgs-full',
    facts: ['F-11', 'F-20', 'F-24', 'F-40'],
  },
  {
    id: 'needs-medsek-education',
    need: 'medsek-course',
    label: { nb: 'Annonsen ber om utdanning som medisinsk sekretær', en: 'The ad asks for a medical secretary education' },
    advice: {
      nb: 'Et kurs som medisinsk sekretær er ikke en beskyttet utdanning og gir ingen autorisasjon; spør arbeidsgiveren hva de godtar.',
      en: 'A medical secretary course is not a protected education and gives no authorisation; ask the employer what they accept.',
    },
    when: { none: ['has-medsek-course'] },
    route: 'medsek-course',
    facts: ['F-02', 'F-03'],
  },
];

export const ADVICE_NOTES: readonly AdviceNote[] = [
  {
    id: 'norwegian-vitnemal-decides',
    routes: ['apply-authorisation'],
    when: { all: ['education-abroad'] },
    text: {
      nb: 'Du har også utdanning fra utlandet, men det er det norske vitnemålet som gir deg autorisasjon: søk med det, som alle med norsk utdanning.',
      en: 'You also have education from abroad, but the Norwegian diploma is what gives you authorisation: apply with it, like anyone educated in Norway.',
    },
    facts: ['F-10', 'F-38'],
  },
  {
    id: 'foreign-not-completed',
    routes: NORWEGIAN_ROUTES,
    when: { all: ['foreign-partial'] },
    text: {
      nb: 'Utdanningen din fra utlandet er ikke fullført, så det er ikke noe Helsedirektoratet kan godkjenne. Den norske veien er veien for deg.',
      en: 'Your education abroad was not completed, so there is nothing the Directorate of Health can recognise. The Norwegian route is yours.',
    },
    facts: ['F-51'],
  },
  {
    id: 'fellesfag-exemption',
    routes: NORWEGIAN_ROUTES,
    when: { all: ['five-years-any-work'] },
    text: {
      nb: 'Med minst fem års arbeidserfaring (alle slags arbeid) kan du som privatist eller i opplæring organisert for voksne få fritak fra fellesfagene. Bekreft med fylkeskommunen før du regner med det.',
      en: 'With at least five years of work (any kind) you can be exempt from the common core subjects as a private candidate or in education organised for adults. Confirm with the county first.',
    },
    facts: ['F-22'],
  },
  {
    id: 'fellesfag-needed',
    routes: NORWEGIAN_ROUTES,
    when: { none: ['five-years-any-work'] },
    text: {
      nb: 'Alle fellesfag må være bestått før du får vitnemål; fritak med fem års arbeidserfaring får du først når du har det.',
      en: 'All common core subjects must be passed before you get a diploma; the exemption for five years of work applies only once you have them.',
    },
    facts: ['F-22', 'F-40'],
  },
  {
    id: 'medsek-abroad-norwegian-route',
    routes: ['foreign-education'],
    when: { all: ['foreign-medical-secretary'] },
    text: {
      nb: 'Blir utdanningen ikke godkjent, går den norske veien alltid: Vg1 og Vg2 (eller realkompetansevurdering fra det året du fyller 25) og Vg3.',
      en: 'If the education is not recognised, the Norwegian route is always open: Vg1 and Vg2 (or assessment from the year you turn 25) and Vg3.',
    },
    facts: ['F-20', 'F-40', 'F-51'],
  },
];

export interface RouteChoice {
  route: string | null;
  situation: string | null;
  notes: string[];
  trace: TraceEntry[];
}

/** Short-circuiting: a situation's trace shows only the predicates that decided it. */
function holds(when: RouteConditions, value: (name: string) => boolean): boolean {
  for (const name of when.all ?? []) if (!value(name)) return false;
  const any = when.any ?? [];
  if (any.length > 0 && !any.some(value)) return false;
  for (const name of when.none ?? []) if (value(name)) return false;
  return true;
}

/**
 * The route for the reader's situation. `need` is the gap the ad leaves (null: none); an authorised
 * reader is looked at whatever the ad asks, since the authorisation ends at 80 (F-52).
 */
export function chooseRoute(profile: Profile, asOf: IsoDate, rules: Rules, need: RouteNeed | null): RouteChoice {
  yearOf(asOf);
  const ctx: PredicateContext = { profile, asOf, rules };
  const trace: TraceEntry[] = [];
  const values = new Map<string, boolean>();
  const value = (name: string): boolean => {
    let v = values.get(name);
    if (v === undefined) {
      v = evaluatePredicate(name, ctx, trace);
      values.set(name, v);
    }
    return v;
  };
  const authorised = need !== 'medsek-course' && value('authorised');
  const wanted = authorised ? 'authorised' : need;
  if (!wanted) return { route: null, situation: null, notes: [], trace };
  const situation = SITUATIONS.find((s) => s.need === wanted && holds(s.when, value)) ?? null;
  const notes = situation?.route
    ? ADVICE_NOTES.filter((n) => n.routes.includes(situation.route ?? '') && holds(n.when, value)).map((n) => n.id)
    : [];
  const route = situation?.route ?? null;
  if (situation) trace.push({ kind: 'situation', rule: `situation:${situation.id}`, inputs: { need: wanted }, result: true, facts: situation.facts });
  for (const id of notes) trace.push({ kind: 'advice', rule: `advice:${id}`, inputs: {}, result: true, facts: ADVICE_NOTES.find((n) => n.id === id)?.facts ?? [] });
  trace.push({ kind: 'choose-route', rule: 'choose-route', inputs: { need: wanted, situation: situation?.id ?? null }, result: route, facts: situation?.facts ?? [] });
  return { route, situation: situation?.id ?? null, notes, trace };
}

export function getSituation(id: string): Situation | undefined {
  return SITUATIONS.find((s) => s.id === id);
}

export function getAdviceNote(id: string): AdviceNote | undefined {
  return ADVICE_NOTES.find((n) => n.id === id);
}

/** Route ids the situations can choose (content must have a file for each). */
export const CHOSEN_ROUTE_IDS: readonly string[] = [...new Set(SITUATIONS.flatMap((s) => (s.route ? [s.route] : [])))];
