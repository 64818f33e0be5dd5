// vitest globalSetup: one clear line when the handbook folder beside the checkout is absent.
import { HAS_BOARDS_MARKUP, HAS_CORPUS, HANDBOOK_MISSING_LINE } from './corpus.ts';

export default function setup(): void {
  if (!HAS_CORPUS || !HAS_BOARDS_MARKUP) console.warn(HANDBOOK_MISSING_LINE);
}
