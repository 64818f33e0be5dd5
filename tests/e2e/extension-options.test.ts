import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MESSAGES, uiStrings } from '../../extension/utils/i18n.ts';
import { axeViolations } from './helpers/axe.ts';
import { SCREENSHOTS } from './helpers/paths.ts';
import { type ChromeGlobal, type Session, launchWithExtension, setProfile } from './helpers/browser.ts';

let session: Session;
let page: Page;

const optionsUrl = () => `chrome-extension://${session.extensionId}/options.html`;

async function stored(): Promise<Record<string, unknown>> {
  return session.sw.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null));
}

async function focusedField(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | HTMLButtonElement | null;
    if (!el || el === document.body) return '';
    if (el instanceof HTMLInputElement) return el.name + (el.type === 'checkbox' && el.value !== 'on' ? `:${el.value}` : '');
    return `${el.localName}#${el.id}`;
  });
}

/** Presses Tab until `name` has focus (from wherever focus is), failing after `max` presses. */
async function tabTo(name: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedField()) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached ${name} with Tab (at ${await focusedField()})`);
}

beforeAll(async () => {
  session = await launchWithExtension();
  await setProfile(session, null);
  page = await session.context.newPage();
  await page.goto(optionsUrl());
  await page.waitForSelector('form#profile-form');
});

afterAll(async () => {
  await session?.close();
});

describe('options page', () => {
  test('is in Norwegian and passes axe-core', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, 'options.nb.png'), fullPage: true });
  });

  test('the profile form is filled and saved with the keyboard alone, in a sensible tab order', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo('birthYear');
    await page.keyboard.type('1990');
    const order = [
      'authorisedHelsesekretaer',
      'completed:vg1-helse-oppvekst',
      'completed:vg2-helseservice',
      'completed:vg3-helsesekretaer',
      'completed:medisinsk-sekretaer-course',
      'yearsAsSecretaryInHealth',
      'educationAbroad',
      'systems',
    ];
    const toCheck = new Set(['completed:vg1-helse-oppvekst', 'completed:vg2-helseservice', 'completed:vg3-helsesekretaer']);
    for (const name of order) {
      await page.keyboard.press('Tab');
      expect(await focusedField()).toBe(name);
      if (toCheck.has(name)) await page.keyboard.press('Space');
      if (name === 'yearsAsSecretaryInHealth') {
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('3');
      }
      if (name === 'systems') await page.keyboard.type('CGM Allmenn, Infodoc');
    }
    await page.keyboard.press('Tab');
    expect(await focusedField()).toMatch(/^button#/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#profile-status').textContent()).toBe('Lagret.');

    expect((await stored()).profile).toEqual({
      birthYear: 1990,
      authorisedHelsesekretaer: false,
      completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
      yearsAsSecretaryInHealth: 3,
      educationAbroad: false,
      systems: ['CGM Allmenn', 'Infodoc'],
    });
  });

  test('saved values are there after a reload', async () => {
    await page.reload();
    await page.waitForSelector('form#profile-form');
    const values = await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('form#profile-form')!;
      const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
      return {
        birthYear: input('birthYear').value,
        authorised: input('authorisedHelsesekretaer').checked,
        completed: [...form.querySelectorAll<HTMLInputElement>('input[name="completed"]')].filter((i) => i.checked).map((i) => i.value),
        years: input('yearsAsSecretaryInHealth').value,
        systems: input('systems').value,
      };
    });
    expect(values).toEqual({
      birthYear: '1990',
      authorised: false,
      completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
      years: '3',
      systems: 'CGM Allmenn, Infodoc',
    });
  });

  test('half years typed the Norwegian way ("2,5") are saved as 2.5, never as 25', async () => {
    const years = page.locator('input[name="yearsAsSecretaryInHealth"]');
    await years.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2,5');
    await years.press('Enter');
    await expect.poll(() => page.locator('#profile-status, #profile-errors').allTextContents()).not.toEqual(['', '']);
    // Either it is understood, or it is refused with a message; silently storing 25 years is wrong.
    const saved = ((await stored()).profile as { yearsAsSecretaryInHealth: number }).yearsAsSecretaryInHealth;
    const refused = (await page.locator('#profile-errors li').count()) > 0;
    expect(saved).toBe(refused ? 3 : 2.5);
    // Put the value from the keyboard test back for the next tests.
    await years.fill('3');
    await years.press('Enter');
    await expect.poll(async () => ((await stored()).profile as { yearsAsSecretaryInHealth: number }).yearsAsSecretaryInHealth).toBe(3);
  });

  test('export downloads everything stored, as JSON', async () => {
    await page.reload();
    await page.waitForSelector('#export-data');
    await page.focus('#export-data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const data = JSON.parse(await readFile(await download.path(), 'utf8')) as { profile: unknown };
    expect(data.profile).toEqual((await stored()).profile);
  });

  test('an implausible birth year (age not 15–80 this year) is refused next to the field, focused, and nothing is saved', async () => {
    const before = (await stored()).profile;
    const thisYear = new Date().getFullYear();
    for (const typed of [String(thisYear - 10), String(thisYear - 90)]) {
      await page.fill('input[name="birthYear"]', typed);
      await page.locator('form#profile-form button[type="submit"]').click();
      await expect.poll(() => page.locator('#birthYear-error').textContent()).toBe(MESSAGES.nb.form.errors.birthYearRange(thisYear - 80, thisYear - 15));
      expect(await page.locator('input[name="birthYear"]').getAttribute('aria-invalid')).toBe('true');
      expect(await focusedField()).toBe('birthYear');
      expect((await stored()).profile).toEqual(before);
    }
    // Years that do not fit the age: born 2000 cannot have 20 years of work since age 15.
    await page.fill('input[name="birthYear"]', '2000');
    await page.fill('input[name="yearsAsSecretaryInHealth"]', '20');
    await page.locator('input[name="yearsAsSecretaryInHealth"]').press('Enter');
    await expect.poll(() => page.locator('#yearsAsSecretaryInHealth-error').textContent()).toBe(MESSAGES.nb.form.errors.yearsTooMany(thisYear - 2000 - 15));
    expect(await page.locator('#birthYear-error').textContent()).toBe('');
    expect(await focusedField()).toBe('yearsAsSecretaryInHealth');
    expect((await stored()).profile).toEqual(before);
    await page.reload();
    await page.waitForSelector('form#profile-form');
  });

  test('after a save, focus stays with the reader (the field they pressed Enter in)', async () => {
    await page.locator('input[name="yearsAsSecretaryInHealth"]').fill('4');
    await page.locator('input[name="yearsAsSecretaryInHealth"]').press('Enter');
    await expect.poll(() => page.locator('#profile-status').textContent()).toBe('Lagret.');
    expect(await focusedField()).toBe('yearsAsSecretaryInHealth');
    await page.locator('form#profile-form button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => ((await stored()).profile as { yearsAsSecretaryInHealth: number }).yearsAsSecretaryInHealth).toBe(4);
    expect(await focusedField()).toMatch(/^button/);
  });

  test('delete asks first; Escape and "Avbryt" cancel with focus back on the delete button; after delete, focus on the message', async () => {
    await page.focus('#delete-data');
    await page.keyboard.press('Enter');
    expect(await page.locator('#delete-confirm').isVisible()).toBe(true);
    expect(await focusedField()).toBe('button#delete-no');
    await page.keyboard.press('Escape');
    expect(await page.locator('#delete-confirm').isVisible()).toBe(false);
    expect(await focusedField()).toBe('button#delete-data');

    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // "Avbryt" has focus
    expect(await page.locator('#delete-confirm').isVisible()).toBe(false);
    expect(await focusedField()).toBe('button#delete-data');
    expect((await stored()).profile).toBeDefined();

    await page.keyboard.press('Enter');
    await page.locator('#delete-yes').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => Object.keys(await stored())).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('options-message');
    expect(await page.locator('#options-message').textContent()).toBe(MESSAGES.nb.options.deleted);
    await page.reload();
    await page.waitForSelector('form#profile-form');
    expect(await page.inputValue('input[name="birthYear"]')).toBe('');
  });

  test('import: an exported file brings the profile back; a wrong file is refused with a clear message and changes nothing', async () => {
    const profile = { birthYear: 1985, authorisedHelsesekretaer: false, completed: ['medisinsk-sekretaer-course'], yearsAsSecretaryInHealth: 7, educationAbroad: false, systems: ['DIPS'] };
    const exported = JSON.stringify({ app: 'Sekretærsjekk', exportedAt: '2026-12-06T12:00:00Z', profile, profileBackup: null, alwaysSites: [] });
    const upload = async (name: string, text: string) => {
      // Each upload re-renders the page; clear the last message so the wait below sees the new one.
      await page.evaluate(() => (document.getElementById('import-message')!.textContent = ''));
      await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect.poll(() => page.locator('#import-message').textContent()).not.toBe('');
      return { text: await page.locator('#import-message').textContent(), ok: await page.locator('#import-message').getAttribute('data-ok') };
    };
    expect(await upload('notes.txt', 'not json at all')).toEqual({ text: MESSAGES.nb.options.importNotJson, ok: 'false' });
    expect(Object.keys(await stored())).toEqual([]);
    expect(await upload('other.json', '{"name":"something else"}')).toEqual({ text: MESSAGES.nb.options.importNoProfile, ok: 'false' });
    const bad = await upload('bad.json', JSON.stringify({ profile: { ...profile, birthYear: 'nineteen' } }));
    expect(bad.ok).toBe('false');
    expect(bad.text).toBe(MESSAGES.nb.options.importInvalid(['Fødselsår']));
    expect(Object.keys(await stored())).toEqual([]);

    expect(await upload('sekretaersjekk-data.json', exported)).toEqual({ text: MESSAGES.nb.options.imported, ok: 'true' });
    expect((await stored()).profile).toEqual(profile);
    // The form shows it, and focus is back on the file field.
    expect(await page.inputValue('input[name="birthYear"]')).toBe('1985');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-file');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('links the privacy page bundled with the guide', async () => {
    expect(await page.locator('#privacy-link').getAttribute('href')).toBe(`chrome-extension://${session.extensionId}/guide/personvern.html`);
  });
});

describe('options page in English', () => {
  let en: Session;
  let enPage: Page;
  beforeAll(async () => {
    en = await launchWithExtension({ lang: 'en-US' });
    enPage = await en.context.newPage();
    await enPage.goto(`chrome-extension://${en.extensionId}/options.html`);
    await enPage.waitForSelector('form#profile-form');
  });
  afterAll(async () => {
    await en?.close();
  });

  test('every string in English (no Norwegian UI string), messages too; axe finds nothing', async () => {
    expect(await enPage.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await enPage.title()).toBe(MESSAGES.en.options.title);
    await enPage.fill('input[name="birthYear"]', '1700');
    await enPage.fill('input[name="yearsAsSecretaryInHealth"]', 'two');
    await enPage.locator('form#profile-form button[type="submit"]').click();
    await expect.poll(() => enPage.locator('#birthYear-error').textContent()).not.toBe('');
    expect(await enPage.locator('#yearsAsSecretaryInHealth-error').textContent()).toBe(MESSAGES.en.form.errors.yearsNotNumber);
    const withErrors = (await enPage.locator('main').textContent()) ?? '';
    expect(uiStrings('nb').filter((s) => withErrors.includes(s))).toEqual([]);
    await enPage.locator('#delete-data').click();
    await enPage.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{') });
    await expect.poll(() => enPage.locator('#import-message').textContent()).toBe(MESSAGES.en.options.importNotJson);
    const text = (await enPage.locator('main').textContent()) ?? '';
    expect(uiStrings('nb').filter((s) => text.includes(s))).toEqual([]);
    expect(await axeViolations(enPage)).toEqual([]);
    await enPage.setViewportSize({ width: 1000, height: 900 });
    await enPage.reload();
    await enPage.waitForSelector('form#profile-form');
    await enPage.screenshot({ path: join(SCREENSHOTS, 'options.en.png'), fullPage: true });
  });

  test('no extension context made a network request', () => {
    expect(en.extensionNetworkRequests()).toEqual([]);
  });
});

test('no extension context made a network request during this file', () => {
  expect(session.extensionNetworkRequests()).toEqual([]);
});
