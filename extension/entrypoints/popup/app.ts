import { browser } from 'wxt/browser';
import rules from 'virtual:sekretaersjekk-rules';
import { adapterFor } from '../../adapters/index.ts';
import { guideUrl } from '../../utils/guide.ts';
import type { Lang } from '../../utils/i18n.ts';
import { MSG, type GetTabStateMessage, type TabStateResponse, siteOrigin } from '../../utils/messages.ts';
import { type PopupModel, type SiteInfo, renderPopup } from '../../utils/popup-view.ts';
import { loadProfile, loadRemovedSites, loadSites, profileItem, sitesPermissionRemovedItem } from '../../utils/storage.ts';
import { requestedTab, supersedeFirstPaint } from './first-paint.ts';

/** The whole popup: loaded by main.ts while the stored verdict is painted. */
let root: HTMLElement;
let model: PopupModel;

let tabId: number | undefined;

const actions = {
  openRoute(routeId: string) {
    void browser.tabs.create({ url: guideUrl(`ruter/${encodeURIComponent(routeId)}.html`) });
    window.close();
  },
  openOptions() {
    void browser.runtime.openOptionsPage();
    window.close();
  },
  openPrivacy() {
    void browser.tabs.create({ url: guideUrl('personvern.html') });
    window.close();
  },
  toggleSite(site: SiteInfo) {
    const origins = [`${site.origin}/*`];
    if (site.enabled) {
      void browser.runtime.sendMessage({ type: MSG.disableSite, origin: site.origin }).then(() => refreshSite());
      return;
    }
    // permissions.request must run directly in the click handler (user gesture).
    void browser.permissions.request({ origins }).then(
      async (granted) => {
        if (!granted) return refreshSite('denied');
        const removed = await loadRemovedSites();
        if (removed.includes(site.origin)) await sitesPermissionRemovedItem.setValue(removed.filter((o) => o !== site.origin));
        await browser.runtime.sendMessage({ type: MSG.enableSite, origin: site.origin });
        return refreshSite();
      },
      () => refreshSite('denied'),
    );
  },
  profileSaved() {
    void refresh(false);
  },
};

const render = () => {
  if (model.response !== null) supersedeFirstPaint();
  renderPopup(root, model, actions);
};

/** The "always on this site" state: enabled, or why not (declined just now, or removed in the browser since). */
async function siteInfo(origin: string, host: string, status?: SiteInfo['status']): Promise<SiteInfo> {
  const [sites, removed, granted] = await Promise.all([
    loadSites(),
    loadRemovedSites(),
    browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false),
  ]);
  // On the list without the permission: removed in the browser while the worker was not looking.
  const lost = removed.includes(origin) || (sites.includes(origin) && !granted);
  const enabled = sites.includes(origin) && granted;
  return { origin, host, enabled, status: enabled ? undefined : (status ?? (lost ? 'removed' : undefined)) };
}

async function refreshSite(status?: SiteInfo['status']): Promise<void> {
  if (!model.site) return;
  model.site = await siteInfo(model.site.origin, model.site.host, status);
  render();
}

/** Asks the background for the tab's state (the popup trusts nothing it did not ask for). */
function ask(inject: boolean, after?: string): Promise<TabStateResponse> {
  if (tabId === undefined) return Promise.resolve({ ok: false, reason: 'no-reading' });
  const request: GetTabStateMessage = { type: MSG.getTabState, tabId, inject, ...(after !== undefined ? { after } : {}) };
  return (browser.runtime.sendMessage(request) as Promise<TabStateResponse | undefined>).then((r) => r ?? { ok: false, reason: 'no-reading' });
}

let revision: string | undefined;

async function refresh(inject: boolean): Promise<void> {
  const [loaded, response] = await Promise.all([loadProfile(), ask(inject)]);
  model.profile = loaded.profile;
  model.response = response;
  revision = response.revision;
  render();
}

/** Follows the tab while the popup is open: each request is answered when the state changes (or after a while). */
async function follow(): Promise<void> {
  for (;;) {
    const response = await ask(false, revision).catch(() => null);
    if (!response?.revision) return;
    if (response.revision !== revision) {
      revision = response.revision;
      model.response = response;
      render();
    }
  }
}

export async function start(appRoot: HTMLElement, lang: Lang): Promise<void> {
  root = appRoot;
  model = { lang, rules, response: null, profile: null, site: null };
  // The "loading" text only if the first paint has not put the verdict there already.
  if (!root.hasChildNodes()) render();
  const requested = requestedTab(location.search);
  const tab = requested !== undefined ? await browser.tabs.get(requested).catch(() => undefined) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  tabId = tab?.id ?? requested;
  const origin = siteOrigin(tab?.url);
  if (origin) {
    const host = new URL(origin).hostname;
    if (!adapterFor(host)) model.site = await siteInfo(origin, host);
  }
  profileItem.watch(() => void refresh(false));
  await refresh(true);
  void follow();
}
