import type { AdReading, AdSource, Verdict } from '../../shared/index.ts';
import type { HighlightMode } from './highlight.ts';
import { type PageInfo, parsePageInfo } from './page-info.ts';

/**
 * Messages between the extension's contexts, and small hand-written validators (not zod: this code
 * ships next to the content script's contract and must stay tiny).
 *
 * Who may say what (sender discipline):
 * - A content script speaks only for its own tab, over a port it opens (PAGE_PORT): the tab is the
 *   port's sender, never a field of the message, and nothing is ever sent back on that port — a
 *   page's renderer never receives profile values, verdicts or traces. The port closing (the page
 *   navigated, crashed, or the script is gone) clears the tab's badge.
 * - The popup and the options page ask the background (runtime.sendMessage) and use only the
 *   replies to their own requests; they listen for no broadcasts. Requests from anything but our
 *   own pages get no reply at all.
 */
export const MSG = {
  /** content → background (over PAGE_PORT): the page's text as an AdSource (the background reads and judges it). */
  page: 'sekretaersjekk:page',
  /** popup → background: the state for a tab (injecting the content script if asked); with `after`, waits for a newer one. */
  getTabState: 'sekretaersjekk:get-tab-state',
  /** popup/options → background: run the content script on this origin from now on (permission already granted). */
  enableSite: 'sekretaersjekk:enable-site',
  /** popup/options → background: stop doing that. */
  disableSite: 'sekretaersjekk:disable-site',
  /** options → background: delete everything the extension keeps, everywhere. */
  deleteAll: 'sekretaersjekk:delete-all',
} as const;

/** The port a content script reports on (runtime.connect name). */
export const PAGE_PORT = 'sekretaersjekk:page-port';

/**
 * The content script sends the page's AdSource, not an AdReading: the reader runs in the background
 * so the content script stays small.
 */
export interface PageMessage {
  type: typeof MSG.page;
  url: string;
  pageTitle: string;
  source: AdSource;
  highlights: { count: number; mode: HighlightMode };
  /** The page was longer than the content script's reading budget: only its beginning was read. */
  truncated?: boolean;
  /** Which adapter read the page and what kind of page it is (page-info.ts). */
  info?: PageInfo;
}

export interface GetTabStateMessage {
  type: typeof MSG.getTabState;
  tabId: number;
  /** Inject the content script when the tab has no state yet (the popup was opened by a click: activeTab). */
  inject: boolean;
  /** The revision the popup already shows: the reply waits (bounded) until the tab's state is newer. */
  after?: string;
}

export interface SiteMessage {
  type: typeof MSG.enableSite | typeof MSG.disableSite;
  origin: string;
}

export interface DeleteAllMessage {
  type: typeof MSG.deleteAll;
}

export type ProfileStatus = 'ok' | 'missing';

/** What the background knows about a tab. Plain data (kept in storage.session, bounded in size). */
export interface TabState {
  tabId: number;
  url: string;
  pageTitle: string;
  reading: AdReading;
  highlights: { count: number; mode: HighlightMode };
  /** null when there is no target ad, or no profile to judge with. */
  verdict: Verdict | null;
  profile: ProfileStatus;
  updatedAt: number;
  /** Only the beginning of a very long page was read ("annonsen er svært lang – bare begynnelsen er lest"). */
  truncated?: boolean;
  /** What the content script said about the page (adapter, ad/listing/not-ad, listing items, adapter miss). */
  info?: PageInfo;
  /** The frame the reading came from (0: the top frame; an ad embedded in an iframe otherwise). */
  frameId?: number;
}

/** Where the background keeps a tab's state in storage.session (the popup's first paint reads it there). */
export const TAB_STATE_AREA_KEY = (tabId: number) => `tab-${tabId}` as const;

/** The reply to GetTabStateMessage; `revision` names the state it carries (for the next `after`). */
export type TabStateResponse =
  | { ok: true; state: TabState; revision?: string }
  | { ok: false; reason: 'restricted' | 'no-reading' | 'bad-request'; revision?: string };

// ---------------------------------------------------------------------------------------------
// Budgets and validation (untrusted: a page can't send us messages directly, but a compromised
// content script could send anything, and the text and JSON-LD in it come from the page).

type Rec = Record<string, unknown>;

/**
 * What one page message may carry; the content script reads less than this (see
 * extension/entrypoints/content/budget.ts) and checks its own message against it before sending.
 */
export const LIMITS = {
  text: 250_000,
  blocks: 20_000,
  jobPostings: 10,
  /** For the whole message: characters in all strings and keys, nesting depth, values visited. */
  chars: 400_000,
  depth: 16,
  /** Each block is 5 values: LIMITS.blocks of them fit with room to spare. */
  values: 150_000,
} as const;

/**
 * Whether `v` stays within the budget: walks it iteratively and stops at the first excess, so a
 * giant or deeply nested value costs no more than the budget to reject.
 */
export function withinBudget(v: unknown, budget: { chars: number; depth: number; values: number } = LIMITS): boolean {
  let chars = 0;
  let values = 0;
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++values > budget.values || depth > budget.depth) return false;
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > budget.chars) return false;
    } else if (Array.isArray(value)) {
      if (values + value.length > budget.values) return false;
      for (const item of value) stack.push([item, depth + 1]);
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        chars += key.length;
        if (chars > budget.chars || values + stack.length > budget.values) return false;
        stack.push([(value as Rec)[key], depth + 1]);
      }
    }
  }
  return true;
}

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isOffset = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const BLOCK_KINDS: readonly string[] = ['title', 'heading', 'paragraph', 'list-item'];
const HIGHLIGHT_MODES: readonly string[] = ['highlight-api', 'overlay', 'none'];

/** Whether v is an AdSource within the size limits, with blocks inside its text and in order. */
export function validSource(v: unknown): v is AdSource {
  if (!isRec(v) || !isStr(v.text, LIMITS.text)) return false;
  const length = v.text.length;
  if (!Array.isArray(v.blocks) || v.blocks.length > LIMITS.blocks) return false;
  let previousEnd = 0;
  for (const b of v.blocks as unknown[]) {
    if (!isRec(b) || typeof b.kind !== 'string' || !BLOCK_KINDS.includes(b.kind) || !isOffset(b.level, 6)) return false;
    if (!isOffset(b.start, length) || !isOffset(b.end, length) || b.start < previousEnd || b.end < b.start) return false;
    previousEnd = b.end;
  }
  if (!Array.isArray(v.jobPostings) || v.jobPostings.length > LIMITS.jobPostings || !v.jobPostings.every(isRec)) return false;
  return v.listingHint === undefined || typeof v.listingHint === 'boolean';
}

/** The content script's page message, or null when anything about it is off (size, depth, shape). */
export function parsePageMessage(v: unknown): PageMessage | null {
  if (!isRec(v) || v.type !== MSG.page || !withinBudget(v)) return null;
  if (!isStr(v.url, 4096) || !/^https?:\/\//.test(v.url) || !isStr(v.pageTitle, 1000)) return null;
  const h = v.highlights;
  if (!isRec(h) || !isOffset(h.count, 1_000_000) || typeof h.mode !== 'string' || !HIGHLIGHT_MODES.includes(h.mode)) return null;
  if (v.truncated !== undefined && typeof v.truncated !== 'boolean') return null;
  if (!validSource(v.source)) return null;
  const info = v.info === undefined ? undefined : parsePageInfo(v.info);
  if (info === null) return null;
  return {
    type: MSG.page,
    url: v.url,
    pageTitle: v.pageTitle,
    source: v.source,
    highlights: { count: h.count, mode: h.mode as HighlightMode },
    ...(v.truncated ? { truncated: true } : {}),
    ...(info ? { info } : {}),
  };
}

export function parseGetTabState(v: unknown): GetTabStateMessage | null {
  if (!isRec(v) || v.type !== MSG.getTabState) return null;
  if (typeof v.tabId !== 'number' || !Number.isInteger(v.tabId) || v.tabId < 0 || typeof v.inject !== 'boolean') return null;
  if (v.after !== undefined && !isStr(v.after, 100)) return null;
  return { type: MSG.getTabState, tabId: v.tabId, inject: v.inject, ...(v.after !== undefined ? { after: v.after } : {}) };
}

export function parseSiteMessage(v: unknown): SiteMessage | null {
  if (!isRec(v) || (v.type !== MSG.enableSite && v.type !== MSG.disableSite)) return null;
  const origin = siteOrigin(v.origin);
  return origin ? { type: v.type, origin } : null;
}

export function parseDeleteAll(v: unknown): DeleteAllMessage | null {
  return isRec(v) && v.type === MSG.deleteAll ? { type: MSG.deleteAll } : null;
}

/** "https://example.no" for an https URL or origin; null for anything else ("always on this site" is https only). */
export function siteOrigin(v: unknown): string | null {
  if (!isStr(v, 4096)) return null;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** A content script of ours, in a web page's tab. */
export function isOwnContentScript(sender: SenderLike, runtimeId: string): sender is SenderLike & { tab: { id: number } } {
  return sender.id === runtimeId && typeof sender.tab?.id === 'number' && sender.tab.id >= 0 && (sender.url === undefined || /^https?:\/\//.test(sender.url));
}

/** One of our own pages (popup, options): same id, URL under our origin. */
export function isOwnPage(sender: SenderLike, runtimeId: string, extensionOrigin: string): boolean {
  return sender.id === runtimeId && sender.url !== undefined && sender.url.startsWith(extensionOrigin);
}
