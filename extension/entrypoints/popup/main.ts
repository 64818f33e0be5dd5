import { browser } from 'wxt/browser';
import { uiLang } from '../../utils/i18n.ts';
import { paintStoredVerdict, paintUrlVerdict, requestedTab } from './first-paint.ts';

/**
 * Entry: paint the stored verdict at once, then load the rest of the popup (app.ts).
 * Opened from the toolbar (no ?tab=), the active tab is looked up first.
 */
performance.mark('popup-main');
const root = document.getElementById('app')!;
const lang = uiLang();
document.documentElement.lang = lang;

const tabId: Promise<number | undefined> = (async () => {
  const requested = requestedTab(location.search);
  if (requested !== undefined) return requested;
  try {
    return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  } catch {
    return undefined;
  }
})();
// The rest loads once the verdict is painted (or known not to be there): evaluating it first would
// keep the main thread from painting.
// From the toolbar the URL already carries the verdict (see paintUrlVerdict); else it is read from storage.session.
const painted = paintUrlVerdict(root, lang, location.search);
void tabId
  .then((id) => painted || paintStoredVerdict(root, lang, id))
  .catch(() => false)
  .then(() => import('./app.ts'))
  .then((app) => app.start(root, lang));
