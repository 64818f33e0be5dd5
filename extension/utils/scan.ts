import { findTitles } from '../../shared/lib/lexicon.ts';
import type { AdSource, Mention } from '../../shared/lib/types.ts';
import { collectJobPostings, genericLocation } from '../adapters/generic.ts';
import { adapterFor, type AdLocation } from '../adapters/index.ts';
import { type DomText, rangeForSpan, readDomText } from './dom-text.ts';
import { type HighlightMode, showHighlights } from './highlight.ts';

/** What one pass over a page found: where the ad is, its text (with the DOM map) and the AdSource. */
export interface PageScan {
  /** The adapter that located the ad ('generic' for any other page). */
  adapter: string;
  location: AdLocation;
  dom: DomText;
  source: AdSource;
}

/** A hostile or endless page must not stall the tab or flood the background: cap the text. */
const MAX_CHARS = 400_000;

export function locateAd(doc: Document, url: URL): { adapter: string; location: AdLocation } | null {
  const adapter = adapterFor(url.hostname);
  const location = adapter?.locate(doc, url);
  if (adapter && location) return { adapter: adapter.id, location };
  const generic = genericLocation(doc);
  return generic ? { adapter: 'generic', location: generic } : null;
}

export function scanPage(doc: Document, url: URL): PageScan | null {
  const located = locateAd(doc, url);
  if (!located) return null;
  const dom = readDomText(located.location.roots, { title: located.location.title, maxChars: MAX_CHARS });
  const source: AdSource = {
    text: dom.text,
    blocks: dom.blocks,
    jobPostings: collectJobPostings(doc),
    ...(located.location.listing ? { listingHint: true } : {}),
  };
  return { adapter: located.adapter, location: located.location, dom, source };
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

/** Scan, then highlight the title mentions in the DOM text: the content script's whole job per pass. */
export function scanAndHighlight(doc: Document, url: URL): { scan: PageScan; highlights: { count: number; mode: HighlightMode } } | null {
  const scan = scanPage(doc, url);
  if (!scan) return null;
  return { scan, highlights: highlightMentions(doc, scan.dom, findTitles(scan.dom.text).mentions) };
}
