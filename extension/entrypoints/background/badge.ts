import { browser } from 'wxt/browser';
import type { VerdictKind } from '../../../shared/index.ts';
import { boardTexts } from '../../utils/board-texts.ts';
import { type Lang, messages, uiLang } from '../../utils/i18n.ts';
import type { TabState } from '../../utils/messages.ts';

/** The toolbar badge per tab: ✓ fits, ! fits with caveats, ✗ not yet, ? cannot tell, … no profile yet, the number of matching ads on a listing, empty otherwise. */
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

/** popup.html for a tab: its id, and its verdict and route where there is one (the popup's first paint). */
export function popupPath(tabId: number, state: TabState | null): string {
  const verdict = state?.verdict && state.reading.isTargetJob && !state.reading.listing && state.profile !== 'missing' ? state.verdict : null;
  const params = new URLSearchParams({ tab: String(tabId) });
  if (verdict) {
    params.set('v', verdict.verdict);
    if (verdict.route) params.set('route', verdict.route);
  }
  return `/popup.html?${params.toString()}`;
}

export async function applyBadge(tabId: number, state: TabState | null): Promise<void> {
  const badge = badgeFor(state);
  try {
    await browser.action.setBadgeText({ tabId, text: badge.text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await browser.action.setTitle({ tabId, title: badge.title });
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    // The popup for this tab carries its verdict, so the popup paints it without a storage round trip.
    await browser.action.setPopup({ tabId, popup: popupPath(tabId, state) });
  } catch {
    // The tab closed meanwhile.
  }
}
