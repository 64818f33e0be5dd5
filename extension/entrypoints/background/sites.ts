import { browser } from 'wxt/browser';
import { httpsOrigin, loadRemovedSites, loadSites, saveSites, sitesPermissionRemovedItem } from '../../utils/storage.ts';

/**
 * "Always on this site": a runtime-registered content script per https origin the reader granted
 * (optional host permission, asked for one origin at a time by the popup or the options page).
 */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
export const SITE_SCRIPT_PREFIX = 'site:';

const scriptId = (origin: string) => `${SITE_SCRIPT_PREFIX}${origin}`;
const patternFor = (origin: string) => `${origin}/*`;

/** Whether the reader granted `origin`; false for anything that is not an https origin (never throws). */
export async function granted(origin: string): Promise<boolean> {
  if (httpsOrigin(origin) === null) return false;
  try {
    return await browser.permissions.contains({ origins: [patternFor(origin)] });
  } catch {
    return false;
  }
}

export async function enableSite(origin: string): Promise<boolean> {
  if (!(await granted(origin))) return false;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      { id: scriptId(origin), matches: [patternFor(origin)], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  const sites = await loadSites();
  if (!sites.includes(origin)) await saveSites([...sites, origin]);
  return true;
}

export async function disableSite(origin: string): Promise<boolean> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [scriptId(origin)] });
  await saveSites((await loadSites()).filter((s) => s !== origin));
  try {
    await browser.permissions.remove({ origins: [patternFor(origin)] });
  } catch {
    // Already gone.
  }
  return true;
}

/** Registered scripts = stored sites with a granted permission (after restarts, permission changes, data deletion). */
export async function syncSiteScripts(): Promise<void> {
  const sites = await loadSites();
  const kept: string[] = [];
  for (const origin of sites) if (await granted(origin)) kept.push(origin);
  if (kept.length !== sites.length) {
    await saveSites(kept);
    // The popup tells the reader why the site is no longer read by itself.
    const removed = await loadRemovedSites();
    await sitesPermissionRemovedItem.setValue([...new Set([...removed, ...sites.filter((s) => !kept.includes(s))])]);
  }
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = registered.filter((s) => s.id.startsWith(SITE_SCRIPT_PREFIX) && !kept.includes(s.id.slice(SITE_SCRIPT_PREFIX.length))).map((s) => s.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  for (const origin of kept) await enableSite(origin);
}

/** The origin of a granted "https://host/*" pattern (what permissions.onAdded reports), or null. */
export function originOfPattern(pattern: string): string | null {
  const origin = /^(https:\/\/[^/*]+)\/\*$/.exec(pattern)?.[1];
  return origin ? httpsOrigin(origin) : null;
}
