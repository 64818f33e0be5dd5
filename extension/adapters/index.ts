// Every board adapter, registered in one place. Add a board: one file next to this one, one line here.
import { finn } from './finn.ts';
import { hrmanager } from './hrmanager.ts';
import { jobbnorge } from './jobbnorge.ts';
import { karriere } from './karriere.ts';
import { nav } from './nav.ts';
import type { Adapter } from './types.ts';
import { webcruiter } from './webcruiter.ts';

export const ADAPTERS: readonly Adapter[] = [finn, nav, jobbnorge, webcruiter, hrmanager, karriere];

/** The content_scripts matches: the boards, and nothing else. */
export const BOARD_MATCHES: string[] = ADAPTERS.flatMap((a) => a.matches);

export function adapterFor(hostname: string): Adapter | null {
  return ADAPTERS.find((a) => a.serves(hostname)) ?? null;
}

export type { Adapter, AdLocation } from './types.ts';
