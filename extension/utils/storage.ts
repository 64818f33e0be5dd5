import { storage } from 'wxt/utils/storage';
import { migrateProfileV1ToV2, parseProfile, questionsToAskAgain, type Profile } from '../../shared/index.ts';

/**
 * Everything the extension stores. The profile lives only in storage.local, on this device.
 * Stored values are untrusted on read: parseProfile decides, and anything it rejects is moved
 * aside (kept, exportable) and replaced by "no profile", with a notice the pages show.
 */

/**
 * Version history of 'local:profile':
 *   1 — the Profile of shared/lib/types.ts.
 *   2 — adds the optional foreignEducation, otherUpperSecondaryCompleted and yearsOfWork; a
 *       version-1 profile is carried over unchanged and keeps its meaning.
 * A future shape change bumps the version and adds `migrations[n]`; data the migration cannot
 * fix is caught by the parse in loadProfile.
 */
export const PROFILE_VERSION = 2;

export const profileItem = storage.defineItem<unknown>('local:profile', {
  fallback: null,
  version: PROFILE_VERSION,
  migrations: { 2: migrateProfileV1ToV2 },
});

/** A stored profile that failed to parse, kept so that nothing the reader entered is lost. */
export interface ProfileBackup {
  at: string;
  value: unknown;
  errors: string[];
}
export const profileBackupItem = storage.defineItem<ProfileBackup | null>('local:profile-backup', { fallback: null });

/** Shown (until dismissed) after a reset. */
export interface ProfileNotice {
  at: string;
  errors: string[];
}
export const profileNoticeItem = storage.defineItem<ProfileNotice | null>('local:profile-notice', { fallback: null });

/** Origins ("https://example.no") where the reader asked for "always read ads on this site". */
export const alwaysSitesItem = storage.defineItem<string[]>('local:always-sites', { fallback: [] });

/** Origins dropped from alwaysSites because the browser's permission was removed (the popup says so). */
export const sitesPermissionRemovedItem = storage.defineItem<string[]>('local:sites-permission-removed', { fallback: [] });

export interface LoadedProfile {
  profile: Profile | null;
  /** Set when the stored value was unreadable and has just been (or was earlier) reset. */
  notice: ProfileNotice | null;
  /** New questions (profile field names) whose missing answer can change the route: ask them again. */
  askAgain: string[];
}

export async function loadProfile(): Promise<LoadedProfile> {
  const raw = await profileItem.getValue();
  if (raw === null || raw === undefined) return { profile: null, notice: await profileNoticeItem.getValue(), askAgain: [] };
  const parsed = parseProfile(raw);
  if (parsed.ok) return { profile: parsed.profile, notice: await profileNoticeItem.getValue(), askAgain: questionsToAskAgain(parsed.profile) };
  const at = new Date().toISOString();
  const notice: ProfileNotice = { at, errors: parsed.errors };
  await profileBackupItem.setValue({ at, value: raw, errors: parsed.errors });
  await profileNoticeItem.setValue(notice);
  await profileItem.removeValue();
  return { profile: null, notice, askAgain: [] };
}

/** Validates and stores a profile; nothing is written when it is invalid. */
export async function saveProfile(data: unknown): Promise<{ ok: true; profile: Profile } | { ok: false; errors: string[] }> {
  const parsed = parseProfile(data);
  if (!parsed.ok) return parsed;
  await profileItem.setValue(parsed.profile);
  return parsed;
}

/** Everything stored, as one plain object (for "download my data"). */
export async function exportData(): Promise<Record<string, unknown>> {
  return {
    app: 'Sekretærsjekk',
    exportedAt: new Date().toISOString(),
    profile: await profileItem.getValue(),
    profileBackup: await profileBackupItem.getValue(),
    alwaysSites: await alwaysSitesItem.getValue(),
  };
}
