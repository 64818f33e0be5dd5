import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOARD_FIXTURES } from './paths.ts';

export interface BoardFixture {
  id: string;
  /** finn | arbeidsplassen | jobbnorge | webcruiter | hrmanager | karriere | generic */
  board: string;
  /** Absolute path of the HTML file. */
  file: string;
  /** The real URL it is served at (Playwright routing; nothing reaches the network). */
  url: string;
  /** The adapter that must read it ('generic' for other pages). */
  adapter: string;
  kind: 'ad' | 'listing' | 'not-ad';
  target: boolean;
  listing: boolean;
  /** Listings: how many ads' titles name one of the three jobs (the badge). */
  matching?: number;
  /** The page renders its ad this long after load. */
  rendersAfterMs?: number;
  /** The fixture id of the board ad this page embeds in an iframe. */
  embeds?: string;
  authorization: 'required' | 'preferred' | 'not_mentioned';
  title?: string;
  /** false when the ad is only in JSON-LD (nothing visible to highlight). */
  visibleText?: boolean;
  html: string;
}

export function boardFixtures(): BoardFixture[] {
  const data = JSON.parse(readFileSync(join(BOARD_FIXTURES, 'fixtures.json'), 'utf8')) as {
    fixtures: Omit<BoardFixture, 'html'>[];
  };
  return data.fixtures.map((f) => {
    const file = join(BOARD_FIXTURES, f.file);
    return { ...f, file, html: readFileSync(file, 'utf8') };
  });
}

export function boardFixture(id: string): BoardFixture {
  const found = boardFixtures().find((f) => f.id === id);
  if (!found) throw new Error(`no board fixture ${id}`);
  return found;
}
