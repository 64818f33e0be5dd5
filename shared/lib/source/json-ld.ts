/**
 * schema.org JobPosting objects in a page's JSON-LD, one definition for both faces: the HTML-string
 * path (source/html.ts) and the content script (extension/adapters/generic.ts) only find the
 * `<script type="application/ld+json">` elements and hand their text here. The data is untrusted:
 * nothing here throws, and the search is bounded in depth and in postings.
 */

/** A schema.org JobPosting as the page wrote it (untrusted: any field may be missing or junk). */
export type JobPosting = Readonly<Record<string, unknown>>;

/** How deep wrappers, graphs and lists may nest around a posting. */
const MAX_DEPTH = 8;

/** At most this many postings per page (a page with more is a listing either way; the content
 * script's message carries no more: extension/utils/messages.ts LIMITS.jobPostings). */
export const MAX_JOB_POSTINGS = 10;

/** Keys under which schema.org nests the thing a page is about. */
const NESTING_KEYS = ['@graph', 'mainEntity', 'itemListElement', 'item'];

/** "JobPosting", "schema:JobPosting", "http://schema.org/JobPosting", "https://schema.org/JobPosting". */
const JOB_POSTING_TYPE = /(?:^|[/:#])JobPosting$/;

/** Whether a JSON-LD `@type` (a string or a list of them) names JobPosting. */
export function isJobPostingType(type: unknown): boolean {
  if (typeof type === 'string') return JOB_POSTING_TYPE.test(type.trim());
  return Array.isArray(type) && type.some((t) => typeof t === 'string' && JOB_POSTING_TYPE.test(t.trim()));
}

/**
 * The JobPostings in parsed JSON-LD, in document order: the value itself, arrays, `@graph`,
 * `mainEntity` (a WebPage about the posting), `itemListElement` / `item` (a list of postings), and
 * any single-key wrapper around one of these (finn.no ships `{"script:ld+json": {...}}`). A posting
 * is not searched further: what it nests is part of it.
 */
export function findJobPostings(parsedJsonLd: unknown, limit = MAX_JOB_POSTINGS): JobPosting[] {
  const found: JobPosting[] = [];
  visit(parsedJsonLd, found, limit, 0);
  return found;
}

function visit(value: unknown, into: JobPosting[], limit: number, depth: number): void {
  if (into.length >= limit || depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (into.length >= limit) return;
      visit(item, into, limit, depth + 1);
    }
    return;
  }
  const obj = value as Record<string, unknown>;
  if (isJobPostingType(obj['@type'])) {
    into.push(obj);
    return;
  }
  let nested = false;
  for (const key of NESTING_KEYS) {
    if (Object.hasOwn(obj, key)) {
      nested = true;
      visit(obj[key], into, limit, depth + 1);
    }
  }
  if (nested || Object.hasOwn(obj, '@type')) return;
  // A wrapper: one key, no type of its own, around what may hold a posting.
  const keys = Object.keys(obj);
  if (keys.length === 1) visit(obj[keys[0]!], into, limit, depth + 1);
}

/**
 * The value of a JSON-LD script's text, or undefined when it is not JSON. Pages wrap it in an
 * HTML comment or CDATA section ("<!-- {...} -->", "//<![CDATA[ {...} //]]>").
 */
export function parseJsonLd(scriptText: string): unknown {
  const trimmed = scriptText
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/, '')
    .trim();
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether a script's `type` attribute says JSON-LD ("application/ld+json", any case, parameters allowed). */
export function isJsonLdType(type: string | null | undefined): boolean {
  return typeof type === 'string' && type.trim().toLowerCase().startsWith('application/ld+json');
}
