import { browser } from 'wxt/browser';
import { h } from '../../utils/dom.ts';
import { messages, uiLang } from '../../utils/i18n.ts';
import { renderOptions } from '../../utils/options-view.ts';
import { MSG } from '../../utils/messages.ts';
import { alwaysSitesItem, exportData, loadProfile, profileNoticeItem } from '../../utils/storage.ts';

const root = document.getElementById('options')!;
const lang = uiLang();
document.documentElement.lang = lang;

async function render(message?: string): Promise<void> {
  const loaded = await loadProfile();
  const sites = await alwaysSitesItem.getValue();
  renderOptions(root, { lang, profile: loaded.profile, notice: loaded.notice, sites, message }, {
    dismissNotice: () => void profileNoticeItem.removeValue().then(() => render()),
    removeSite: (origin) => void browser.runtime.sendMessage({ type: MSG.disableSite, origin }).then(() => render()),
    exportData: () => void exportData().then(download),
    deleteAll: () => void deleteAll(sites).then(render),
  });
}

function download(data: Record<string, unknown>): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = h(document, 'a', { href: url, download: 'sekretaersjekk-data.json' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function deleteAll(sites: string[]): Promise<string> {
  for (const origin of sites) await browser.runtime.sendMessage({ type: MSG.disableSite, origin });
  await browser.storage.local.clear();
  return messages(lang).options.deleted;
}

void render();
