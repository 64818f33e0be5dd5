import { browser } from 'wxt/browser';
import { TAB_STATE_AREA_KEY, type TabState } from '../../utils/messages.ts';
import { applyBadge } from './badge.ts';

/**
 * The latest state per tab: in memory, mirrored to storage.session (so the popup paints at once
 * even after the service worker slept), shown on the tab's badge. Bounded: each state is clamped
 * (strings, lists) before it is kept, and at most MAX_TABS tabs are kept (the least recently
 * updated go first). Each change bumps the tab's revision, which the popup's long-poll waits on.
 */
export const MAX_TABS = 100;
/** Longest string and list a kept state holds (quotes are sentences; mentions and traces are short lists). */
const MAX_STRING = 2000;
const MAX_LIST = 100;

/** A copy of a state with every string and list clamped, so that one page cannot fill storage.session. */
export function boundState(state: TabState): TabState {
  const clamp = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
    if (depth > 12 || typeof v !== 'object' || v === null) return typeof v === 'object' ? null : v;
    if (Array.isArray(v)) return v.slice(0, MAX_LIST).map((x) => clamp(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = clamp(x, depth + 1);
    return out;
  };
  return clamp(state, 0) as TabState;
}

export class TabStates {
  private readonly states = new Map<number, TabState>();
  private readonly revisions = new Map<number, number>();
  private readonly waiters = new Map<number, Set<() => void>>();
  /** Revisions are only compared within one life of the worker. */
  private readonly boot = Math.random().toString(36).slice(2, 10);

  async get(tabId: number): Promise<TabState | null> {
    const inMemory = this.states.get(tabId);
    if (inMemory) return inMemory;
    try {
      const key = TAB_STATE_AREA_KEY(tabId);
      const stored = (await browser.storage.session.get(key))[key] as TabState | undefined;
      if (stored && typeof stored === 'object' && stored.tabId === tabId) {
        this.states.set(tabId, stored);
        return stored;
      }
    } catch {
      // storage.session missing (very old browser): memory only.
    }
    return null;
  }

  /** The state kept in memory for a tab, without looking in storage.session. */
  peek(tabId: number): TabState | undefined {
    return this.states.get(tabId);
  }

  async set(tabId: number, state: TabState | null): Promise<void> {
    const kept = state ? boundState(state) : null;
    this.states.delete(tabId);
    if (kept) this.states.set(tabId, kept);
    const evicted: number[] = [];
    while (this.states.size > MAX_TABS) {
      const oldest = this.states.keys().next().value as number;
      this.states.delete(oldest);
      evicted.push(oldest);
    }
    try {
      const key = TAB_STATE_AREA_KEY(tabId);
      if (kept) await browser.storage.session.set({ [key]: kept });
      else await browser.storage.session.remove(key);
      if (evicted.length > 0) await browser.storage.session.remove(evicted.map(TAB_STATE_AREA_KEY));
    } catch {
      // storage.session missing or full: memory only.
    }
    await applyBadge(tabId, kept);
    for (const id of evicted) await applyBadge(id, null);
    this.bump(tabId);
  }

  /** Forgets a closed tab (no badge to clear). */
  async forget(tabId: number): Promise<void> {
    this.states.delete(tabId);
    this.revisions.delete(tabId);
    await browser.storage.session.remove(TAB_STATE_AREA_KEY(tabId)).catch(() => undefined);
  }

  /** Every tab's state gone: memory, storage.session, and the badge of every open tab. */
  async clearAll(): Promise<void> {
    const known = [...this.states.keys()];
    this.states.clear();
    await browser.storage.session.clear().catch(() => undefined);
    const open = await browser.tabs.query({}).catch(() => []);
    const ids = new Set([...known, ...open.map((t) => t.id).filter((id): id is number => typeof id === 'number')]);
    for (const id of ids) {
      await applyBadge(id, null);
      this.bump(id);
    }
  }

  /** The states kept in memory (for re-judging when the profile changes). */
  all(): TabState[] {
    return [...this.states.values()];
  }

  revision(tabId: number): string {
    return `${this.boot}:${this.revisions.get(tabId) ?? 0}`;
  }

  /** Resolves when the tab's state changes, or after `ms`. */
  changed(tabId: number, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(tabId) ?? new Set();
      const done = (): void => {
        clearTimeout(timer);
        set.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
      this.waiters.set(tabId, set);
    });
  }

  private bump(tabId: number): void {
    this.revisions.set(tabId, (this.revisions.get(tabId) ?? 0) + 1);
    const set = this.waiters.get(tabId);
    if (!set) return;
    this.waiters.delete(tabId);
    for (const done of set) done();
  }
}
