import { browser } from 'wxt/browser';
import type { Rules } from '../../../shared/index.ts';
import {
  MSG,
  PAGE_PORT,
  type PageMessage,
  type SenderLike,
  type TabState,
  type TabStateResponse,
  isOwnContentScript,
  isOwnPage,
  parseDeleteAll,
  parseGetTabState,
  parsePageMessage,
  parseSiteMessage,
} from '../../utils/messages.ts';
import { loadProfile } from '../../utils/storage.ts';
import { deleteStored } from './delete-all.ts';
import { judge, readSource } from './judge.ts';
import { PageQueue } from './page-queue.ts';
import { CONTENT_SCRIPT_FILE, disableSite, enableSite } from './sites.ts';
import { TabStates } from './tab-state.ts';

/**
 * The background's message router, built around the rules it judges with (passed in: the bundled
 * rules in the extension, test rules in tests).
 *
 * - Content scripts report over a port (PAGE_PORT); the tab is the port's sender. Reports go
 *   through a per-tab queue (rate limit, coalescing); nothing is sent back. When the port that
 *   reported a tab's current state closes, the state and badge are cleared.
 * - Our own pages ask with runtime.sendMessage and get a reply; anyone else gets none.
 */
const INJECT_WAIT_MS = 2500;
/** How long a popup's "tell me when this changes" request is held before it is answered anyway. */
export const LONG_POLL_MS = 20_000;

/** The part of runtime.Port the router uses (tests pass their own). */
export interface PortLike {
  name: string;
  sender?: SenderLike;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

interface Reporter {
  alive: boolean;
  frameId: number;
}

/** Something to show: an ad of the three jobs, or a listing. */
const shows = (state: TabState): boolean => state.reading.isTargetJob || state.reading.listing;

export interface Background {
  tabs: TabStates;
  /** runtime.onMessage: a reply promise for our own pages' requests, undefined for anything else. */
  route(message: unknown, sender: SenderLike): Promise<unknown> | undefined;
  /** runtime.onConnect. */
  connect(port: PortLike): void;
  /** Re-judges every kept state (the profile changed). */
  rejudgeAll(): Promise<void>;
  /** Resolves when no report is being handled or waiting (tests). */
  idle(): Promise<void>;
  forgetTab(tabId: number): Promise<void>;
}

export function createBackground(rules: Rules): Background {
  const tabs = new TabStates();
  const reporters = new Map<number, Reporter>();
  const running = new Set<Promise<number>>();

  async function handlePage(tabId: number, { page, reporter }: { page: PageMessage; reporter: Reporter }): Promise<number> {
    if (!reporter.alive) return 0;
    const { profile } = await loadProfile();
    const started = performance.now();
    const { reading, info } = readSource(page.source, page.info);
    const verdict = judge(rules, profile, reading);
    const cost = performance.now() - started;
    if (!reporter.alive) return cost;
    const state: TabState = {
      tabId,
      url: page.url,
      pageTitle: page.pageTitle,
      reading,
      highlights: page.highlights,
      verdict,
      profile: profile ? 'ok' : 'missing',
      updatedAt: Date.now(),
      ...(page.truncated ? { truncated: true } : {}),
      ...(info ? { info } : {}),
      frameId: reporter.frameId,
    };
    // An ad embedded in a frame (a kommune page showing a Webcruiter ad) is the tab's ad: another
    // frame with nothing to show does not replace it.
    const previous = await tabs.get(tabId);
    if (previous && (previous.frameId ?? 0) !== reporter.frameId && shows(previous) && !shows(state)) return cost;
    reporters.set(tabId, reporter);
    await tabs.set(tabId, state);
    return cost;
  }

  const queue = new PageQueue<{ page: PageMessage; reporter: Reporter }>((tabId, item) => {
    const work = handlePage(tabId, item);
    running.add(work);
    return work.finally(() => running.delete(work));
  });

  async function rejudge(state: TabState): Promise<TabState> {
    const { profile } = await loadProfile();
    const verdict = judge(rules, profile, state.reading);
    const status = profile ? 'ok' : 'missing';
    // Replaced or cleared meanwhile (a newer report, the tab navigated, all data deleted): leave it.
    if (tabs.peek(state.tabId) !== state) return tabs.peek(state.tabId) ?? state;
    if (status === state.profile && JSON.stringify(verdict) === JSON.stringify(state.verdict)) return state;
    const next: TabState = { ...state, verdict, profile: status, updatedAt: Date.now() };
    await tabs.set(state.tabId, next);
    return next;
  }

  async function getTabState(tabId: number, inject: boolean, after: string | undefined): Promise<TabStateResponse> {
    let state = await tabs.get(tabId);
    if (after !== undefined && after === tabs.revision(tabId)) {
      await tabs.changed(tabId, LONG_POLL_MS);
      state = await tabs.get(tabId);
    } else if (!state && inject) {
      const arrival = tabs.changed(tabId, INJECT_WAIT_MS);
      try {
        await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
      } catch {
        return { ok: false, reason: 'restricted', revision: tabs.revision(tabId) };
      }
      await arrival;
      state = await tabs.get(tabId);
    }
    if (!state) return { ok: false, reason: 'no-reading', revision: tabs.revision(tabId) };
    const judged = await rejudge(state);
    return { ok: true, state: judged, revision: tabs.revision(tabId) };
  }

  async function deleteAll(): Promise<{ ok: true }> {
    queue.drop();
    for (const reporter of reporters.values()) reporter.alive = false;
    reporters.clear();
    // States first (so that re-judging on the profile's removal finds none), then storage, then
    // the states once more (anything that was on its way in meanwhile).
    await tabs.clearAll();
    await deleteStored();
    await tabs.clearAll();
    return { ok: true };
  }

  return {
    tabs,
    route(message, sender) {
      if (!isOwnPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
      const get = parseGetTabState(message);
      if (get) return getTabState(get.tabId, get.inject, get.after);
      const site = parseSiteMessage(message);
      if (site) return site.type === MSG.enableSite ? enableSite(site.origin) : disableSite(site.origin);
      if (parseDeleteAll(message)) return deleteAll();
      return undefined;
    },
    connect(port) {
      if (port.name !== PAGE_PORT) return;
      const sender = port.sender ?? {};
      if (!isOwnContentScript(sender, browser.runtime.id)) {
        port.disconnect();
        return;
      }
      const tabId = sender.tab.id;
      const reporter: Reporter = { alive: true, frameId: sender.frameId ?? 0 };
      port.onMessage.addListener((message) => {
        const page = parsePageMessage(message);
        if (page && reporter.alive) queue.push(tabId, { page, reporter });
      });
      port.onDisconnect.addListener(() => {
        reporter.alive = false;
        if (reporters.get(tabId) !== reporter) return;
        reporters.delete(tabId);
        void tabs.set(tabId, null);
      });
    },
    async rejudgeAll() {
      for (const state of tabs.all()) await rejudge(state);
    },
    async idle() {
      while (running.size > 0 || queue.waiting > 0) {
        const tick = new Promise((resolve) => setTimeout(resolve, 20));
        await (running.size > 0 ? Promise.race([Promise.allSettled([...running]), tick]) : tick);
      }
    },
    async forgetTab(tabId) {
      queue.drop(tabId);
      reporters.delete(tabId);
      await tabs.forget(tabId);
    },
  };
}
