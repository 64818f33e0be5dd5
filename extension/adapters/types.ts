/**
 * A job board, as data: where its ads and listings are (URL shapes), which elements hold the
 * employer's own text, and what to leave out. A board change is a one-line edit here plus a test;
 * the engine that applies these is locate.ts.
 */
export interface Board {
  id: string;
  /** The board's name as a reader knows it (problem reports, README). */
  name: string;
  /**
   * Match patterns of the board's ad and listing pages: the content_scripts matches (the only host
   * permissions asked for) and, through wxt/utils/match-patterns, which pages this adapter serves.
   */
  matches: string[];
  /** The board's ads are embedded in iframes on employers' own sites: run in frames too. */
  allFrames?: boolean;
  ad: AdShape | null;
  listing: ListingShape | null;
}

/** A real URL of the board and what it is ('other': a page of the board the extension leaves alone). */
export interface Example {
  url: string;
  kind: 'ad' | 'listing' | 'other';
}

export interface AdShape {
  /** URL path (with the query) of a single ad. */
  path: RegExp;
  /** The ad's title element, first selector that matches. */
  title: string[];
  /**
   * The employer's ad text, first selector that matches. Empty: no evidence of the board's markup,
   * so the generic reader reads the page on purpose (and no miss is reported).
   */
  body: string[];
  /** Key facts the board shows as data (stillingstittel, søknadsfrist), read as their own blocks. */
  facts?: string[];
  /** Never read inside the ad (on top of EXCLUDE in locate.ts, which applies everywhere). */
  exclude?: string[];
  /**
   * An app shell that renders the ad after load: until an element matches `ready`, a page that is
   * short or shows `loading` is the shell, and nothing is read (a later change of the page rescans).
   */
  ready?: string;
  loading?: RegExp;
}

export interface ListingShape {
  path: RegExp;
  /** The result list (never the filters or search comboboxes before it). Empty: the main landmark. */
  root: string[];
  /** One element per ad inside the root. */
  item: string;
  /** Inside an item: its title link (default: the item itself). */
  title?: string;
  /** Inside an item: the employer's name, where the board shows it. */
  employer?: string;
}

/** Where the ad is on a page. */
export interface AdLocation {
  /** Elements whose text is the ad (or the listing), in reading order; none inside another. */
  roots: Element[];
  /** The ad's own title element (its text becomes the 'title' block), if found. */
  title: Element | null;
  /** The page lists many ads rather than showing one. */
  listing: boolean;
  /** Elements inside the roots that are not the employer's words. */
  exclude: Set<Element>;
}
