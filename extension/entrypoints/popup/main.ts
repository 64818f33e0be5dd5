import { browser } from 'wxt/browser';
import rules from 'virtual:sekretaersjekk-rules';
import { adapterFor } from '../../adapters/index.ts';
import { guideUrl } from '../../utils/guide.ts';
import { uiLang } from '../../utils/i18n.ts';
import { MSG, type GetTabStateMessage, type TabStateBroadcast, type TabStateResponse, siteOrigin } from '../../utils/messages.ts';
import { type PopupModel, type SiteInfo, renderPopup } from '../../utils/popup-view.ts';
import { alwaysSitesItem, loadProfile, profileItem } from '../../utils/storage.ts';

const root = document.getElementById('app')!;
const lang = uiLang();
document.documentElement.lang = lang;

const model: PopupModel = { lang, rules, response: null, profile: null, site: null };
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

const render = () => renderPopup(root, model, actions);

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

async function start(): Promise<void> {
  render();
  // popup.html?tab=<id> shows that tab (tests open the popup as a page; the toolbar opens it plain).
  const requested = Number(new URLSearchParams(location.search).get('tab') ?? NaN);
  const tab = Number.isInteger(requested) && requested >= 0 ? await browser.tabs.get(requested).catch(() => undefined) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  tabId = tab?.id ?? (Number.isInteger(requested) && requested >= 0 ? requested : undefined);
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

void start();
