import rules from 'virtual:sekretaersjekk-rules';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { profileItem } from '../../utils/storage.ts';
import { createBackground } from './router.ts';
import { enableSite, originOfPattern, syncSiteScripts } from './sites.ts';

/**
 * The service worker: wires the browser's events to the router (router.ts), the tab states
 * (tab-state.ts, badge.ts) and "always on this site" (sites.ts).
 */
export default defineBackground(() => {
  // The profile is for trusted contexts only: a content script (a web page's renderer) cannot read
  // storage.local at all. Chrome has setAccessLevel; Firefox has not, and our content script uses
  // no storage there either. storage.session is trusted-only by default.
  const local = browser.storage.local as typeof browser.storage.local & { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  void local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);

  const background = createBackground(rules);

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    const reply = background.route(message, sender);
    if (!reply) return undefined;
    reply.then(sendResponse, (error: unknown) => {
      console.error('Sekretærsjekk:', error);
      sendResponse({ ok: false, reason: 'bad-request' });
    });
    return true;
  });
  browser.runtime.onConnect.addListener((port) => background.connect(port));

  browser.tabs.onRemoved.addListener((tabId) => void background.forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document: the old reading is stale; the content script reports again.
    if (change.status !== 'loading') return;
    void background.tabs.get(tabId).then((state) => (state ? background.tabs.set(tabId, null) : undefined));
  });

  profileItem.watch(() => void background.rejudgeAll());

  browser.permissions.onRemoved.addListener(() => void syncSiteScripts());
  // Firefox may close the popup while its permission prompt is open, so the popup's own
  // "enable" message never comes: a granted origin (ours to ask for) is enabled here as well.
  browser.permissions.onAdded.addListener((granted) => {
    for (const pattern of granted.origins ?? []) {
      const origin = originOfPattern(pattern);
      if (origin) void enableSite(origin);
    }
  });
  browser.runtime.onStartup.addListener(() => void syncSiteScripts());
  browser.runtime.onInstalled.addListener((details) => {
    void syncSiteScripts();
    // First install: the bundled welcome page (what the extension does, the first questions).
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
});
