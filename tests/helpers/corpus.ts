import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The team's handbook folder beside the checkout (`<checkout>/../shared`): the real-ad corpus and
 * the boards' real markup. That data comes from public repositories, so it is read in place and
 * never copied into this repository. CI has it; a clone elsewhere may not, and then the tests that
 * need it skip (their names say "needs ../shared"), and tests/helpers/handbook-notice.ts prints one
 * line saying why.
 */
// Under vitest's happy-dom environment import.meta.url is not a file: URL, but __dirname is set;
// under plain tsx (the benches) it is the other way round.
const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));

export const HANDBOOK_DIR = process.env.SEKRETAERSJEKK_HANDBOOK ?? path.resolve(here, '../../../shared');
export const CORPUS_DIR = path.join(HANDBOOK_DIR, 'corpus', 'real');
export const BOARDS_MARKUP_DIR = path.join(HANDBOOK_DIR, 'boards-markup');

export const HAS_CORPUS = existsSync(path.join(CORPUS_DIR, 'labels.jsonl'));
export const HAS_BOARDS_MARKUP = existsSync(BOARDS_MARKUP_DIR);

/** Appended to the names of tests that read the handbook, so a skip says why. */
export const NEEDS_CORPUS = `(needs ${path.join('..', 'shared', 'corpus')})`;
export const NEEDS_BOARDS_MARKUP = `(needs ${path.join('..', 'shared', 'boards-markup')})`;

export const HANDBOOK_MISSING_LINE = `Skipping the real-ad corpus and board-markup tests: ${HANDBOOK_DIR} is absent (the team's handbook folder beside the checkout; CI has it).`;
