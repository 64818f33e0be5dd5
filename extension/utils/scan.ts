import { findTitles, IN_WORD_JOINER, type AdSource, type Mention } from '../../shared/content-script.ts';
import { collectJobPostings } from '../adapters/generic.ts';
import type { AdLocation } from '../adapters/index.ts';
import { type ListingElement, locate } from '../adapters/locate.ts';
import { type DomText, rangeForSpan, readDomText } from './dom-text.ts';
import { type HighlightMode, showHighlights } from './highlight.ts';
import { type ListingItem, MAX_LISTING_ITEMS, type PageInfo } from './page-info.ts';

/** What one pass over a page found: where the ad is, its text (with the DOM map) and the AdSource. */
export interface PageScan {
  /** The adapter that located the ad ('generic' for any other page, and for a board ad its selectors missed). */
  adapter: string;
  location: AdLocation;
  dom: DomText;
  source: AdSource;
  /** What the background and the popup are told about the page. */
  info: PageInfo;
}

/** A hostile or endless page must not stall the tab or flood the background: cap the text. */
const MAX_CHARS = 400_000;

const oneLine = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);

/** The listing's ads whose title names one of the three jobs, with their https links. */
export function matchingItems(elements: readonly ListingElement[], base: string): ListingItem[] {
  const items: ListingItem[] = [];
  const seen = new Set<string>();
  for (const { title, employer } of elements) {
    const text = oneLine(title);
    if (text === '' || findTitleMentions(text).length === 0) continue;
    const link = title.closest('a[href]') ?? title.querySelector('a[href]');
    let url: URL;
    try {
      url = new URL(link?.getAttribute('href') ?? '', base);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' || !link || seen.has(url.href)) continue;
    seen.add(url.href);
    items.push({ title: text, employer: oneLine(employer) || null, url: url.href });
    if (items.length >= MAX_LISTING_ITEMS) break;
  }
  return items;
}

/** The page's ad (or listing) as an AdSource; null when there is nothing to read (yet). */
export function scanPage(doc: Document, url: URL, limits: { maxChars?: number; maxNodes?: number } = {}): PageScan | null {
  const located = locate(doc, url);
  if (!located || located.status !== 'found') return null;
  const { location } = located;
  const dom = readDomText(location.roots, { title: location.title, maxChars: limits.maxChars ?? MAX_CHARS, maxNodes: limits.maxNodes, exclude: location.exclude });
  const jobPostings = collectJobPostings(doc);
  const source: AdSource = { text: dom.text, blocks: dom.blocks, jobPostings, ...(location.listing ? { listingHint: true } : {}) };
  const info: PageInfo = {
    adapter: located.adapter,
    // Whether a generic page is a job ad at all is decided in the background (page-kind.ts).
    kind: located.kind,
    ...(located.items ? { items: matchingItems(located.items, url.href) } : {}),
    ...(located.miss ? { miss: located.miss } : {}),
  };
  return { adapter: located.adapter, location, dom, source, info };
}

/** Highlights title mentions (offsets into scan.dom.text). */
export function highlightMentions(doc: Document, dom: DomText, mentions: readonly Mention[]): { count: number; mode: HighlightMode } {
  const ranges: Range[] = [];
  for (const mention of mentions) {
    const range = rangeForSpan(dom, mention);
    if (range) ranges.push(range);
  }
  return { count: ranges.length, mode: showHighlights(doc, ranges) };
}

/**
 * Every title in a title mention is spelled with "sekret" or "secret" (any case), letters that the
 * title detector may find split by soft hyphens, zero-width characters, combining marks,
 * apostrophes, hyphens and whitespace: this finds every place one could start, and more.
 */
const ANCHOR = new RegExp(['s', 'e', '[kc]', 'r', 'e', 't'].join(IN_WORD_JOINER), 'gi');
/**
 * Characters that end every match and every look-around of the title detector: a digit or one of
 * these marks is never part of a word, a hyphen, an apostrophe or a "/", "," or "." gap, so the text
 * on either side of one is read independently (see shared/lib/lexicon.ts and normalize.ts).
 */
const HARD = /[0-9:;!?()[\]{}<>"%&*+=@#$|~^_`\\]/g;
const isHard = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c < 0x80 && c !== 0x2d && c !== 0x2c && c !== 0x2e && c !== 0x2f && c !== 0x27 && ((c >= 0x21 && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)));

/**
 * findTitles(text).mentions, without running the detector over all of a long page: only the
 * stretches between two hard characters that contain a possible title are read, in one call
 * (joined by a hard character, so each is read exactly as in the whole text).
 */
export function findTitleMentions(text: string): Mention[] {
  const windows: number[] = [];
  ANCHOR.lastIndex = 0;
  let windowEnd = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    if (m.index < windowEnd) continue;
    let start = m.index;
    while (start > windowEnd && !isHard(text.charCodeAt(start - 1))) start--;
    HARD.lastIndex = m.index + m[0].length;
    windowEnd = HARD.exec(text)?.index ?? text.length;
    windows.push(start, windowEnd);
    ANCHOR.lastIndex = windowEnd;
  }
  if (windows.length === 0) return [];
  if (windows.length === 2 && windows[0] === 0 && windows[1] === text.length) return findTitles(text).mentions;
  // The windows, joined by "0": each "0" ends a window as the hard character after it in the text did.
  const pieces: string[] = [];
  const at: number[] = [];
  let length = 0;
  for (let w = 0; w < windows.length; w += 2) {
    if (w > 0) {
      pieces.push('0');
      length += 1;
    }
    at.push(length);
    pieces.push(text.slice(windows[w]!, windows[w + 1]!));
    length += windows[w + 1]! - windows[w]!;
  }
  const mentions = findTitles(pieces.join('')).mentions;
  let w = 0;
  for (const mention of mentions) {
    while (w + 1 < at.length && at[w + 1]! <= mention.start) w++;
    const shift = windows[2 * w]! - at[w]!;
    mention.start += shift;
    mention.end += shift;
  }
  return mentions;
}

/** Scan, then highlight the title mentions in the DOM text: the content script's whole job per pass. */
export function scanAndHighlight(doc: Document, url: URL): { scan: PageScan; highlights: { count: number; mode: HighlightMode } } | null {
  const scan = scanPage(doc, url);
  if (!scan) return null;
  return { scan, highlights: highlightMentions(doc, scan.dom, findTitleMentions(scan.dom.text)) };
}
