/**
 * Is the job itself one of the three titles, and is the page a list of many ads?
 *
 * Target job: a title mention in the ad's title line (or first heading), unless the title names a
 * leader of them ("Leder for helsesekretærene") or only a place that has them; else a hiring phrase
 * in the body ("ledig stilling som helsesekretær", "Vi søker en blid legesekretær", "Helsesekretær
 * søkes"); else a short list item naming the title under a lead-in about vacancies ("ledige
 * vikariater ... for følgende personalgrupper: - Helsesekretærer/sekretærer", corpus 002).
 * Mentions inside requirement lists do not make a target (corpus 004: "Enhetsleder" whose
 * qualifications include "Autorisert helsesekretær").
 */
import type { Span } from './types.ts';
import { inRequirementSection, MAX_READ_CHARS, normalise, TITLE_MARK, type Doc, type DocBlock } from './read-units.ts';
import { rx } from './read-regex.ts';

const T = '[\uE000\uE001\uE002]';
const LEADER_BEFORE = rx(
  `\\b(leder|leiar|sjef|manager|koordinator|ansvarlig|head|lead|teamleder|teamleiar|fagleder|fagleiar|enhetsleder|avdelingsleder|seksjonsleder|kontorleder|supervisor)\\b(?: \\S+){0,2}? (for|over|av|of|til)\\b(?: \\S+){0,3}? ?${T}`,
);
const PLACE_BEFORE = rx(`\\b(med|with|hos|sammen med|together with)\\b(?: \\S+){0,4}? ?${T}`);
const OTHER_ROLE_FIRST = rx(
  `^(?:\\S+ ){0,2}?(lege|fastlege|sykepleier|sjukepleiar|bioingeniør|helsefagarbeider|leder|leiar|enhetsleder|avdelingsleder|kontorleder|fagansvarlig|konsulent|rådgiver|renholder|tannlege|psykolog|fysioterapeut|lærer|lærar|lektor|teacher|instructor|underviser|instruktør|foreleser|høgskolelektor|universitetslektor)\\b(?! ?/ ?${T})(?! (og|eller|or|and|/) ${T})`,
);

const HIRING = [
  rx(
    `\\b(stilling|stillinger|stillingar|stillingen|stillinga|vikariat|vikariater|vikariatet|engasjement|engasjementsstilling|svangerskapsvikariat|sommervikariat|sommerjobb|jobb|jobben|position|positions|job|role|post|opening|vacancy)\\b(?: [\\p{L}\\d%,.-]+){0,4}? (som|as|for|til)\\b(?: (en|ein|ei|a|an|vår|ny|nye|dyktig|dyktige|erfaren|erfarne|fast|faste))*? ?${T}`,
  ),
  rx(
    `\\b(søker|soker|søkjer|søk|ser etter|ser vi etter|leter etter|trenger|treng|ansetter|tilset|tilsetter|rekrutterer|ønsker å ansette|ønskjer å tilsetje|har behov for|looking for|hiring|seeking|seek|need|needs|want)\\b(?: (etter|oss|nå|no|snarest|derfor|igjen|deg som er))*(?: (en|ein|ei|a|an|og|and|or|eller|to|tre|fire|flere|fleire|\\d+|ny|nye|dyktig|dyktige|erfaren|erfarne|engasjert|engasjerte|blid|blide|fleksibel|positiv|motivert|motiverte|serviceinnstilt|serviceinnstilte|strukturert|faglig|fagleg|sterk|sterke|autorisert|autoriserte|utdannet|utdanna|qualified|experienced|friendly|full-time|part-time|ferievikar|sommervikar|vikar|vikarer|tilkallingsvikar\\p{L}*|vikarierende|\\d+ ?%|fast|faste|[\\p{L}-]+(?:e|ig|ige|ert|erte|lig|lige|leg|lege|ande|ende)),?){0,4} ?${T}`,
  ),
  rx(`${T}(?: \\S+){0,3}? (søkes|sökes|søkjast|wanted|ønskes|needed)\\b`),
  rx(`\\b(ledig|ledige)\\b(?: [\\p{L}\\d%,.-]+){0,5}? ?${T}`),
  rx(`\\b(bli|become|være|vere) (vår|vår nye|våre|our|our new|ny|ein|en|den nye)(?: nye)? ?${T}`),
];
const VACANCY_LEAD = rx('\\b(ledig\\p{L}*|stilling\\p{L}*|vikariat\\p{L}*|søker|søkjer|følgende|følgjande|personalgrupper|yrkesgrupper|following|positions|vacancies)\\b');

export function readIsTargetJob(doc: Doc): boolean {
  const title = titleBlock(doc);
  if (title && title.start < MAX_READ_CHARS) {
    const s = matchString(doc, title);
    const at = s.search(/[\uE000-\uE002]/u);
    if (at >= 0) {
      const upTo = s.slice(0, at + 1);
      if (!LEADER_BEFORE.test(upTo) && !PLACE_BEFORE.test(upTo) && !OTHER_ROLE_FIRST.test(upTo)) return true;
    }
  }
  // Headings that announce the job ("Vi søker helsesekretær") and body sentences.
  for (const block of doc.blocks) {
    if (block.start >= MAX_READ_CHARS) break;
    if (block.kind !== 'heading' || block === title || !mayHoldMark(doc, block)) continue;
    const s = matchString(doc, block);
    if (/[\uE000-\uE002]/u.test(s) && HIRING.some((re) => re.test(s))) return true;
  }
  for (const unit of doc.units) {
    if (unit.titles.length === 0 || inRequirementSection(unit)) continue;
    // Every HIRING pattern needs a verb or noun besides the title ("søk" + title is the shortest).
    if (unit.match.length >= 4 && HIRING.some((re) => re.test(unit.match))) return true;
    if (unit.block.kind === 'list-item' && isTitleListItem(unit.match) && vacancyLeadBefore(doc, unit.block)) return true;
  }
  return false;
}

function titleBlock(doc: Doc): DocBlock | null {
  const first = doc.blocks[0];
  if (!first) return null;
  const explicit = doc.blocks.find((b) => b.kind === 'title');
  if (explicit) return explicit;
  return first.kind === 'heading' ? first : null;
}

/** "Helsesekretærer/sekretærer", "Legesekretær (vikar)": a title and little else. */
function isTitleListItem(s: string): boolean {
  if (s.length > 80 || !/^[\uE000-\uE002]/u.test(s)) return false;
  let spaces = 0;
  for (let i = s.indexOf(' '); i >= 0 && spaces <= 5; i = s.indexOf(' ', i + 1)) spaces++;
  return spaces <= 5; // at most six words
}

function vacancyLeadBefore(doc: Doc, block: DocBlock): boolean {
  for (let i = block.index - 1; i >= 0 && i >= block.index - 12; i--) {
    const b = doc.blocks[i]!;
    if (b.kind === 'list-item') continue;
    if (b.kind === 'title') return false;
    return VACANCY_LEAD.test(normalise(doc.text.slice(b.start, b.end)));
  }
  return false;
}

/** Whether matchString(doc, span) may hold a title placeholder: a mention starts in the span, or
 * the text itself has one of the placeholder characters. Cheap, so most blocks skip matchString. */
function mayHoldMark(doc: Doc, span: Span): boolean {
  const m = doc.mentions[firstMentionFrom(doc, span.start)];
  if (m && m.start < span.end) return true;
  for (let i = span.start; i < span.end; i++) {
    const c = doc.text.charCodeAt(i);
    if (c >= 0xe000 && c <= 0xe002) return true;
  }
  return false;
}

/** The matching string of any span (title mentions masked), as read-units.ts builds for units. */
export function matchString(doc: Doc, span: Span): string {
  let raw = '';
  let at = span.start;
  for (let i = firstMentionFrom(doc, span.start); i < doc.mentions.length; i++) {
    const m = doc.mentions[i]!;
    if (m.start >= span.end) break;
    if (m.end > span.end || m.start < at) continue;
    raw += doc.text.slice(at, m.start) + ' ' + TITLE_MARK[m.title] + ' ';
    at = m.end;
  }
  raw += doc.text.slice(at, span.end);
  return normalise(raw).replace(/ ?([\uE000-\uE002]) ?(?=[/,.;:)\-])/gu, '$1').replace(/([/(\-]) ([\uE000-\uE002])/gu, '$1$2');
}

/** Index of the first mention starting at or after `offset` (mentions are sorted by start). */
function firstMentionFrom(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (doc.mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Listing pages

const DEADLINE = rx('\\b(søknadsfrist|søknadsfristen|frist|deadline|apply by)\\b');
const RESULT_COUNT = rx(
  '\\bviser \\d+ ?- ?\\d+ av \\d+|\\b\\d+ (treff|annonser|results|jobs found)\\b|\\bsøkeresultat\\p{L}*|\\bsearch results\\b|^\\d+ (ledige )?(stillinger|stillingar|jobber)\\b',
);
const DATE_CELL = /^\d{1,2}\.\d{1,2}\.\d{2,4}$/;

/** A page of many ads: an adapter's hint, a result count ("Viser 1–6 av 48", "4 treff"),
 * or many deadlines, dated rows or title headings. */
export function readListing(doc: Doc): boolean {
  if (doc.source.listingHint === true) return true;
  let deadlines = 0;
  let dateCells = 0;
  let titledHeadings = 0;
  for (const block of doc.blocks) {
    if (block.start >= MAX_READ_CHARS) break;
    const raw = doc.text.slice(block.start, Math.min(block.end, block.start + 400));
    if (/\d|resultat|results/i.test(raw) && RESULT_COUNT.test(normalise(raw))) return true;
    if (/frist|deadline|apply by/i.test(raw) && DEADLINE.test(raw.toLowerCase())) deadlines++;
    if (raw.length <= 12 && DATE_CELL.test(raw.trim())) dateCells++;
    if (block.kind === 'heading' || block.kind === 'title') {
      const m = doc.mentions[firstMentionFrom(doc, block.start)];
      if (m && m.end <= block.end) titledHeadings++;
    }
  }
  return deadlines >= 3 || dateCells >= 4 || titledHeadings >= 3;
}
