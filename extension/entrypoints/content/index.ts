import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BOARD_MATCHES, adapterForUrl } from '../../adapters/index.ts';
import { clearHighlights, isOverlayNode } from '../../utils/highlight.ts';
import { MSG, type PageMessage } from '../../utils/messages.ts';
import { scanAndHighlight } from '../../utils/scan.ts';

/**
 * Runs on the job boards (manifest matches), on sites the reader enabled ("always on this site",
 * registered at runtime), and on any page the reader opens the popup on (injected via activeTab).
 * Reads the ad's text (an AdSource), highlights title mentions, and sends the AdSource to the
 * background, which runs the reader and the verdict (keeping this script small). It never
 * changes the page's DOM tree except for the overlay fallback's one shadow host.
 */
export default defineContentScript({
  matches: BOARD_MATCHES,
  // Webcruiter and HR Manager ads are embedded in iframes on employers' sites; in a frame, only
  // those boards' pages are read (Board.allFrames).
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    if (window !== window.top && adapterForUrl(location.href)?.allFrames !== true) return;
    watchPage(ctx);
  },
});

/** Quiet time after the last change before rescanning; and the longest a busy page can delay it. */
const DEBOUNCE_MS = 300;
const MAX_WAIT_MS = 2000;

function watchPage(ctx: ContentScriptContext): void {
  let lastReport = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;

  const run = (): void => {
    timer = undefined;
    firstPending = 0;
    if (ctx.isInvalid) return;
    const result = scanAndHighlight(document, new URL(location.href));
    if (!result) return;
    const { scan, highlights } = result;
    const message: PageMessage = { type: MSG.page, url: location.href, pageTitle: document.title.slice(0, 300), source: scan.source, highlights, info: scan.info };
    // Report only what changed: pages mutate all the time (clocks, carousels) without changing the ad.
    const key = `${message.url}\n${highlights.count}\n${JSON.stringify(scan.info)}\n${scan.source.jobPostings.length}\n${scan.source.text}`;
    if (key === lastReport) return;
    lastReport = key;
    browser.runtime.sendMessage(message).catch(() => {
      // The background may be restarting; the next change reports again.
      lastReport = '';
    });
  };

  const schedule = (): void => {
    const now = Date.now();
    if (firstPending === 0) firstPending = now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now));
    timer = setTimeout(run, wait);
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
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(window, 'resize', schedule, { passive: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    clearHighlights(document);
  });
  run();
}
