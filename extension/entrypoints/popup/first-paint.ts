import { browser } from 'wxt/browser';
import { h } from '../../utils/dom.ts';
import { type Lang, messages } from '../../utils/i18n.ts';
import type { VerdictKind } from '../../../shared/index.ts';
import { TAB_STATE_AREA_KEY, type TabState } from '../../utils/messages.ts';
import { popupVerdict } from '../../utils/popup-verdict.ts';

/**
 * The popup's first paint: the verdict the background already stored for the tab (storage.session),
 * drawn before the rest of the popup (rules, reasons, profile form) has even loaded. Small on
 * purpose: this module and what it imports are all the popup runs before the verdict shows.
 * #app keeps data-state="loading" until the full render (app.ts) replaces this one, which also
 * asks the background again (and so catches a verdict that changed meanwhile).
 */
let superseded = false;

/** The full render has begun: a late first paint must not overwrite it. */
export function supersedeFirstPaint(): void {
  superseded = true;
}

export async function paintStoredVerdict(root: HTMLElement, lang: Lang, tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined) return false;
  let state: TabState | undefined;
  try {
    const key = TAB_STATE_AREA_KEY(tabId);
    state = (await browser.storage.session.get(key))[key] as TabState | undefined;
    performance.mark('popup-stored');
  } catch {
    return false; // No storage.session: the full render alone.
  }
  const verdict = popupVerdict(state ?? null);
  if (superseded || !state?.verdict || verdict === 'none' || verdict === 'no-profile' || !Object.hasOwn(messages(lang).verdict, verdict)) return false;
  paint(root, lang, state.verdict.verdict, state.verdict.route ?? '');
  return true;
}

/** The verdict line, as the same nodes the full render starts with (popup-view.ts), so nothing moves when it replaces them. */
function paint(root: HTMLElement, lang: Lang, verdict: VerdictKind, route: string): void {
  const t = messages(lang);
  const doc = root.ownerDocument;
  root.dataset.verdict = verdict;
  root.dataset.route = route;
  root.replaceChildren(
    h(doc, 'h1', {}, t.appName),
    h(
      doc,
      'div',
      { id: 'status', 'aria-live': 'polite' },
      h(
        doc,
        'section',
        { 'data-section': 'verdict', 'aria-labelledby': 'verdict-heading' },
        h(doc, 'h2', { id: 'verdict-heading', class: 'visually-hidden' }, t.verdictHeading),
        h(doc, 'p', { id: 'verdict-label', class: `verdict verdict-${verdict}` }, t.verdict[verdict]),
      ),
    ),
  );
}

/**
 * The toolbar opens popup.html?tab=<id>&v=<verdict>&route=<id> (the background sets that per tab
 * with the badge, action.setPopup): the verdict paints at once, with no storage round trip. Only
 * a known verdict and a route id's characters are taken; the full render checks everything again.
 */
export function paintUrlVerdict(root: HTMLElement, lang: Lang, search: string): boolean {
  const params = new URLSearchParams(search);
  const verdict = params.get('v') ?? '';
  const route = params.get('route') ?? '';
  if (superseded || !Object.hasOwn(messages(lang).verdict, verdict) || !/^[a-z0-9-]{0,64}$/.test(route)) return false;
  paint(root, lang, verdict as VerdictKind, route);
  return true;
}

/** popup.html?tab=<id> names the tab (tests open the popup as a page; the toolbar opens it plain). */
export function requestedTab(search: string): number | undefined {
  const requested = Number(new URLSearchParams(search).get('tab') ?? NaN);
  return Number.isInteger(requested) && requested >= 0 ? requested : undefined;
}
