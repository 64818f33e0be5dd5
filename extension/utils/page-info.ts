/**
 * What the content script tells the background about the page besides its text: which board
 * adapter read it, whether it is an ad, a listing or not a job ad at all, the matching ads of a
 * listing, and — when a board adapter's selectors missed — which ones, for a bug report.
 * Page-derived and untrusted: parsePageInfo checks shapes and sizes.
 */
export type PageKind = 'ad' | 'listing' | 'not-ad';

/** One ad on a listing page whose title names one of the three jobs. */
export interface ListingItem {
  title: string;
  employer: string | null;
  /** https URL of the ad. */
  url: string;
}

/** A board adapter that found the page's URL to be an ad but whose selectors found no ad text. */
export interface AdapterMiss {
  adapter: string;
  /** The URL path with ids and slugs replaced ("/job/ad/<id>"): no query, nothing personal. */
  pathShape: string;
  /** The adapter's selectors that matched something, and those that did not. */
  matched: string[];
  missed: string[];
}

export interface PageInfo {
  /** The adapter that read the page ('generic' for any other page). */
  adapter: string;
  kind: PageKind;
  /** Listings: the ads whose titles name one of the three jobs (capped at MAX_LISTING_ITEMS). */
  items?: ListingItem[];
  miss?: AdapterMiss;
}

export const MAX_LISTING_ITEMS = 100;
const KINDS: readonly string[] = ['ad', 'listing', 'not-ad'];

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 50 && v.every((s) => isStr(s, 300));

function parseItem(v: unknown): ListingItem | null {
  if (!isRec(v) || !isStr(v.title, 300) || v.title.trim() === '' || !isStr(v.url, 2048)) return null;
  if (v.employer !== null && !isStr(v.employer, 300)) return null;
  let url: URL;
  try {
    url = new URL(v.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  return { title: v.title, employer: v.employer, url: url.href };
}

/** The PageInfo in a content script's message, or null when anything about it is off. */
export function parsePageInfo(v: unknown): PageInfo | null {
  if (!isRec(v) || !isStr(v.adapter, 40) || !/^[a-z-]+$/.test(v.adapter) || typeof v.kind !== 'string' || !KINDS.includes(v.kind)) return null;
  const info: PageInfo = { adapter: v.adapter, kind: v.kind as PageKind };
  if (v.items !== undefined) {
    if (!Array.isArray(v.items) || v.items.length > MAX_LISTING_ITEMS) return null;
    const items = v.items.map(parseItem);
    if (items.some((i) => i === null)) return null;
    info.items = items as ListingItem[];
  }
  if (v.miss !== undefined) {
    const m = v.miss;
    if (!isRec(m) || !isStr(m.adapter, 40) || !isStr(m.pathShape, 300) || !isStrList(m.matched) || !isStrList(m.missed)) return null;
    info.miss = { adapter: m.adapter, pathShape: m.pathShape, matched: m.matched, missed: m.missed };
  }
  return info;
}
