import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROFILE_VERSION, exportData, loadProfile, profileBackupItem, profileItem, profileNoticeItem, saveProfile } from '../../extension/utils/storage.ts';

const PROFILE = {
  birthYear: 1990,
  authorisedHelsesekretaer: false,
  completed: ['vg1-helse-oppvekst', 'vg2-helseservice'],
  yearsAsSecretaryInHealth: 3,
  educationAbroad: false,
  systems: ['Infodoc'],
};

describe('profile storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('has no profile at first, and no notice', async () => {
    expect(await loadProfile()).toEqual({ profile: null, notice: null, askAgain: [] });
  });

  it('saves a valid profile in storage.local under "profile", with its version', async () => {
    const saved = await saveProfile(PROFILE);
    expect(saved.ok).toBe(true);
    const stored = await fakeBrowser.storage.local.get(['profile', 'profile$']);
    expect(stored.profile).toEqual(PROFILE);
    expect(stored['profile$']).toEqual({ v: PROFILE_VERSION });
    expect((await loadProfile()).profile).toEqual(PROFILE);
  });

  it('refuses an invalid profile with Norwegian errors and writes nothing', async () => {
    await saveProfile(PROFILE);
    const result = await saveProfile({ ...PROFILE, birthYear: 'nitten' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toMatch(/fødselsår|birthYear/i);
    expect(await profileItem.getValue()).toEqual(PROFILE);
  });

  for (const [what, corrupt] of [
    ['a string', 'not a profile'],
    ['wrong field types', { ...PROFILE, completed: 'vg3', yearsAsSecretaryInHealth: -4 }],
    ['an unknown course', { ...PROFILE, completed: ['hogwarts'] }],
    ['a number', 42],
  ] as const) {
    it(`resets corrupt data (${what}) with a notice, keeping the old value as a backup`, async () => {
      await fakeBrowser.storage.local.set({ profile: corrupt, profile$: { v: PROFILE_VERSION } });
      const loaded = await loadProfile();
      expect(loaded.profile).toBeNull();
      expect(loaded.notice?.errors.length).toBeGreaterThan(0);
      expect(await profileItem.getValue()).toBeNull();
      expect((await profileBackupItem.getValue())?.value).toEqual(corrupt);
      // The notice stays until dismissed, and the backup is part of the export.
      expect((await loadProfile()).notice).toEqual(loaded.notice);
      expect((await exportData()).profileBackup).toMatchObject({ value: corrupt });
      await profileNoticeItem.removeValue();
      expect((await loadProfile()).notice).toBeNull();
    });
  }

  it('migrates a version-1 profile to version 2 unchanged, asking again only what can change the route', async () => {
    const v1 = { birthYear: 1980, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 2, educationAbroad: true, systems: [] };
    await fakeBrowser.storage.local.set({ profile: v1, profile$: { v: 1 } });
    // WXT runs migrations when the item is defined in a context; here, once more by hand.
    await profileItem.migrate();
    const loaded = await loadProfile();
    expect(loaded.profile).toEqual(v1);
    expect(loaded.notice).toBeNull();
    expect(loaded.askAgain).toEqual(['foreignEducation', 'otherUpperSecondaryCompleted', 'yearsOfWork']);
    expect((await fakeBrowser.storage.local.get('profile$'))['profile$']).toEqual({ v: 2 });
    const authorised = { ...v1, authorisedHelsesekretaer: true };
    await fakeBrowser.storage.local.set({ profile: authorised, profile$: { v: 1 } });
    expect(await loadProfile()).toMatchObject({ profile: authorised, askAgain: [] });
  });

  it('reads data written before versioning (no version meta) through the same parse', async () => {
    await fakeBrowser.storage.local.set({ profile: PROFILE });
    expect((await loadProfile()).profile).toEqual(PROFILE);
  });
});
