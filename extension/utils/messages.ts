import type { AdReading, AdSource, Verdict } from '../../shared/index.ts';
import type { HighlightMode } from './highlight.ts';
import { type PageInfo, parsePageInfo } from './page-info.ts';

/**
 * Messages between the extension's contexts, and a small hand-written validator for the one
 * that carries page-derived data (content script → background). Not zod: this code path ships
 * in the background next to the content script's contract and must stay tiny.
 */
export const MSG = {
  /** content → background: the page's text as an AdSource (the background reads and judges it). */
  page: 'sekretaersjekk:page',
  /** popup → background: the state for a tab (injecting the content script if needed). */
  getTabState: 'sekretaersjekk:get-tab-state',
  /** background → popup (broadcast): a tab's state changed. */
  tabState: 'sekretaersjekk:tab-state',
  /** popup/options → background: run the content script on this origin from now on (permission already granted). */
  enableSite: 'sekretaersjekk:enable-site',
  /** popup/options → background: stop doing that. */
  disableSite: 'sekretaersjekk:disable-site',
} as const;

/**
 * The content script sends the page's AdSource, not an AdReading: the reader (readAd, ~47 KB
 * minified) runs in the background so the content script stays small (≤ 30 KB).
 */
export interface PageMessage {
  type: typeof MSG.page;
  url: string;
  pageTitle: string;
  source: AdSource;
  highlights: { count: number; mode: HighlightMode };
  /** Which adapter read the page and what kind of page it is (page-info.ts). */
  info?: PageInfo;
}

export interface GetTabStateMessage {
  type: typeof MSG.getTabState;
  tabId: number;
  /** Inject the content script when the tab has no state yet (the popup was opened by a click: activeTab). */
  inject: boolean;
}

export interface SiteMessage {
  type: typeof MSG.enableSite | typeof MSG.disableSite;
  origin: string;
}

export type ProfileStatus = 'ok' | 'missing';

/** What the background knows about a tab. Plain data (kept in storage.session). */
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
  /** What the content script said about the page (adapter, ad/listing/not-ad, listing items, adapter miss). */
  info?: PageInfo;
  /** The frame the reading came from (0: the top frame; an ad embedded in an iframe otherwise). */
  frameId?: number;
}

/** Where the background keeps a tab's state in storage.session (the popup reads it there first). */
export const TAB_STATE_AREA_KEY = (tabId: number) => `tab-${tabId}` as const;

export type TabStateResponse =
  | { ok: true; state: TabState }
  | { ok: false; reason: 'restricted' | 'no-reading' | 'bad-request' };

export interface TabStateBroadcast {
  type: typeof MSG.tabState;
  tabId: number;
  state: TabState | null;
}

// ---------------------------------------------------------------------------------------------
// Validation (untrusted: a page can't send us messages directly, but a confused content script
// could send anything, and the text and JSON-LD in it come from the page; never trust shapes or sizes).

type Rec = Record<string, unknown>;
export const LIMITS = { text: 500_000, blocks: 50_000, jobPostings: 10, jobPostingsJson: 1_000_000 } as const;

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
  try {
    if (JSON.stringify(v.jobPostings).length > LIMITS.jobPostingsJson) return false;
  } catch {
    return false;
  }
  return v.listingHint === undefined || typeof v.listingHint === 'boolean';
}

/** The content script's page message, or null when anything about it is off. */
export function parsePageMessage(v: unknown): PageMessage | null {
  if (!isRec(v) || v.type !== MSG.page) return null;
  if (!isStr(v.url, 4096) || !/^https?:\/\//.test(v.url) || !isStr(v.pageTitle, 1000)) return null;
  const h = v.highlights;
  if (!isRec(h) || !isOffset(h.count, 1_000_000) || typeof h.mode !== 'string' || !HIGHLIGHT_MODES.includes(h.mode)) return null;
  if (!validSource(v.source)) return null;
  const info = v.info === undefined ? undefined : parsePageInfo(v.info);
  if (info === null) return null;
  return { type: MSG.page, url: v.url, pageTitle: v.pageTitle, source: v.source, highlights: { count: h.count, mode: h.mode as HighlightMode }, ...(info ? { info } : {}) };
}

export function parseGetTabState(v: unknown): GetTabStateMessage | null {
  if (!isRec(v) || v.type !== MSG.getTabState) return null;
  if (typeof v.tabId !== 'number' || !Number.isInteger(v.tabId) || v.tabId < 0 || typeof v.inject !== 'boolean') return null;
  return { type: MSG.getTabState, tabId: v.tabId, inject: v.inject };
}

export function parseSiteMessage(v: unknown): SiteMessage | null {
  if (!isRec(v) || (v.type !== MSG.enableSite && v.type !== MSG.disableSite)) return null;
  const origin = siteOrigin(v.origin);
  return origin ? { type: v.type, origin } : null;
}

/** "https://example.no" for an http(s) URL or origin; null for anything else. */
export function siteOrigin(v: unknown): string | null {
  if (!isStr(v, 4096)) return null;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
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

/** A content script of ours, in a tab. */
export function isOwnContentScript(sender: SenderLike, runtimeId: string): sender is SenderLike & { tab: { id: number } } {
  return sender.id === runtimeId && typeof sender.tab?.id === 'number' && sender.tab.id >= 0;
}

/** One of our own pages (popup, options): same id, not in a web page's tab, URL under our origin. */
export function isOwnPage(sender: SenderLike, runtimeId: string, extensionOrigin: string): boolean {
  if (sender.id !== runtimeId) return false;
  if (sender.url !== undefined && !sender.url.startsWith(extensionOrigin)) return false;
  return sender.tab === undefined || (sender.url !== undefined && sender.url.startsWith(extensionOrigin));
}
