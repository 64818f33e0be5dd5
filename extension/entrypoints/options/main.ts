import { browser } from 'wxt/browser';
import { h } from '../../utils/dom.ts';
import { guideUrl } from '../../utils/guide.ts';
import { messages, uiLang } from '../../utils/i18n.ts';
import { MAX_IMPORT_BYTES, type OptionsModel, profileFromImport, renderOptions } from '../../utils/options-view.ts';
import { MSG } from '../../utils/messages.ts';
import { alwaysSitesItem, exportData, loadProfile, profileNoticeItem, saveProfile } from '../../utils/storage.ts';

const root = document.getElementById('options')!;
const lang = uiLang();
const t = messages(lang);
document.documentElement.lang = lang;
document.title = t.options.title;

type Extra = Pick<OptionsModel, 'message' | 'focus' | 'importMessage'>;

async function render(extra: Extra = {}): Promise<void> {
  const loaded = await loadProfile();
  const sites = await alwaysSitesItem.getValue();
  renderOptions(root, { lang, profile: loaded.profile, notice: loaded.notice, sites, privacyUrl: guideUrl('personvern.html'), ...extra }, {
    dismissNotice: () => void profileNoticeItem.removeValue().then(() => render({ focus: 'message' })),
    removeSite: (origin) =>
      void browser.runtime.sendMessage({ type: MSG.disableSite, origin }).then(() => render({ message: t.options.removed(origin), focus: 'sites' })),
    exportData: () => void exportData().then(download),
    importFile: (file) => void importFile(file).then((importMessage) => render({ importMessage, focus: 'import' })),
    deleteAll: () => void deleteAll(sites).then((message) => render({ message, focus: 'message' })),
  });
}

async function importFile(file: File): Promise<{ ok: boolean; text: string }> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, text: t.options.importTooLarge };
  const result = profileFromImport(await file.text(), lang);
  if (!result.ok) return { ok: false, text: result.message };
  const saved = await saveProfile(result.profile);
  return saved.ok ? { ok: true, text: t.options.imported } : { ok: false, text: t.options.importNoProfile };
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
  return t.options.deleted;
}

void render();
