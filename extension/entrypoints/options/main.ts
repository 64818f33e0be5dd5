import { browser } from 'wxt/browser';
import { h } from '../../utils/dom.ts';
import { guideUrl } from '../../utils/guide.ts';
import { messages, uiLang } from '../../utils/i18n.ts';
import { MAX_IMPORT_BYTES, type OptionsModel, profileFromImport, renderOptions } from '../../utils/options-view.ts';
import { MSG } from '../../utils/messages.ts';
import { type LoadedProfile, exportData, loadProfile, loadSites, profileNoticeItem, saveProfile } from '../../utils/storage.ts';

const root = document.getElementById('options')!;
const lang = uiLang();
const t = messages(lang);
document.documentElement.lang = lang;
document.title = t.options.title;

type Extra = Pick<OptionsModel, 'message' | 'focus' | 'importMessage'>;

/**
 * Renders the options page. Whatever fails to load, the page renders — with an empty profile and
 * a notice — so that "export" and "delete all" are always there.
 */
async function render(extra: Extra = {}): Promise<void> {
  let loaded: LoadedProfile;
  let sites: string[];
  try {
    [loaded, sites] = await Promise.all([loadProfile(), loadSites()]);
  } catch (error) {
    loaded = { profile: null, notice: { at: new Date().toISOString(), errors: [String(error).slice(0, 300)] }, askAgain: [] };
    sites = [];
  }
  renderOptions(root, { lang, profile: loaded.profile, notice: loaded.notice, sites, privacyUrl: guideUrl('personvern.html'), ...extra }, {
    dismissNotice: () => void profileNoticeItem.removeValue().finally(() => render({ focus: 'message' })),
    removeSite: (origin) =>
      void browser.runtime.sendMessage({ type: MSG.disableSite, origin }).then(() => render({ message: t.options.removed(origin), focus: 'sites' })),
    exportData: () => void exportData().then(download),
    importFile: (file) => void importFile(file).then((importMessage) => render({ importMessage, focus: 'import' })),
    deleteAll: () => void deleteAll().then((message) => render({ message, focus: 'message' })),
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

/** The background deletes everything (storage, registered scripts, granted sites, tab states, badges). */
async function deleteAll(): Promise<string> {
  const reply = (await browser.runtime.sendMessage({ type: MSG.deleteAll }).catch(() => null)) as { ok?: boolean } | null;
  if (reply?.ok) return t.options.deleted;
  // The background did not answer: at least the profile goes, and the page says what is left.
  await browser.storage.local.clear();
  return t.options.deleteFailed;
}

void render();
