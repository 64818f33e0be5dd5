/**
 * The ad reader: AdSource → AdReading. Finds the titles (lexicon.ts), then reads what the ad asks
 * for — authorisation as helsesekretær, education, years of experience, journal systems,
 * Norwegian — each with the sentence or list item it came from as evidence.
 *
 * A schema.org JobPosting on the page is read first when there is exactly one: its title,
 * description and requirement fields are the employer's own structured ad, free of page chrome —
 * unless the page's visible text states more requirements (readPostingOrPage). The AdSource read
 * is returned as `source`; all offsets point into that.
 *
 * Each step is a linear pass, and a hostile page cannot make readAd throw: on any internal error
 * the reading says "nothing found" rather than breaking the caller.
 */
import type { AdReading, AdSource, Evidence } from './types.ts';
import type { WorkCounter } from './work.ts';
import { findTitles } from './lexicon.ts';
import { decodeEntities, looksLikeHtml, sourceFromBlocks, sourceFromInput, type BlockInput } from './source/index.ts';
import { isJobPostingType } from './source/json-ld.ts';
import { buildDoc, evidenceOf, type Doc } from './read-units.ts';
import { readAuthorisation } from './read-authorisation.ts';
import { readEducation } from './read-education.ts';
import { readExperience } from './read-experience.ts';
import { readSystems } from './read-systems.ts';
import { detectLanguage, readNorwegian } from './read-language.ts';
import { readIsTargetJob, readListing } from './read-target.ts';

export type AdReadingWithSource = AdReading & { source: AdSource };

export function readAd(source: AdSource, work?: WorkCounter): AdReadingWithSource {
  try {
    return readAdUnguarded(source, work);
  } catch {
    // A reader bug must not break the page or the CLI: report "nothing found" instead.
    const page = safeSource(source);
    return { ...emptyReading(page.text), source: page };
  }
}

/**
 * readAd without the safety net: errors propagate. For tests and tools that want to see them;
 * the extension and the CLI call readAd.
 */
export function readAdUnguarded(source: AdSource, work?: WorkCounter): AdReadingWithSource {
  const page = safeSource(source);
  const { read, reading } = readPostingOrPage(page, work);
  // The page, not the posting, knows whether it lists many ads; several postings mean a list.
  if (page.listingHint === true || countPostings(page.jobPostings) >= 2) {
    reading.listing = true;
    reading.isTargetJob = false;
  }
  return { ...reading, source: read };
}

/** readAd(sourceFromInput(input)): HTML by content, else plain text. */
export function readText(input: string, work?: WorkCounter): AdReadingWithSource {
  let source: AdSource;
  try {
    source = sourceFromInput(typeof input === 'string' ? input : String(input), work);
  } catch {
    source = { text: '', blocks: [], jobPostings: [] };
  }
  return readAd(source, work);
}

/**
 * The page's one JobPosting is the employer's structured ad, free of page chrome, and is read
 * first. Some boards put only a summary in it and the requirements on the page: when the page's
 * visible text states more requirements than the posting, the page is read instead, so that
 * visible requirements are never lost because a JSON-LD exists. Both faces (the HTML string and
 * the content script's AdSource) come through here.
 */
function readPostingOrPage(page: AdSource, work: WorkCounter | undefined): { read: AdSource; reading: AdReading } {
  const posting = sourceFromJobPostings(page.jobPostings, work);
  if (!posting) return { read: page, reading: readSource(page, work) };
  const fromPosting = readSource(posting, work);
  if (page.blocks.length === 0) return { read: posting, reading: fromPosting };
  const fromPage = readSource(page, work);
  return requirementsStated(fromPage) > requirementsStated(fromPosting) ? { read: page, reading: fromPage } : { read: posting, reading: fromPosting };
}

/** How many of the requirements a reading looks for its text states. */
function requirementsStated(r: AdReading): number {
  return (
    (r.authorisation.level === 'not-mentioned' ? 0 : 1) +
    r.education.length +
    (r.minYearsExperience ? 1 : 0) +
    r.systems.length +
    (r.norwegian ? 1 : 0)
  );
}

/** `work` counts the source, title and sentence passes; the rules' regexes are counted by the tests. */
function readSource(source: AdSource, work: WorkCounter | undefined): AdReading {
  const { mentions, related } = findTitles(source.text, work);
  const doc = buildDoc(source, mentions, work);
  const listing = readListing(doc);
  const isTargetJob = !listing && readIsTargetJob(doc);
  const authorisation = readAuthorisation(doc, isTargetJob);
  const education = readEducation(doc);
  const titleEvidence = mentions[0] ? sentenceAt(doc, mentions[0].start) : null;
  return {
    mentions,
    ...(titleEvidence ? { titleEvidence } : {}),
    related,
    isTargetJob,
    listing,
    authorisation,
    education,
    // After the two: "… eller N års erfaring" attaches to the requirement of its sentence.
    minYearsExperience: readExperience(doc, education, authorisation),
    systems: readSystems(doc),
    norwegian: readNorwegian(doc),
    language: detectLanguage(source.text),
  };
}

/** The unit (sentence or list item) or heading/title block holding `offset`, as evidence. */
function sentenceAt(doc: Doc, offset: number): Evidence | null {
  const unit = doc.units.find((u) => u.start <= offset && offset < u.end);
  if (unit) return evidenceOf(doc, unit.evidence);
  const block = doc.blocks.find((b) => b.start <= offset && offset < b.end);
  return block ? evidenceOf(doc, block.inner) : null;
}

/** A reading that found nothing: the one definition of "nothing found" (in `text`'s language). */
export function emptyReading(text = ''): AdReading {
  let language: AdReading['language'] = 'nb';
  try {
    language = detectLanguage(text);
  } catch {
    language = 'nb';
  }
  return {
    mentions: [],
    related: [],
    isTargetJob: false,
    listing: false,
    authorisation: { level: 'not-mentioned', evidence: null, alternatives: [] },
    education: [],
    minYearsExperience: null,
    systems: [],
    norwegian: null,
    language,
  };
}

/** An AdSource from outside (a content script, a CLI) may be malformed: keep what is usable. */
function safeSource(source: AdSource): AdSource {
  if (!source || typeof source !== 'object') return { text: '', blocks: [], jobPostings: [] };
  const text = typeof source.text === 'string' ? source.text : '';
  const blocks = Array.isArray(source.blocks) ? source.blocks : [];
  const jobPostings = Array.isArray(source.jobPostings) ? source.jobPostings : [];
  return source.text === text && source.blocks === blocks && source.jobPostings === jobPostings
    ? source
    : { ...source, text, blocks, jobPostings };
}

// ---------------------------------------------------------------------------------------------
// JSON-LD JobPosting → AdSource

/** Requirement fields of a JobPosting and the heading that introduces each in the built source. */
const REQUIREMENT_FIELDS: [string, string][] = [
  ['qualifications', 'Kvalifikasjoner'],
  ['experienceRequirements', 'Krav til erfaring'],
  ['educationRequirements', 'Krav til utdanning'],
  ['skills', 'Ferdigheter'],
];

function isJobPosting(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && isJobPostingType((value as Record<string, unknown>)['@type']);
}

const hasText = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/** A posting that says something: a string title or description. Pages carry junk JSON-LD
 * (numbers, objects, empty postings) that must not turn one ad into a "listing". */
function isReadablePosting(value: unknown): value is Record<string, unknown> {
  return isJobPosting(value) && (hasText(value['title']) || hasText(value['description']));
}

/**
 * The page's distinct postings that say something. Where some carry a description, a title-only
 * posting beside them is a leftover, not a second ad (a page of many ads lists titles and links
 * alike, without descriptions).
 */
function meaningfulPostings(list: unknown[]): Record<string, unknown>[] {
  const readable = list.filter(isReadablePosting);
  const described = readable.filter((p) => hasText(p['description']));
  const seen = new Set<string>();
  return (described.length > 0 ? described : readable).filter((p) => {
    const key = `${stringOf(p['title'])}\u0000${stringOf(p['url']) || stringOf(p['identifier'])}\u0000${stringOf(p['description']).slice(0, 200)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function countPostings(list: unknown[]): number {
  return meaningfulPostings(list).length;
}

/** The AdSource of the page's one JobPosting, or null when there is none (or many, or it is empty). */
function sourceFromJobPostings(list: unknown[], work: WorkCounter | undefined): AdSource | null {
  const postings = meaningfulPostings(list);
  if (postings.length !== 1) return null;
  const posting = postings[0]!;
  const blocks: BlockInput[] = [];
  const title = stringOf(posting['title']);
  if (title) blocks.push({ kind: 'title', text: title });
  let description = stringOf(posting['description']);
  // Some sites put entity-escaped HTML in the JSON ("&lt;p&gt;").
  if (!looksLikeHtml(description) && /&lt;\s*\/?\s*(p|br|li|ul|ol|div|strong|b|h[1-6])\b/i.test(description)) {
    description = decodeEntities(description);
  }
  if (description) blocks.push(...blocksOf(description, false, work));
  for (const [field, heading] of REQUIREMENT_FIELDS) {
    const items = fieldTexts(posting[field], 0);
    if (items.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: heading });
    for (const item of items) blocks.push(...blocksOf(item, true, work));
  }
  const built = sourceFromBlocks(blocks, [posting]);
  // A posting with next to no text (only a title) says less than the page: read the page.
  return built.text.length - title.length < 40 ? null : built;
}

function blocksOf(input: string, asList: boolean, work: WorkCounter | undefined): BlockInput[] {
  const src = sourceFromInput(input, work);
  return src.blocks.map((b) => ({
    kind: asList && b.kind === 'paragraph' ? 'list-item' : b.kind === 'title' ? 'paragraph' : b.kind,
    level: b.level,
    text: src.text.slice(b.start, b.end),
  }));
}

function stringOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** Texts of a requirement field: a string, an array, or schema.org objects (description, name,
 * credentialCategory, monthsOfExperience). */
function fieldTexts(value: unknown, depth: number): string[] {
  if (depth > 4 || value === null || value === undefined) return [];
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.slice(0, 200).flatMap((v) => fieldTexts(v, depth + 1));
  if (typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const out: string[] = [];
  for (const key of ['name', 'description', 'credentialCategory', 'educationalLevel']) {
    const s = stringOf(o[key]);
    if (s && !out.includes(s)) out.push(s);
  }
  const months = Number(o['monthsOfExperience']);
  if (Number.isFinite(months) && months > 0) out.push(`Minimum ${months} måneders erfaring`);
  return out;
}
