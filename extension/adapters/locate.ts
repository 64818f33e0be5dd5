import type { AdapterMiss } from '../utils/page-info.ts';
import { genericLocation } from './generic.ts';
import { adapterFor, adapterForUrl } from './index.ts';
import type { AdLocation, Board } from './types.ts';

/**
 * Applies a board's data (types.ts) to a page: where the employer's ad is, or the list of ads, and
 * what inside it is not the employer's words. Pages of no board get the generic reader, and so do
 * board ads whose selectors all miss (recorded as an AdapterMiss for the problem report).
 */
export type Located =
  | {
      status: 'found';
      /** The board whose branch read the page, or 'generic'. */
      adapter: string;
      kind: 'ad' | 'listing';
      location: AdLocation;
      /** Listings: the result elements, one per ad. */
      items?: ListingElement[];
      miss?: AdapterMiss;
    }
  /** An app shell that has not rendered the ad yet: read nothing now (a later change rescans). */
  | { status: 'pending'; adapter: string }
  /** A board page that is neither an ad nor a listing: not read at all (candidate portals, CVs). */
  | { status: 'skip'; adapter: string };

export interface ListingElement {
  title: Element;
  employer: Element | null;
}

/**
 * Never the employer's own words, on any board and in the generic reader: machine-generated
 * summaries, recommendations and job cards, the employer blurb, cookie banners, browser warnings.
 */
export const EXCLUDE: readonly string[] = [
  '#ad-summary-content',
  '[aria-labelledby="ad-summary-heading"]',
  '.ai-badge',
  '[aria-label="AI-generert" i]',
  '.about-company',
  '.job-card',
  '[class*="recommendation" i]',
  '[id*="cookie" i]',
  '[class*="cookie" i]',
  '[id*="consent" i]',
  '[class*="consent" i]',
  '[class*="browser-warning" i]',
  '[class*="outdated-browser" i]',
  '[id*="outdated-browser" i]',
];

/** Headings of page parts that are not the employer's ad: the part they head is left out. */
const NOT_EMPLOYER_HEADING =
  /^(?:lignende (?:annonser|stillinger|jobber)|andre (?:annonser|stillinger)|anbefalte (?:annonser|stillinger|jobber)|similar (?:jobs|ads)|recommended jobs|om arbeidsgiveren|om bedriften|about the (?:employer|company)|nøkkelord|keywords|ferdigheter|kortversjonen)\b|ai-generert/i;

const MAX_ITEMS = 300;
/** An app shell says little ("Laster...", a logo): less text than any ad. */
const SHELL_MAX_CHARS = 200;

function firstMatch(root: ParentNode, selectors: readonly string[]): { element: Element; selector: string } | null {
  for (const selector of selectors) {
    const element = root.querySelector(selector);
    if (element) return { element, selector };
  }
  return null;
}

/** Drops elements contained in another one of the list, keeping document order. */
export function outermost(elements: (Element | null | undefined)[]): Element[] {
  const present = elements.filter((e): e is Element => e != null);
  const unique = present.filter((e, i) => present.indexOf(e) === i);
  const kept = unique.filter((e) => !unique.some((other) => other !== e && other.contains(e)));
  return kept.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** "/job/ad/476382378" → "/job/ad/<id>": the URL's shape without ids, slugs or query. */
export function pathShape(pathname: string): string {
  return pathname
    .split('/')
    .map((part) => {
      const ext = /\.(?:html?|aspx?|php)$/i.exec(part)?.[0] ?? '';
      const stem = part.slice(0, part.length - ext.length);
      if (/\d{3,}/.test(stem) || /^[0-9a-f-]{16,}$/i.test(stem)) return `<id>${ext}`;
      if (stem.split('-').length >= 3) return `<slug>${ext}`;
      return part;
    })
    .join('/')
    .slice(0, 200);
}

/** The elements inside the roots that are not the employer's words (kept: the title and the roots). */
export function excludedIn(roots: readonly Element[], title: Element | null, extra: readonly string[] = []): Set<Element> {
  const excluded = new Set<Element>();
  const keeps = (el: Element): boolean => (title !== null && el.contains(title)) || roots.some((r) => el.contains(r));
  const selector = [...EXCLUDE, ...extra].join(',');
  for (const root of roots) {
    for (const el of root.querySelectorAll(selector)) if (!keeps(el)) excluded.add(el);
    for (const heading of root.querySelectorAll('h2, h3, h4')) {
      if (!NOT_EMPLOYER_HEADING.test((heading.textContent ?? '').trim())) continue;
      // The part this heading heads: its parent, when the heading comes first and is its only one.
      const part = heading.parentElement;
      if (!part || part === root || part.firstElementChild !== heading || part.querySelectorAll('h1, h2, h3, h4').length !== 1) continue;
      if (!keeps(part)) excluded.add(part);
    }
    // Apply forms (name, e-mail, CV upload); a page-wide ASP.NET form around the ad is kept.
    for (const form of root.querySelectorAll('form')) {
      if (!keeps(form) && !form.querySelector('h1') && form.querySelector('input[type="email"], input[type="file"], input[type="tel"], textarea')) excluded.add(form);
    }
  }
  return excluded;
}

function adOnBoard(doc: Document, url: URL, board: Board): Located {
  const ad = board.ad!;
  if (ad.ready && !doc.querySelector(ad.ready)) {
    const text = (doc.body?.textContent ?? '').trim();
    let code = 0;
    for (const el of doc.querySelectorAll('body script, body style, body template')) code += el.textContent?.length ?? 0;
    if (text.length - code < SHELL_MAX_CHARS || ad.loading?.test(text)) return { status: 'pending', adapter: board.id };
  }
  const title = firstMatch(doc, ad.title);
  const facts = ad.facts ? firstMatch(doc, ad.facts) : null;
  const body = firstMatch(doc, ad.body);
  if (body) {
    const roots = outermost([title?.element, facts?.element, body.element]);
    const location = { roots, title: title?.element ?? null, listing: false, exclude: excludedIn(roots, title?.element ?? null, ad.exclude) };
    return { status: 'found', adapter: board.id, kind: 'ad', location };
  }
  const generic = genericLocation(doc);
  if (!generic) return { status: 'skip', adapter: board.id };
  const titleElement = title?.element ?? generic.title;
  const location = { ...generic, title: titleElement, exclude: excludedIn(generic.roots, titleElement, ad.exclude) };
  if (ad.body.length === 0) return { status: 'found', adapter: board.id, kind: 'ad', location };
  const tried = [...ad.title, ...(ad.facts ?? [])];
  const matched = [title?.selector, facts?.selector].filter((s): s is string => s !== undefined);
  const miss: AdapterMiss = { adapter: board.id, pathShape: pathShape(url.pathname), matched, missed: [...tried.filter((s) => !matched.includes(s)), ...ad.body] };
  return { status: 'found', adapter: 'generic', kind: 'ad', location, miss };
}

function listingOnBoard(doc: Document, url: URL, board: Board): Located {
  const shape = board.listing!;
  const found = firstMatch(doc, shape.root);
  const root = found?.element ?? doc.querySelector('main, [role="main"]') ?? doc.body;
  if (!root) return { status: 'skip', adapter: board.id };
  const items: ListingElement[] = [];
  for (const item of root.querySelectorAll(shape.item)) {
    if (items.length >= MAX_ITEMS) break;
    const title = shape.title ? item.querySelector(shape.title) : item;
    if (title) items.push({ title, employer: shape.employer ? item.querySelector(shape.employer) : null });
  }
  const location: AdLocation = { roots: [root], title: null, listing: true, exclude: new Set() };
  if (found || shape.root.length === 0) return { status: 'found', adapter: board.id, kind: 'listing', location, items };
  const miss: AdapterMiss = { adapter: board.id, pathShape: pathShape(url.pathname), matched: [], missed: shape.root };
  return { status: 'found', adapter: 'generic', kind: 'listing', location, items, miss };
}

export function locate(doc: Document, url: URL): Located | null {
  const board = adapterForUrl(url);
  if (board) {
    if (board.ad?.path.test(url.pathname)) return adOnBoard(doc, url, board);
    if (board.listing?.path.test(url.pathname)) return listingOnBoard(doc, url, board);
    return { status: 'skip', adapter: board.id };
  }
  // A board's other pages (candidate portals, CVs, applications), reached in an SPA after the
  // script started on an ad or listing: not read.
  const host = adapterFor(url.hostname);
  if (host) return { status: 'skip', adapter: host.id };
  const generic = genericLocation(doc);
  if (!generic) return null;
  return { status: 'found', adapter: 'generic', kind: 'ad', location: { ...generic, exclude: excludedIn(generic.roots, generic.title) } };
}
