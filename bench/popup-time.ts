/**
 * How long the popup takes to show a verdict, next to the floor: an extension page with nothing
 * but that one line (no script), opened the same way (a tab of the same Chromium navigating to
 * chrome-extension://…), in the same run, alternating with the popup. Both times run from
 * navigation start to the first frame painted with the verdict line on screen.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChromeGlobal, type Session, launchWithExtension, setProfile, tabIdOf, waitForBadge } from '../tests/e2e/helpers/browser.ts';
import { ensureExtensionBuilt } from '../tests/e2e/helpers/build.ts';
import { ROOT } from '../tests/e2e/helpers/paths.ts';

const ROUNDS = 15;

/** The floor page: the popup's stylesheet-free minimum, the verdict line as static HTML. */
const FLOOR_HTML = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Sekretærsjekk</title></head>
<body><main id="app" data-state="ready" data-verdict="not-yet"><h1>Sekretærsjekk</h1><p id="verdict-label">Ikke ennå</p></main></body></html>`;

/** Marks, in the page: when #verdict-label (not-yet) is laid out, and the first frame painted after that. */
const MARKS = `new MutationObserver(function (records, observer) {
  var app = document.getElementById('app');
  var label = document.getElementById('verdict-label');
  if (window.__verdictAt === undefined && app && app.dataset.verdict === 'not-yet' && label && label.textContent && label.getClientRects().length > 0) {
    window.__verdictAt = performance.now();
    requestAnimationFrame(function () {
      setTimeout(function () {
        var fcp = performance.getEntriesByName('first-contentful-paint')[0];
        window.__paintedAt = fcp && fcp.startTime >= window.__verdictAt ? fcp.startTime : performance.now();
      }, 0);
    });
    observer.disconnect();
  }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-verdict'] });`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

type Marks = Window & { __verdictAt?: number; __paintedAt?: number };

export async function measurePopup(): Promise<Record<string, number>> {
  // A copy of the built extension with the floor page added (the shipped build stays untouched).
  const dir = await mkdtemp(join(tmpdir(), 'sekretaersjekk-floor-'));
  await cp(ensureExtensionBuilt(), dir, { recursive: true });
  await writeFile(join(dir, 'floor.html'), FLOOR_HTML);
  let session: Session | undefined;
  try {
    session = await launchWithExtension({ extensionDir: dir });
    await setProfile(session, {
      birthYear: 1990,
      authorisedHelsesekretaer: false,
      completed: ['vg3-helsesekretaer'],
      yearsAsSecretaryInHealth: 0,
      educationAbroad: false,
      systems: [],
    });
    session.serve('https://www.finn.no/job/ad/398765432', join(ROOT, 'tests/fixtures/boards/finn/ad-authorisation-required.html'));
    const ad = await session.context.newPage();
    await ad.goto('https://www.finn.no/job/ad/398765432');
    const tabId = await tabIdOf(session, ad);
    await waitForBadge(session, tabId, (b) => b.text === '✗');
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.addInitScript({ content: MARKS });
    /** The popup's own performance marks (main script running, stored state read), to show where the time goes. */
    const breakdown: Record<string, number[]> = {};
    const open = async (url: string): Promise<number> => {
      await page.goto(url);
      await page.waitForFunction(() => (window as Marks).__paintedAt !== undefined, undefined, { timeout: 10_000 });
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime])));
      for (const [name, at] of Object.entries(marks)) (breakdown[name] ??= []).push(at);
      return page.evaluate(() => (window as Marks).__paintedAt!);
    };
    // The URL the toolbar button opens for this tab (the background sets it with the badge).
    const popupUrl = await session.sw.evaluate((id: number) => (globalThis as unknown as ChromeGlobal).chrome.action.getPopup({ tabId: id }), tabId);
    if (!popupUrl.includes(`tab=${tabId}`)) throw new Error(`unexpected popup URL ${popupUrl}`);
    const floorUrl = `chrome-extension://${session.extensionId}/floor.html`;
    const popup: number[] = [];
    const floor: number[] = [];

    // One warm-up each (the first open compiles and caches), then alternate which goes first.
    const firstOpen = await open(popupUrl);
    await open(floorUrl);
    for (const name of Object.keys(breakdown)) delete breakdown[name];
    for (let i = 0; i < ROUNDS; i++) {
      if (i % 2 === 0) {
        popup.push(await open(popupUrl));
        floor.push(await open(floorUrl));
      } else {
        floor.push(await open(floorUrl));
        popup.push(await open(popupUrl));
      }
    }
    const popupMedian = median(popup);
    const floorMedian = median(floor);
    return {
      'popupVerdictVisibleMs median (target <= 100)': popupMedian,
      'popupFloorMs median (empty extension page, same run)': floorMedian,
      'popup/floor (target <= 1.3)': popupMedian / floorMedian,
      popupVerdictVisibleMsFirstOpen: firstOpen,
      ...Object.fromEntries(Object.entries(breakdown).map(([name, times]) => [`popup mark ${name} ms median`, median(times)])),
    };
  } finally {
    await session?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
