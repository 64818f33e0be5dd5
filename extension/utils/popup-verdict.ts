import type { TabState } from './messages.ts';

/** What the popup shows for a state (its data-verdict). Its own small module: the first paint
 * (entrypoints/popup/first-paint.ts) needs it before the rest of the popup view has loaded. */
export type PopupVerdict = 'fits' | 'fits-with-caveats' | 'not-yet' | 'cannot-tell' | 'none' | 'no-profile';

export function popupVerdict(state: TabState | null): PopupVerdict {
  if (!state || !state.reading.isTargetJob || state.reading.listing) return 'none';
  if (state.profile === 'missing') return 'no-profile';
  return state.verdict?.verdict ?? 'cannot-tell';
}
