import { browser } from 'wxt/browser';

/**
 * "Delete all data" means all: the runtime-registered content scripts, the optional host
 * permissions the reader granted, storage.local (profile, backups, notices, sites). The caller
 * also clears storage.session and every open tab's badge (TabStates.clearAll).
 */
export async function deleteStored(): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) });
  const required = new Set((browser.runtime.getManifest().content_scripts ?? []).flatMap((cs) => cs.matches ?? []));
  const { origins = [] } = await browser.permissions.getAll();
  for (const origin of origins) {
    if (required.has(origin)) continue;
    try {
      await browser.permissions.remove({ origins: [origin] });
    } catch {
      // A required origin after all (the browser says so): not ours to remove.
    }
  }
  await browser.storage.local.clear();
}
