import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { migrateProfileV1ToV2, parseProfile, questionsToAskAgain, type Profile } from '../../shared/index.ts';
import { withinBudget } from './messages.ts';

/**
 * Everything the extension stores, in storage.local on this device (Chrome: trusted contexts only,
 * see the background's start-up). Stored values are untrusted on read: every item goes through one
 * guarded loader (readGuarded) that checks its size before anything walks it, then its schema.
 * Anything that fails is set aside — the profile into 'profile-backup' (kept, exportable), other
 * items removed — and a notice in words says what happened. Nothing stored can make a page throw.
 */

/**
 * Version history of 'local:profile' (its version lives in 'profile$' as { v }):
 *   1 — the Profile of shared/lib/types.ts.
 *   2 — adds the optional foreignEducation, otherUpperSecondaryCompleted and yearsOfWork; a
 *       version-1 profile is carried over unchanged and keeps its meaning.
 * A future shape change bumps PROFILE_VERSION and adds PROFILE_MIGRATIONS[n] (from n − 1 to n);
 * data a migration cannot fix is caught by the parse after it. Migrations are run here, not by
 * WXT's defineItem: a stored version out of range ({ v: -3e9 }) is set aside, never looped over.
 */
export const PROFILE_VERSION = 2;
export const PROFILE_MIGRATIONS: Record<number, (old: unknown) => unknown> = { 2: migrateProfileV1ToV2 };

export const profileItem = storage.defineItem<unknown>('local:profile', { fallback: null });

/** A stored profile that failed to parse, kept so that nothing the reader entered is lost. */
export interface ProfileBackup {
  at: string;
  value: unknown;
  errors: string[];
}
export const profileBackupItem = storage.defineItem<ProfileBackup | null>('local:profile-backup', { fallback: null });

/** Shown (until dismissed) after something stored was set aside. */
export interface ProfileNotice {
  at: string;
  errors: string[];
}
export const profileNoticeItem = storage.defineItem<ProfileNotice | null>('local:profile-notice', { fallback: null });

/** Origins ("https://example.no") where the reader asked for "always read ads on this site". */
export const alwaysSitesItem = storage.defineItem<string[]>('local:always-sites', { fallback: [] });

/** Origins dropped from alwaysSites because the browser's permission was removed (the popup says so). */
export const sitesPermissionRemovedItem = storage.defineItem<string[]>('local:sites-permission-removed', { fallback: [] });

// ---------------------------------------------------------------------------------------------
// The guarded loader

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

interface Guarded<T> {
  key: string;
  /** What the reader calls it, in a notice. */
  label: string;
  /** Budget for the raw value: characters in all strings and keys, values visited. */
  maxChars: number;
  maxValues: number;
  fallback: T;
  parse(raw: unknown): Parsed<T>;
}

const MAX_NOTICE_ERRORS = 10;
const MAX_ERROR_LENGTH = 300;
/** A set-aside profile bigger than this is not copied into the backup (it cannot be a profile). */
const MAX_BACKUP_CHARS = 200_000;

const clip = (errors: readonly string[]): string[] =>
  errors.slice(0, MAX_NOTICE_ERRORS).map((e) => (e.length > MAX_ERROR_LENGTH ? `${e.slice(0, MAX_ERROR_LENGTH)}…` : e));

async function rawValue(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

/** Adds errors to the notice the options page and the popup show (creating it when needed). */
async function addNotice(errors: string[]): Promise<ProfileNotice> {
  const previous = parseNotice(await rawValue(profileNoticeItem.key.replace(/^local:/, '')).catch(() => null));
  const notice: ProfileNotice = { at: new Date().toISOString(), errors: clip([...(previous.ok && previous.value ? previous.value.errors : []), ...errors]) };
  await profileNoticeItem.setValue(notice);
  return notice;
}

/** Reads one stored item: size first, then schema; anything wrong is set aside with a notice. */
async function readGuarded<T>(spec: Guarded<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await rawValue(spec.key);
  } catch {
    return spec.fallback;
  }
  if (raw === undefined || raw === null) return spec.fallback;
  const parsed = withinBudget(raw, { chars: spec.maxChars, depth: 8, values: spec.maxValues })
    ? spec.parse(raw)
    : ({ ok: false, errors: [`${spec.label}: den lagrede verdien er for stor (over ${spec.maxChars} tegn eller ${spec.maxValues} verdier)`] } as const);
  if (parsed.ok) return parsed.value;
  await setAside(spec, raw, clip(parsed.errors));
  return spec.fallback;
}

async function setAside<T>(spec: Guarded<T>, raw: unknown, errors: string[]): Promise<void> {
  try {
    await browser.storage.local.remove(spec.key === 'profile' ? ['profile', 'profile$'] : [spec.key]);
    if (spec.key === 'profile') {
      const keep = withinBudget(raw, { chars: MAX_BACKUP_CHARS, depth: 8, values: 10_000 });
      await profileBackupItem.setValue({ at: new Date().toISOString(), value: keep ? raw : null, errors });
      if (!keep) errors = [...errors, 'Verdien var for stor til å tas vare på.'];
    }
    await addNotice(errors);
  } catch (error) {
    // Storage refused (quota, browser shutting down): the value stays where it was, unused.
    console.error('Sekretærsjekk: could not set aside', spec.key, error);
  }
}

function parseNotice(raw: unknown): Parsed<ProfileNotice | null> {
  if (raw === undefined || raw === null) return { ok: true, value: null };
  const r = raw as Partial<ProfileNotice>;
  if (typeof raw !== 'object' || Array.isArray(raw) || typeof r.at !== 'string' || !Array.isArray(r.errors) || !r.errors.every((e) => typeof e === 'string')) {
    return { ok: false, errors: ['Varselet om lagrede data var ødelagt og er fjernet.'] };
  }
  return { ok: true, value: { at: r.at.slice(0, 40), errors: clip(r.errors) } };
}

/** An https origin as the reader granted it ("https://example.no"), or null. */
export function httpsOrigin(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 300) return null;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' && url.origin === v ? v : null;
  } catch {
    return null;
  }
}

const MAX_SITES = 200;

/** The stored profile, written at version `from`: migrated (PROFILE_MIGRATIONS), then parsed. */
const profileSpec = (from: number): Guarded<Profile | null> => ({
  key: 'profile',
  label: 'Profilen',
  maxChars: 10_000,
  maxValues: 500,
  fallback: null,
  parse(raw) {
    let value = raw;
    try {
      for (let v = from + 1; v <= PROFILE_VERSION; v++) value = PROFILE_MIGRATIONS[v]?.(value) ?? value;
    } catch (error) {
      return { ok: false, errors: [`Profilen: kunne ikke oppgraderes fra versjon ${from} (${String(error).slice(0, 100)})`] };
    }
    const parsed = parseProfile(value);
    return parsed.ok ? { ok: true, value: parsed.profile } : parsed;
  },
});
const PROFILE = profileSpec(PROFILE_VERSION);

/** A stored list of https origins. */
const originList = (key: string, label: string): Guarded<string[]> => ({
  key,
  label,
  maxChars: MAX_SITES * 300,
  maxValues: MAX_SITES + 1,
  fallback: [],
  parse(raw) {
    if (!Array.isArray(raw)) return { ok: false, errors: [`${label}: den lagrede listen var ikke en liste og er fjernet`] };
    const sites = raw.map(httpsOrigin);
    if (sites.some((s) => s === null)) return { ok: false, errors: [`${label}: listen inneholdt noe som ikke er en https-adresse og er fjernet`] };
    return { ok: true, value: [...new Set(sites as string[])] };
  },
});

const SITES = originList('always-sites', '«Alltid på dette nettstedet»');
const REMOVED_SITES = originList('sites-permission-removed', '«Tilgang fjernet i nettleseren»');

const NOTICE: Guarded<ProfileNotice | null> = {
  key: 'profile-notice',
  label: 'Varselet',
  maxChars: 20_000,
  maxValues: 100,
  fallback: null,
  parse: parseNotice,
};

// ---------------------------------------------------------------------------------------------
// What the pages and the background use

export interface LoadedProfile {
  profile: Profile | null;
  /** Set when something stored was unreadable and has just been (or was earlier) set aside. */
  notice: ProfileNotice | null;
  /** New questions (profile field names) whose missing answer can change the route: ask them again. */
  askAgain: string[];
}

/** The stored profile's version, or an error when it is not one this code can read. */
async function profileVersion(): Promise<Parsed<number>> {
  const meta = (await rawValue('profile$').catch(() => undefined)) as { v?: unknown } | undefined;
  const v = meta === undefined || meta === null ? 1 : typeof meta === 'object' ? (meta.v ?? 1) : NaN;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= PROFILE_VERSION) return { ok: true, value: v };
  return { ok: false, errors: [`Profilen: ukjent lagringsversjon (${String(v).slice(0, 40)}); forventet 1 til ${PROFILE_VERSION}`] };
}

export async function loadProfile(): Promise<LoadedProfile> {
  const version = await profileVersion();
  let profile: Profile | null = null;
  if (!version.ok) {
    const raw = await rawValue('profile').catch(() => undefined);
    if (raw !== undefined && raw !== null) await setAside(PROFILE, raw, version.errors);
    else await browser.storage.local.remove('profile$').catch(() => undefined);
  } else {
    profile = await readGuarded(profileSpec(version.value));
    // Migrated: stored at the current version from now on.
    if (profile && version.value < PROFILE_VERSION) await saveProfile(profile);
  }
  return { profile, notice: await readGuarded(NOTICE), askAgain: profile ? questionsToAskAgain(profile) : [] };
}

/** The "always on this site" origins (https only, valid, deduplicated). */
export function loadSites(): Promise<string[]> {
  return readGuarded(SITES);
}

/** Origins whose permission the browser removed since the reader enabled them. */
export function loadRemovedSites(): Promise<string[]> {
  return readGuarded(REMOVED_SITES);
}

export async function saveSites(sites: readonly string[]): Promise<void> {
  await alwaysSitesItem.setValue([...new Set(sites)].filter((s) => httpsOrigin(s) !== null).slice(0, MAX_SITES));
}

/** Validates and stores a profile; nothing is written when it is invalid. */
export async function saveProfile(data: unknown): Promise<{ ok: true; profile: Profile } | { ok: false; errors: string[] }> {
  const parsed = parseProfile(data);
  if (!parsed.ok) return parsed;
  await browser.storage.local.set({ profile: parsed.profile, profile$: { v: PROFILE_VERSION } });
  return parsed;
}

/**
 * Everything stored, as one plain object (for "download my data"). Never throws: a value that
 * cannot be read or is too large to export sensibly is described instead.
 */
export async function exportData(): Promise<Record<string, unknown>> {
  const read = async (key: string, maxChars: number): Promise<unknown> => {
    try {
      const raw = await rawValue(key);
      return withinBudget(raw, { chars: maxChars, depth: 16, values: 100_000 }) ? (raw ?? null) : { unreadable: `over ${maxChars} tegn` };
    } catch {
      return { unreadable: 'kunne ikke leses' };
    }
  };
  return {
    app: 'Sekretærsjekk',
    exportedAt: new Date().toISOString(),
    profile: await read('profile', 1_000_000),
    profileBackup: await read('profile-backup', 1_000_000),
    alwaysSites: await read('always-sites', 1_000_000),
  };
}
