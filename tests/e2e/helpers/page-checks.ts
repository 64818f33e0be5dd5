import type { Page } from 'playwright-core';

/**
 * The text of every range in the page's CSS highlights (the extension's are the only ones on test
 * pages; its name is random per page, so that it does not identify the extension), read from the
 * page's own world.
 */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights as unknown as Map<string, Iterable<Range>>).values()].flatMap((highlight) => [...highlight].map((range) => range.toString())),
  );
}

/**
 * Whether the live DOM still equals what the HTML parser makes of the served file (for pages
 * without scripts of their own): returns null when identical, else a short excerpt around the
 * first difference.
 */
export async function domChangedFrom(page: Page, servedHtml: string): Promise<string | null> {
  return page.evaluate((html: string) => {
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const expected = parsed.documentElement.outerHTML;
    const actual = document.documentElement.outerHTML;
    if (expected === actual && document.childNodes.length === parsed.childNodes.length) return null;
    let i = 0;
    while (i < expected.length && expected[i] === actual[i]) i++;
    return `at ${i}: expected …${expected.slice(Math.max(0, i - 60), i + 60)}… got …${actual.slice(Math.max(0, i - 60), i + 60)}…`;
  }, servedHtml);
}

/** Starts recording the page's long tasks from its first script on (call before `goto`). */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (globalThis as { __tasks?: typeof tasks }).__tasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * The recorded long tasks over 50 ms that started after the page's load event. The browser does
 * not say which script ran a long task; on a page without scripts of its own, what runs after load
 * is the extension's, and parsing before it is the page's own.
 */
export async function longTasksAfterLoad(page: Page): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(() => {
    const load = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
    return ((globalThis as { __tasks?: { start: number; duration: number }[] }).__tasks ?? []).filter((t) => t.start >= load && t.duration > 50);
  });
}
