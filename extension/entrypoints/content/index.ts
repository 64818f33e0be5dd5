import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BOARD_MATCHES, adapterForUrl } from '../../adapters/index.ts';
import { clearHighlights, isOverlayNode } from '../../utils/highlight.ts';
import { MSG, PAGE_PORT, type PageMessage } from '../../utils/messages.ts';
import { findTitleMentions, highlightMentions, scanPage } from '../../utils/scan.ts';
import { READ_LIMITS, fitMessage } from './budget.ts';

/**
 * Runs on the job boards (manifest matches), on sites the reader enabled ("always on this site",
 * registered at runtime), and on any page the reader opens the popup on (injected via activeTab).
 * Reads the ad's text (an AdSource), highlights title mentions, and reports the AdSource to the
 * background over a port, which runs the reader and the verdict. It receives nothing back (the
 * page's renderer never holds the profile or a verdict) and uses no storage. It never changes the
 * page's DOM tree except for the overlay fallback's one shadow host.
 *
 * Its life is its own, not the page's: WXT's "script started" announcement to the page is off
 * (noScriptStartedPostMessage), and the script stops only when a newer copy of itself starts in
 * this isolated world or the extension is gone — not on any event a page can dispatch.
 */
export default defineContentScript({
  matches: BOARD_MATCHES,
  // Webcruiter and HR Manager ads are embedded in iframes on employers' sites; in a frame, only
  // those boards' pages are read (Board.allFrames).
  allFrames: true,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main() {
    if (window !== window.top && adapterForUrl(location.href)?.allFrames !== true) return;
    watchPage();
  },
});

/** Quiet time after the last change before rescanning; and the longest a busy page can delay it. */
const DEBOUNCE_MS = 300;
const MAX_WAIT_MS = 2000;
/** How often the URL is compared (single-page apps change it without a reload). */
const URL_CHECK_MS = 1000;

/** The running copy's stop function, on the isolated world's global (pages cannot see it). */
const INSTANCE_KEY = '__sekretaersjekkStop';
type WithInstance = typeof globalThis & { [INSTANCE_KEY]?: () => void };

function watchPage(): void {
  const global = globalThis as WithInstance;
  global[INSTANCE_KEY]?.();
  let stopped = false;
  let lastReport = '';
  let lastUrl = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  let port: Browser.runtime.Port | null = null;

  const extensionGone = (): boolean => {
    try {
      return !browser.runtime?.id;
    } catch {
      return true;
    }
  };

  const send = (message: PageMessage): void => {
    try {
      if (!port) {
        const opened = browser.runtime.connect({ name: PAGE_PORT });
        opened.onDisconnect.addListener(() => {
          if (port === opened) port = null;
          // The worker restarted (it reads the next change) or the extension is gone (stop).
          lastReport = '';
          if (extensionGone()) stop();
        });
        port = opened;
      }
      port.postMessage(message);
    } catch {
      port = null;
      lastReport = '';
      if (extensionGone()) stop();
    }
  };

  let runs = 0;
  /** One pass, in two slices with the page's own work in between: reading (capped), then highlighting. */
  const run = async (): Promise<void> => {
    timer = undefined;
    firstPending = 0;
    if (stopped) return;
    if (extensionGone()) {
      stop();
      return;
    }
    const pass = ++runs;
    lastUrl = location.href;
    const scan = scanPage(document, new URL(location.href), { maxChars: READ_LIMITS.chars, maxNodes: READ_LIMITS.nodes });
    // No ad on the page: nothing to say — unless one was reported before (the page swapped it
    // away), which must not stay on the badge.
    if (!scan && lastReport === '') return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (stopped || pass !== runs) return;
    const highlights = scan ? highlightMentions(document, scan.dom, findTitleMentions(scan.dom.text)) : { count: 0, mode: 'none' as const };
    const source = scan?.source ?? { text: '', blocks: [], jobPostings: [] };
    const message = fitMessage({
      type: MSG.page,
      url: location.href,
      pageTitle: document.title.slice(0, 300),
      source,
      highlights,
      ...(scan ? { info: scan.info } : {}),
      ...(scan?.dom.truncated ? { truncated: true } : {}),
    });
    // Report only what changed: pages mutate all the time (clocks, carousels) without changing the ad.
    const key = `${message.url}\n${highlights.count}\n${JSON.stringify(message.info)}\n${source.jobPostings.length}\n${message.source.text}`;
    if (key === lastReport) return;
    lastReport = key;
    send(message);
  };

  const schedule = (): void => {
    if (stopped) return;
    const now = Date.now();
    if (firstPending === 0) firstPending = now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now));
    timer = setTimeout(() => void run(), wait);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (isOverlayNode(record.target)) continue;
      if (record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every(isOverlayNode)) continue;
      schedule();
      return;
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  const urlCheck = setInterval(() => {
    if (location.href !== lastUrl) schedule();
  }, URL_CHECK_MS);
  const controller = new AbortController();
  window.addEventListener('resize', schedule, { passive: true, signal: controller.signal });
  // Back from the back/forward cache: the port was closed on the way in (the badge cleared); report again.
  window.addEventListener(
    'pageshow',
    (event) => {
      if (!event.persisted) return;
      lastReport = '';
      schedule();
    },
    { signal: controller.signal },
  );

  function stop(): void {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    clearInterval(urlCheck);
    controller.abort();
    if (timer !== undefined) clearTimeout(timer);
    clearHighlights(document);
    try {
      port?.disconnect();
    } catch {
      // Already gone.
    }
    port = null;
    if (global[INSTANCE_KEY] === stop) delete global[INSTANCE_KEY];
  }
  global[INSTANCE_KEY] = stop;
  void run();
}
