/**
 * Two language questions: what the ad asks of the applicant's Norwegian ("Gode norskkunnskaper",
 * "Må beherske norsk muntlig og skriftlig", "meistre norsk", "skandinavisk språk", "fluent
 * Norwegian"), and which language the ad itself is written in (nb / nn / en, by counting marker
 * words — function words and spellings that only one of the written standards uses).
 */
import type { AdReading, Evidence } from './types.ts';
import { evidenceOf, type Doc, type Unit } from './read-units.ts';
import { rx } from './read-regex.ts';

const SPOKEN_WRITTEN = '(?:muntlig|skriftlig|munnleg|skriftleg|muntleg|tale|skrift|flytende|flytande|godt|meget godt|svært godt)';
const NORWEGIAN_REQUIREMENT = [
  rx('\\bnorsk-? ?(kunnskap|kunnskaper|kunnskapar|ferdighet|ferdigheter|ferdigheiter|språk|språket|språkkunnskap\\p{L}*|test|testen|prøve|prøven|nivå|kompetanse)\\b'),
  rx('\\b(beherske|beherska|behersker|beherskar|beherskelse|meistre|meistra|meistrar|mestre|mestrer|mestring|snakke|snakka|snakker|kommunisere|kommunisera|uttrykke)\\b(?: \\S+){0,6}? (norsk|skandinavisk)\\b'),
  rx(`\\bnorsk\\b(?: og \\p{L}+)?,? (?:både )?${SPOKEN_WRITTEN}\\b`),
  rx('\\b(kunnskap|kunnskaper|kunnskapar|ferdigheter|ferdigheiter|kjennskap|beherskelse|kompetanse) (i|til|på) norsk\\b'),
  rx('\\bpå norsk\\b'),
  rx('\\b(flytende|flytande|perfekt|fullgod|god|gode|godt|svært god|svært gode|meget god|meget gode) norsk\\b'),
  rx('\\bskandinavisk(e)? språk\\b|\\bscandinavian languages?\\b'),
  rx(`\\b${SPOKEN_WRITTEN}(?: og ${SPOKEN_WRITTEN})? norsk\\b`),
  rx('\\b(fluent|fluency|speak|speaks|written|spoken|proficien\\p{L}*|skills in|command of|knowledge of|good)\\b(?: \\S+){0,3}? norwegian\\b|\\bnorwegian (language|skills|speaking|fluency|proficiency|level|at level)\\b|\\bin norwegian\\b|\\bnorwegian,? (both )?(written|spoken|oral)'),
  rx('\\b(b1|b2|c1)\\b(?: \\S+){0,4}? norsk|norsk(?: \\S+){0,4}? \\b(b1|b2|c1)\\b|\\bbergenstest'),
];
/** Written and spoken presentation skills under a qualifications heading (corpus 014). */
const PRESENTATION = rx(`\\b${SPOKEN_WRITTEN} og ${SPOKEN_WRITTEN} (fram|frem)stillingsevne\\b`);

export function readNorwegian(doc: Doc): Evidence | null {
  let fallback: Unit | null = null;
  for (const unit of doc.units) {
    const s = unit.match;
    if (/norsk|norwegian|skandinavisk|scandinavian/.test(s) && NORWEGIAN_REQUIREMENT.some((re) => re.test(s))) {
      return evidenceOf(doc, unit.evidence);
    }
    if (fallback === null && /stillingsevne/u.test(s) && unit.block.section.kind === 'requirements' && /kvalifikasjon/u.test(unit.block.section.label) && PRESENTATION.test(s)) {
      fallback = unit;
    }
  }
  return fallback ? evidenceOf(doc, fallback.evidence) : null;
}

// ---------------------------------------------------------------------------------------------
// The ad's own language

const NYNORSK = new Set(
  (
    'ikkje eg kva korleis kvifor kven vere vera søkjar søkjarar søkjaren kvalifikasjonar me frå òg ein eit dei desse berre mykje nokon noko ho vart vert ' +
    'hjå saman sjølv sjølvstendig heile meir fleire mogleg moglegheit moglegheiter arbeidsoppgåver oppgåver oppgåvene tilsett tilsette tilsetjing stillinga løn ' +
    'difor eigen eige eigne ynskjer ønskjer ønskjeleg ynskjeleg skule skular teneste tenester tenesta sjukehus sjukepleiar heim høve dagleg fagleg munnleg ' +
    'skriftleg personleg særleg vanleg gjeldande arbeidsstad leiar medarbeidarar innbyggjarar pasientar kvar kvart nyttar gjer gje gjev ' +
    'eigenskapar personlege ligg tek kjem søkje søkja arbeidsgjevar dykk dykkar deira deim utan stillingar'
  )
    .trim()
    .split(/\s+/),
);
const BOKMAL = new Set(
  (
    'ikke jeg hva hvordan hvorfor hvem være søker søkere søkeren kvalifikasjoner fra også en et de disse bare mye noen noe hun ble ' +
    'sammen selv selvstendig hele mer flere mulig muligheter arbeidsoppgaver oppgaver oppgavene ansatt ansatte ansettelse stillingen lønn ' +
    'derfor egen eget egne ønsker ønskelig skole skoler tjeneste tjenester tjenesten sykehus sykepleier hjem daglig faglig muntlig ' +
    'skriftlig personlig særlig vanlig gjeldende arbeidssted leder medarbeidere innbyggere pasienter hver hvert bruker gjør gi gir ' +
    'egenskaper personlige ligger tar kommer søke arbeidsgiver dere deres dem uten hvor stillinger'
  )
    .trim()
    .split(/\s+/),
);
const ENGLISH = new Set(
  'the and of to with you we our your is are will be as at or an this that have has in on from who which would'.split(' '),
);
/** Words both written standards share that an English text would not contain. */
const NORWEGIAN_COMMON = new Set('og i på til med som av er har vi det du å for kan skal vil om'.split(' '));

/** One lookup per word: bit 1 nynorsk, 2 bokmål, 4 English, 8 shared Norwegian. */
const MARKERS = new Map<string, number>();
for (const [set, bit] of [
  [NYNORSK, 1],
  [BOKMAL, 2],
  [ENGLISH, 4],
  [NORWEGIAN_COMMON, 8],
] as const) {
  for (const w of set) MARKERS.set(w, (MARKERS.get(w) ?? 0) | bit);
}

export function detectLanguage(text: string): AdReading['language'] {
  let nn = 0;
  let nb = 0;
  let en = 0;
  let no = 0;
  // The first 50 000 characters say which language an ad is in as well as the whole would.
  const sample = (text.length > 50_000 ? text.slice(0, 50_000) : text).toLowerCase();
  for (const w of sample.split(/[^a-zæøåàáâäéèêëòóôöüß]+/)) {
    if (w.length === 0) continue;
    const bits = MARKERS.get(w);
    if (bits !== undefined) {
      if (bits & 1) nn++;
      else if (bits & 2) nb++;
      if (bits & 4) en++;
      if (bits & 8) no++;
    } else if (w.length > 5) {
      if (w.endsWith('leg')) nn += 0.5;
      else if (w.endsWith('lig')) nb += 0.5;
    }
  }
  if (en > 3 && en > (nb + nn + no) * 0.8) return 'en';
  return nn > nb ? 'nn' : 'nb';
}
