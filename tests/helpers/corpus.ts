import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real-ad corpus. The team keeps it in ../shared/corpus beside the checkout; a copy lives in
 * tests/fixtures/corpus so a clean clone (and CI) tests against the same ads. corpus-copy.test.ts
 * checks that the copy has not drifted from the team's folder when that folder is present.
 */
// Under vitest's happy-dom environment import.meta.url is not a file: URL, but __dirname is set;
// under plain tsx (the benches) it is the other way round.
const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = process.env.SEKRETAERSJEKK_CORPUS ?? path.resolve(here, '../fixtures/corpus/real');

/** The team's own folder beside the checkout (may be absent on CI). */
export const TEAM_CORPUS_DIR = path.resolve(here, '../../../shared/corpus/real');
