import { browser } from 'wxt/browser';
import rules from 'virtual:sekretaersjekk-rules';
import { adapterFor } from '../../adapters/index.ts';
import { guideUrl } from '../../utils/guide.ts';
import type { Lang } from '../../utils/i18n.ts';
import { MSG, type GetTabStateMessage, type TabStateBroadcast, type TabStateResponse, siteOrigin } from '../../utils/messages.ts';
import { type PopupModel, type SiteInfo, renderPopup } from '../../utils/popup-view.ts';
import { alwaysSitesItem, loadProfile, profileItem } from '../../utils/storage.ts';
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
  toggleSite(site: SiteInfo) {
    const origins = [`${site.origin}/*`];
    if (site.enabled) {
      void browser.runtime.sendMessage({ type: MSG.disableSite, origin: site.origin }).then(refreshSite);
      return;
    }
    // permissions.request must run directly in the click handler (user gesture).
    void browser.permissions.request({ origins }).then((granted) => {
      if (!granted) return;
      return browser.runtime.sendMessage({ type: MSG.enableSite, origin: site.origin }).then(refreshSite);
    });
  },
  profileSaved() {
    void refresh(false);
  },
};

const render = () => {
  if (model.response !== null) supersedeFirstPaint();
  renderPopup(root, model, actions);
};

async function refreshSite(): Promise<void> {
  if (!model.site) return;
  const sites = await alwaysSitesItem.getValue();
  model.site = { ...model.site, enabled: sites.includes(model.site.origin) };
  render();
}

async function refresh(inject: boolean): Promise<void> {
  const [loaded, response] = await Promise.all([
    loadProfile(),
    tabId === undefined
      ? Promise.resolve<TabStateResponse>({ ok: false, reason: 'no-reading' })
      : (browser.runtime.sendMessage({ type: MSG.getTabState, tabId, inject } satisfies GetTabStateMessage) as Promise<TabStateResponse | undefined>),
  ]);
  model.profile = loaded.profile;
  model.response = response ?? { ok: false, reason: 'no-reading' };
  render();
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
    if (!adapterFor(host)) model.site = { origin, host, enabled: (await alwaysSitesItem.getValue()).includes(origin) };
  }
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const update = message as Partial<TabStateBroadcast> | null;
    if (update?.type !== MSG.tabState || update.tabId !== tabId) return undefined;
    model.response = update.state ? { ok: true, state: update.state } : { ok: false, reason: 'no-reading' };
    render();
    return undefined;
  });
  profileItem.watch(() => void refresh(false));
  await refresh(true);
}
