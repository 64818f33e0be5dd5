import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { fit, readAd, type Profile, type Rules, type Verdict, type VerdictKind } from '../../shared/index.ts';
import { boardTexts } from './board-texts.ts';
import { withPageKind } from './page-kind.ts';
import { type Lang, messages, uiLang } from './i18n.ts';
import {
  MSG,
  type PageMessage,
  TAB_STATE_AREA_KEY,
  type SenderLike,
  type TabState,
  type TabStateBroadcast,
  type TabStateResponse,
  isOwnContentScript,
  isOwnPage,
  parseGetTabState,
  parsePageMessage,
  parseSiteMessage,
} from './messages.ts';
import { alwaysSitesItem, loadProfile, profileItem, sitesPermissionRemovedItem } from './storage.ts';

/**
 * The background's work: read the AdSources content scripts send (readAd), judge them against the profile,
 * keep the latest state per tab (memory + storage.session, so the popup renders at once even
 * after the service worker slept), set the toolbar badge, and manage "always on this site".
 */

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
const INJECT_WAIT_MS = 2500;

/** The bundled rules (set by startBackground; tests pass their own). */
let rules: Rules = { facts: [], parameters: [], routes: [] };
export function useRules(bundled: Rules): void {
  rules = bundled;
}

const states = new Map<number, TabState>();
const waiters = new Map<number, ((state: TabState | null) => void)[]>();

const sessionKey = (tabId: number) => `session:${TAB_STATE_AREA_KEY(tabId)}` as const;

/** Today's date where the reader is (rules change on calendar dates, not UTC instants). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function judge(profile: Profile | null, state: Pick<TabState, 'reading'>, asOf = todayIso()): Verdict | null {
  const { reading } = state;
  if (!profile || !reading.isTargetJob || reading.listing) return null;
  try {
    return fit(profile, reading, asOf, rules);
  } catch (error) {
    console.error('Sekretærsjekk: fit failed', error);
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Badge

const BADGE: Record<VerdictKind | 'no-profile', { text: string; color: string }> = {
  fits: { text: '✓', color: '#1a7f37' },
  'fits-with-caveats': { text: '!', color: '#9a6700' },
  'not-yet': { text: '✗', color: '#c62828' },
  'cannot-tell': { text: '?', color: '#5f6368' },
  // Not "cannot tell": an ad was found and a few answers would give a verdict.
  'no-profile': { text: '…', color: '#0b57d0' },
};

export function badgeFor(state: TabState | null, lang: Lang = uiLang()): { text: string; color: string; title: string } {
  const t = messages(lang).badge;
  const matching = state?.info?.kind === 'listing' ? (state.info.items?.length ?? 0) : 0;
  if (matching > 0) return { text: String(matching), color: '#1f5fa8', title: boardTexts(lang).badgeListing(matching) };
  if (!state || !state.reading.isTargetJob || state.reading.listing) return { text: '', color: '#5f6368', title: t.none };
  if (state.profile === 'missing') return { ...BADGE['no-profile'], title: t.noProfile };
  if (!state.verdict) return { ...BADGE['cannot-tell'], title: t['cannot-tell'] };
  return { ...BADGE[state.verdict.verdict], title: t[state.verdict.verdict] };
}

async function applyBadge(tabId: number, state: TabState | null): Promise<void> {
  const badge = badgeFor(state);
  try {
    await browser.action.setBadgeText({ tabId, text: badge.text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await browser.action.setTitle({ tabId, title: badge.title });
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // The tab closed meanwhile.
  }
}

// ---------------------------------------------------------------------------------------------
// Tab state

async function storeState(tabId: number, state: TabState | null): Promise<void> {
  if (state) states.set(tabId, state);
  else states.delete(tabId);
  try {
    if (state) await storage.setItem(sessionKey(tabId), state);
    else await storage.removeItem(sessionKey(tabId));
  } catch {
    // storage.session missing (very old browser): memory only.
  }
  await applyBadge(tabId, state);
  const broadcast: TabStateBroadcast = { type: MSG.tabState, tabId, state };
  browser.runtime.sendMessage(broadcast).catch(() => {
    // No popup open.
  });
}

export async function stateFor(tabId: number): Promise<TabState | null> {
  const inMemory = states.get(tabId);
  if (inMemory) return inMemory;
  try {
    const stored = await storage.getItem<TabState>(sessionKey(tabId));
    if (stored) states.set(tabId, stored);
    return stored;
  } catch {
    return null;
  }
}

/** Something to show: an ad of the three jobs, or a listing. */
const shows = (state: TabState): boolean => state.reading.isTargetJob || state.reading.listing;

export async function handlePage(message: PageMessage, tabId: number, frameId = 0): Promise<TabState> {
  const { profile } = await loadProfile();
  const { source: _source, ...reading } = readAd(message.source);
  // The content script knows the page kind: a listing's or a non-ad page's text gets no verdict.
  const info = message.info && withPageKind(message.info, message.source);
  if (info?.kind === 'listing') Object.assign(reading, { listing: true, isTargetJob: false });
  if (info?.kind === 'not-ad') reading.isTargetJob = false;
  const base = { tabId, url: message.url, pageTitle: message.pageTitle, reading, highlights: message.highlights };
  const state: TabState = {
    ...base,
    verdict: judge(profile, base),
    profile: profile ? 'ok' : 'missing',
    updatedAt: Date.now(),
    ...(info ? { info } : {}),
    frameId,
  };
  // An ad embedded in a frame (a kommune page showing a Webcruiter ad) is the tab's ad: another
  // frame with nothing to show does not replace it.
  const previous = await stateFor(tabId);
  if (previous && (previous.frameId ?? 0) !== frameId && shows(previous) && !shows(state)) return previous;
  await storeState(tabId, state);
  for (const resolve of waiters.get(tabId) ?? []) resolve(state);
  waiters.delete(tabId);
  return state;
}

/** Re-judges a stored state with the current profile (it may have changed since). */
async function rejudge(state: TabState): Promise<TabState> {
  const { profile } = await loadProfile();
  const verdict = judge(profile, state);
  const status = profile ? 'ok' : 'missing';
  if (status === state.profile && JSON.stringify(verdict) === JSON.stringify(state.verdict)) return state;
  const next: TabState = { ...state, verdict, profile: status, updatedAt: Date.now() };
  await storeState(state.tabId, next);
  return next;
}

function waitForState(tabId: number, ms: number): Promise<TabState | null> {
  return new Promise((resolve) => {
    const list = waiters.get(tabId) ?? [];
    const timer = setTimeout(() => resolve(null), ms);
    list.push((state) => {
      clearTimeout(timer);
      resolve(state);
    });
    waiters.set(tabId, list);
  });
}

export async function getTabState(tabId: number, inject: boolean): Promise<TabStateResponse> {
  let state = await stateFor(tabId);
  if (!state && inject) {
    const arrival = waitForState(tabId, INJECT_WAIT_MS);
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    } catch {
      waiters.delete(tabId);
      return { ok: false, reason: 'restricted' };
    }
    state = await arrival;
  }
  if (!state) return { ok: false, reason: 'no-reading' };
  return { ok: true, state: await rejudge(state) };
}

// ---------------------------------------------------------------------------------------------
// "Always on this site": a runtime-registered content script per origin the reader granted.

const scriptId = (origin: string) => `site:${origin}`;
const patternFor = (origin: string) => `${origin}/*`;

export async function enableSite(origin: string): Promise<boolean> {
  if (!(await browser.permissions.contains({ origins: [patternFor(origin)] }))) return false;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      { id: scriptId(origin), matches: [patternFor(origin)], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  const sites = await alwaysSitesItem.getValue();
  if (!sites.includes(origin)) await alwaysSitesItem.setValue([...sites, origin]);
  return true;
}

export async function disableSite(origin: string): Promise<boolean> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [scriptId(origin)] });
  const sites = await alwaysSitesItem.getValue();
  await alwaysSitesItem.setValue(sites.filter((s) => s !== origin));
  try {
    await browser.permissions.remove({ origins: [patternFor(origin)] });
  } catch {
    // Already gone.
  }
  return true;
}

/** Registered scripts = stored sites with a granted permission (after restarts, permission changes, data deletion). */
export async function syncSiteScripts(): Promise<void> {
  const sites = await alwaysSitesItem.getValue();
  const kept: string[] = [];
  for (const origin of sites) {
    if (await browser.permissions.contains({ origins: [patternFor(origin)] })) kept.push(origin);
  }
  if (kept.length !== sites.length) {
    await alwaysSitesItem.setValue(kept);
    const removed = await sitesPermissionRemovedItem.getValue();
    await sitesPermissionRemovedItem.setValue([...new Set([...removed, ...sites.filter((s) => !kept.includes(s))])]);
  }
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = registered.filter((s) => s.id.startsWith('site:') && !kept.includes(s.id.slice('site:'.length))).map((s) => s.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  for (const origin of kept) await enableSite(origin);
}

// ---------------------------------------------------------------------------------------------
// Messages

/** Routes one message; undefined for messages that are not ours or fail the sender check. */
export function routeMessage(message: unknown, sender: SenderLike): Promise<unknown> | undefined {
  const runtimeId = browser.runtime.id;
  const page = parsePageMessage(message);
  if (page) {
    return isOwnContentScript(sender, runtimeId) ? handlePage(page, sender.tab.id, sender.frameId ?? 0) : undefined;
  }
  const ownPage = isOwnPage(sender, runtimeId, browser.runtime.getURL('/'));
  const get = parseGetTabState(message);
  if (get) return ownPage ? getTabState(get.tabId, get.inject) : undefined;
  const site = parseSiteMessage(message);
  if (site) {
    if (!ownPage) return undefined;
    return site.type === MSG.enableSite ? enableSite(site.origin) : disableSite(site.origin);
  }
  return undefined;
}

export function startBackground(bundled: Rules): void {
  useRules(bundled);
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    const reply = routeMessage(message, sender);
    if (!reply) return undefined;
    reply.then(sendResponse, (error: unknown) => {
      console.error('Sekretærsjekk:', error);
      sendResponse({ ok: false, reason: 'bad-request' });
    });
    return true;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    states.delete(tabId);
    void storage.removeItem(sessionKey(tabId)).catch(() => undefined);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document (or an SPA route): the old reading is stale; the content script reports again.
    if (change.status !== 'loading') return;
    void stateFor(tabId).then((state) => (state ? storeState(tabId, null) : undefined));
  });

  profileItem.watch(() => {
    for (const state of states.values()) void rejudge(state);
  });

  browser.permissions.onRemoved.addListener(() => void syncSiteScripts());
  // Firefox may close the popup while its permission prompt is open, so the popup's own
  // "enable" message never comes: a granted origin (ours to ask for) is enabled here as well.
  browser.permissions.onAdded.addListener((granted) => {
    for (const pattern of granted.origins ?? []) {
      const origin = /^(https?:\/\/[^/*]+)\/\*$/.exec(pattern)?.[1];
      if (origin) void enableSite(origin);
    }
  });
  browser.runtime.onStartup.addListener(() => void syncSiteScripts());
  browser.runtime.onInstalled.addListener((details) => {
    void syncSiteScripts();
    // First install: the bundled welcome page (what the extension does, the first questions).
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
}
