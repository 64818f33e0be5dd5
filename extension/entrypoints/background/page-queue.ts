/**
 * Per-tab rate limit and coalescing for page reports, so that one tab cannot starve the others:
 * - a tab has at most one report waiting; a newer one replaces it (only the latest page matters);
 * - a tab's next report is handled no sooner than MIN_GAP_MS after the previous one ended, and no
 *   sooner than COST_FACTOR times the work the previous one took — a tab whose pages are expensive
 *   to read gets at most about 1 / (COST_FACTOR + 1) of the worker;
 * - the first report of a quiet tab is handled at once.
 * `work` returns the milliseconds of (synchronous) work it did.
 */
export const MIN_GAP_MS = 250;
export const COST_FACTOR = 30;

interface Entry<T> {
  pending: T | null;
  running: boolean;
  notBefore: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class PageQueue<T> {
  private readonly entries = new Map<number, Entry<T>>();

  constructor(
    private readonly work: (tabId: number, item: T) => Promise<number>,
    private readonly now: () => number = Date.now,
  ) {}

  push(tabId: number, item: T): void {
    let entry = this.entries.get(tabId);
    if (!entry) {
      entry = { pending: null, running: false, notBefore: 0, timer: undefined };
      this.entries.set(tabId, entry);
    }
    entry.pending = item;
    this.schedule(tabId, entry);
  }

  /** Drops what a tab has waiting (closed tab, gone content script, data deleted). */
  drop(tabId?: number): void {
    for (const [id, entry] of this.entries) {
      if (tabId !== undefined && id !== tabId) continue;
      clearTimeout(entry.timer);
      entry.timer = undefined;
      entry.pending = null;
      if (!entry.running) this.entries.delete(id);
    }
  }

  /** How many reports are waiting (for tests). */
  get waiting(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.pending !== null) n++;
    return n;
  }

  private schedule(tabId: number, entry: Entry<T>): void {
    if (entry.running || entry.timer !== undefined || entry.pending === null) return;
    const wait = entry.notBefore - this.now();
    if (wait > 0) {
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        void this.run(tabId, entry);
      }, wait);
    } else {
      void this.run(tabId, entry);
    }
  }

  private async run(tabId: number, entry: Entry<T>): Promise<void> {
    const item = entry.pending;
    if (item === null) return;
    entry.pending = null;
    entry.running = true;
    let cost = 0;
    try {
      cost = await this.work(tabId, item);
    } catch (error) {
      console.error('Sekretærsjekk:', error);
    } finally {
      entry.running = false;
      entry.notBefore = this.now() + Math.max(MIN_GAP_MS, cost * COST_FACTOR);
      if (entry.pending !== null) this.schedule(tabId, entry);
      else if (this.entries.get(tabId) === entry && entry.timer === undefined) {
        // Keep the entry (its notBefore) until the gap has passed, then forget it.
        entry.timer = setTimeout(() => {
          entry.timer = undefined;
          if (entry.pending === null && !entry.running) this.entries.delete(tabId);
          else this.schedule(tabId, entry);
        }, Math.max(0, entry.notBefore - this.now()));
      }
    }
  }
}
