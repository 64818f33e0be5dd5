import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { axeViolations } from './helpers/axe.ts';
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

  test('an invalid birth year is refused with a message, and the saved profile is kept', async () => {
    const before = (await stored()).profile;
    await page.fill('input[name="birthYear"]', '1700');
    await page.locator('input[name="birthYear"]').press('Enter');
    await expect.poll(() => page.locator('#profile-errors li').count()).toBeGreaterThan(0);
    expect(await page.locator('#profile-errors').textContent()).toMatch(/[Ff]ødselsår|birthYear/);
    expect((await stored()).profile).toEqual(before);
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

  test('delete asks first, then removes all stored data', async () => {
    await page.focus('#delete-data');
    await page.keyboard.press('Enter');
    expect(await page.locator('#delete-confirm').isVisible()).toBe(true);
    expect(await focusedField()).toBe('button#delete-no');
    await page.keyboard.press('Enter');
    expect(await page.locator('#delete-confirm').isVisible()).toBe(false);
    expect((await stored()).profile).toBeDefined();

    await page.focus('#delete-data');
    await page.keyboard.press('Enter');
    await page.locator('#delete-yes').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => Object.keys(await stored())).toEqual([]);
    await page.reload();
    await page.waitForSelector('form#profile-form');
    expect(await page.inputValue('input[name="birthYear"]')).toBe('');
  });
});

test('no extension context made a network request during this file', () => {
  expect(session.extensionNetworkRequests()).toEqual([]);
});
