// Every board adapter, registered in one place. Add a board: one file next to this one, one line here.
import { MatchPattern } from 'wxt/utils/match-patterns';
import { finn } from './finn.ts';
import { hrmanager } from './hrmanager.ts';
import { jobbnorge } from './jobbnorge.ts';
import { karriere } from './karriere.ts';
import { nav } from './nav.ts';
import type { Board } from './types.ts';
import { webcruiter } from './webcruiter.ts';

export const ADAPTERS: readonly Board[] = [finn, nav, jobbnorge, webcruiter, hrmanager, karriere];

/** The content_scripts matches: the boards' ad and listing pages, and nothing else. */
export const BOARD_MATCHES: string[] = ADAPTERS.flatMap((a) => a.matches);

const PATTERNS = ADAPTERS.map((board) => ({ board, patterns: board.matches.map((m) => new MatchPattern(m)) }));
/** The same patterns with any path: which hosts belong to a board. */
const HOST_PATTERNS = ADAPTERS.map((board) => ({ board, patterns: board.matches.map((m) => new MatchPattern(m.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*'))) }));

/** The board whose matches include this URL (the page the content script was started for). */
export function adapterForUrl(url: URL | string): Board | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  return PATTERNS.find((p) => p.patterns.some((m) => m.includes(parsed)))?.board ?? null;
}

/** The board this host belongs to (any page of it), from the same matches. */
export function adapterFor(hostname: string): Board | null {
  let url: URL;
  try {
    url = new URL(`https://${hostname}/`);
  } catch {
    return null;
  }
  if (url.hostname !== hostname.toLowerCase()) return null;
  return HOST_PATTERNS.find((p) => p.patterns.some((m) => m.includes(url)))?.board ?? null;
}

export type { AdLocation, Board } from './types.ts';
