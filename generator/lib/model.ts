/**
 * The validated content model: what generator/lib/content/load.ts produces from content/ and what
 * generator/lib/build.ts renders. Plain data only (JSON-safe), so it can be cached and diffed.
 */
import type { Rules, TitleId } from '../../shared/index.ts';

export interface SiteSettings {
  /** Site name, e.g. "Sekretærsjekk". */
  title: string;
  /** Absolute URL with a trailing slash, e.g. "https://sekretaersjekk.no/". */
  baseUrl: string;
  language: 'nb';
  /** One sentence for <meta name="description"> and the front page. */
  description: string;
  /** Date the fact base was last checked (ISO), shown in the footer / about page. */
  factsChecked?: string;
}

/** One of the three titles compared on the front page. */
export interface TitleInfo {
  id: TitleId;
  /** Norwegian name, e.g. "Helsesekretær". */
  name: string;
  /** Protected title (helsepersonelloven § 74). */
  protected: boolean;
  /** Authorisation exists for it (helsepersonelloven § 48). */
  authorisation: boolean;
  /** Norwegian, plain text: the education that leads to it. */
  education: string;
  /** English names used for it in ads and registers. */
  englishNames: string[];
  facts: string[];
  /** Markdown (may contain {{F-NN}} markers). */
  notes: string;
}

/** One place where the starting article (or a common claim) is outdated. */
export interface Change {
  id: string;
  /** Short Norwegian heading, e.g. "Eksamen". */
  topic: string;
  /** What the starting article / common claim says (Norwegian, plain text). */
  claim: string;
  /** What is right now (Markdown, may contain {{F-NN}} markers). */
  now: string;
  facts: string[];
}

/** A prose page from content/pages/<key>.md. */
export interface Page {
  title: string;
  /** Markdown body (may contain {{F-NN}} markers and route:<id> links). */
  body: string;
  /** Path relative to the content dir's parent, e.g. "content/pages/front.md". */
  file: string;
}

export interface ContentModel {
  site: SiteSettings;
  rules: Rules;
  titles: TitleInfo[];
  changes: Change[];
  /** Keyed by file name without .md: 'front', 'veiviser', 'om', ... */
  pages: Record<string, Page>;
  /**
   * Entity key → file path (as shown in messages), e.g. 'route:vgs-full' → 'content/routes/vgs-full.md',
   * 'fact:F-10' → 'content/facts.yaml', 'page:front' → 'content/pages/front.md', and per file
   * 'site' | 'facts' | 'parameters' | 'titles' | 'changes' → e.g. 'content/titles.yaml'.
   * The watcher uses it to map a changed file to the pages to rebuild.
   */
  sourceFiles: Record<string, string>;
}

/** A problem found in content/, with its position. Line and column are 1-based. */
export interface ContentMessage {
  /** Path as the editor knows it, e.g. "content/routes/adult-rkv-vg3.md". */
  file: string;
  line: number;
  column: number;
  /** Field path, e.g. "steg[2].fakta" or "steps[2].facts"; "" for the whole file. */
  field: string;
  /** What was expected (Norwegian). */
  expected: string;
  /** What was found (Norwegian / the value as written). */
  found: string;
  /** The full Norwegian message (without the position prefix). */
  message: string;
  severity: 'error' | 'warning';
}
