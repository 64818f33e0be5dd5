// The core as the content script sees it. The content script runs on every board page and has a
// size budget (tests/e2e/packages.test.ts), so it imports from here, never from index.ts: only the
// title finder and the text vocabulary it needs, no rules, no reading. Lint enforces this.
export type * from './lib/types.ts';
export { findTitles } from './lib/lexicon.ts';
export { IN_WORD_JOINER } from './lib/normalize.ts';
export { findJobPostings, isJsonLdType, MAX_JOB_POSTINGS, parseJsonLd } from './lib/source/json-ld.ts';
export {
  BLOCK_ELEMENTS,
  BOLD_ELEMENTS,
  BOLD_HEADING_LEVEL,
  COLLAPSIBLE_SPACE_CLASS,
  headingLevelOf,
  isHiddenStyle,
  isJsSpace,
  ITEM_ELEMENTS,
  looksLikeBoldHeading,
  SKIPPED_ELEMENTS,
  startsWithBullet,
} from './lib/source/vocabulary.ts';
