/** Where the ad is on a page, as one board's adapter sees it. */
export interface AdLocation {
  /** Elements whose text is the ad (or the listing), in reading order; none inside another. */
  roots: Element[];
  /** The ad's own title element (its text becomes the 'title' block), if found. */
  title: Element | null;
  /** The page lists many ads rather than showing one. */
  listing: boolean;
}

export interface Adapter {
  id: string;
  /** Match patterns for the manifest's content_scripts (these are the only host permissions we ask for). */
  matches: string[];
  /** Whether this adapter serves the page's hostname. */
  serves(hostname: string): boolean;
  /** Where the ad is; null when the page does not look like the board's ad or listing (the generic reader takes over). */
  locate(doc: Document, url: URL): AdLocation | null;
}

/** First element matching any selector, in the selectors' order (not document order). */
export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
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

/** The usual single-ad shape: the board's title and description elements, else its main element. */
export function singleAd(doc: Document, titleSelectors: readonly string[], bodySelectors: readonly string[]): AdLocation | null {
  const main = doc.querySelector('main, [role="main"]');
  const body = firstMatch(doc, bodySelectors);
  const title = firstMatch(main ?? doc, titleSelectors);
  if (body) return { roots: outermost([title, body]), title, listing: false };
  if (main) return { roots: [main], title, listing: false };
  return null;
}

/** A listing: the result list if found, else the main element. */
export function listing(doc: Document, listSelectors: readonly string[]): AdLocation | null {
  const list = firstMatch(doc, listSelectors) ?? doc.querySelector('main, [role="main"]');
  return list ? { roots: [list], title: null, listing: true } : null;
}
