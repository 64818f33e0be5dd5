/**
 * Two language questions: what the ad asks of the applicant's Norwegian ("Gode norskkunnskaper",
 * "Må beherske norsk muntlig og skriftlig", "meistre norsk", "skandinavisk språk", "fluent
 * Norwegian"), and which language the ad itself is written in (nb / nn / en, by counting marker
 * words — function words and spellings that only one of the written standards uses).
 */
import type { AdReading, Evidence } from './types.ts';
import { evidenceOf, modalAt, type Doc, type Unit } from './read-units.ts';
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

/**
 * The first sentence that asks for Norwegian. One whose own words make it a wish ("Gode
 * norskkunnskaper er en fordel", "an advantage") or say it is not needed is no requirement: it is
 * skipped. A heading alone does not (ads list their real requirements under "Vi ønsker oss søkere
 * med" and "Ønskede kvalifikasjoner" too: corpus 006, 016).
 */
export function readNorwegian(doc: Doc): Evidence | null {
  let fallback: Unit | null = null;
  for (const unit of doc.units) {
    const s = unit.match;
    const at = s.search(/norsk|norwegian|skandinavisk|scandinavian/);
    if (at >= 0 && NORWEGIAN_REQUIREMENT.some((re) => re.test(s))) {
      const modal = modalAt(unit, at);
      if (modal !== 'preferred' && modal !== 'negated') return evidenceOf(doc, unit.evidence);
      continue;
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

/** Letters of marker words (lower case), as split by /[^a-zæøåàáâäéèêëòóôöüß]+/: 1 for a word character. */
const WORD_CHAR = new Uint8Array(256);
for (let c = 0x61; c <= 0x7a; c++) WORD_CHAR[c] = 1;
for (const ch of 'æøåàáâäéèêëòóôöüß') WORD_CHAR[ch.charCodeAt(0)] = 1;
/** Longer words are no markers: only their endings are looked at. */
const MAX_MARKER_LENGTH = Math.max(...[...MARKERS.keys()].map((w) => w.length));

/**
 * MARKERS as an open-addressing table keyed by a hash of the word's characters, so that a word is
 * looked up straight from the text, without slicing it out (an ad has thousands of words).
 */
const MARKER_WORDS = [...MARKERS.keys()];
const MARKER_BITS = MARKER_WORDS.map((w) => MARKERS.get(w)!);
const MARKER_TABLE_BITS = 11;
const MARKER_MASK = (1 << MARKER_TABLE_BITS) - 1;
/** Slot → 1 + index into MARKER_WORDS; 0 for an empty slot. */
const MARKER_TABLE = new Int16Array(1 << MARKER_TABLE_BITS);
for (let k = 0; k < MARKER_WORDS.length; k++) {
  const w = MARKER_WORDS[k]!;
  let h = 0;
  for (let j = 0; j < w.length; j++) h = (Math.imul(h, 31) + w.charCodeAt(j)) | 0;
  let slot = h & MARKER_MASK;
  while (MARKER_TABLE[slot] !== 0) slot = (slot + 1) & MARKER_MASK;
  MARKER_TABLE[slot] = k + 1;
}

/** MARKERS.get(s.slice(start, end)), for a word whose characters hash to h. */
function markerBits(s: string, start: number, end: number, h: number): number | undefined {
  let slot = h & MARKER_MASK;
  for (;;) {
    const entry = MARKER_TABLE[slot]!;
    if (entry === 0) return undefined;
    const w = MARKER_WORDS[entry - 1]!;
    if (w.length === end - start) {
      let j = 0;
      while (j < w.length && w.charCodeAt(j) === s.charCodeAt(start + j)) j++;
      if (j === w.length) return MARKER_BITS[entry - 1];
    }
    slot = (slot + 1) & MARKER_MASK;
  }
}

export function detectLanguage(text: string): AdReading['language'] {
  let nn = 0;
  let nb = 0;
  let en = 0;
  let no = 0;
  // The first 50 000 characters say which language an ad is in as well as the whole would.
  const sample = (text.length > 50_000 ? text.slice(0, 50_000) : text).toLowerCase();
  // Words are the runs of WORD_CHAR characters; one pass, a word is sliced only when it may be a marker.
  const n = sample.length;
  let i = 0;
  while (i < n) {
    let c = sample.charCodeAt(i);
    if (c > 0xff || WORD_CHAR[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = c;
    for (;;) {
      i++;
      if (i >= n) break;
      c = sample.charCodeAt(i);
      if (c > 0xff || WORD_CHAR[c] === 0) break;
      h = (Math.imul(h, 31) + c) | 0;
    }
    const length = i - start;
    const bits = length <= MAX_MARKER_LENGTH ? markerBits(sample, start, i, h) : undefined;
    if (bits !== undefined) {
      if (bits & 1) nn++;
      else if (bits & 2) nb++;
      if (bits & 4) en++;
      if (bits & 8) no++;
    } else if (length > 5 && sample.charCodeAt(i - 3) === 0x6c /* l */) {
      const a = sample.charCodeAt(i - 2);
      const b = sample.charCodeAt(i - 1);
      if (a === 0x65 && b === 0x67) nn += 0.5; // -leg
      else if (a === 0x69 && b === 0x67) nb += 0.5; // -lig
    }
  }
  if (en > 3 && en > (nb + nn + no) * 0.8) return 'en';
  return nn > nb ? 'nn' : 'nb';
}
