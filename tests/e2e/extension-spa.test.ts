import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { type Session, badgeOf, launchWithExtension, openPopup, setProfile, tabIdOf, waitForBadge } from './helpers/browser.ts';
import { boardFixture } from './helpers/fixtures.ts';
import { highlightedTexts } from './helpers/page-checks.ts';

/**
 * arbeidsplassen.nav.no is a client-side app: the URL changes with history.pushState and the ad's
 * text arrives later. The fixture renders the next ad AD_DELAY_MS after the URL changes.
 */
const AD_DELAY_MS = 400;
/** The content script's quiet time before a rescan (extension/entrypoints/content/index.ts) plus slack for a loaded machine. */
const DEBOUNCE_WINDOW_MS = 300 + 2000;

let session: Session;
let page: Page;
let popupPage: Page;
let tabId: number;

beforeAll(async () => {
  session = await launchWithExtension();
  await setProfile(session, {
    birthYear: 1988,
    authorisedHelsesekretaer: false,
    completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
    yearsAsSecretaryInHealth: 1,
    educationAbroad: false,
    systems: [],
  });
  const spa = boardFixture('arbeidsplassen-spa');
  // The app serves the same shell for its own routes (a reload on an ad URL works too).
  session.serve(spa.url, spa.file);
  session.serve('https://arbeidsplassen.nav.no/stillinger/stilling/0b9c8d7e-1111-4a2b-9c3d-aaaaaaaaaaaa', spa.file);
  session.serve('https://arbeidsplassen.nav.no/stillinger/stilling/0b9c8d7e-2222-4a2b-9c3d-bbbbbbbbbbbb', spa.file);
  page = await session.context.newPage();
  await page.goto(spa.url);
  tabId = await tabIdOf(session, page);
  popupPage = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

test('the search page itself gets no verdict', async () => {
  const popup = await openPopup(session, tabId, popupPage);
  expect(popup.verdict).toBe('none');
  expect((await badgeOf(session, tabId)).text).toBe('');
});

test('pushState to an ad whose text arrives later → a verdict within the debounce window', async () => {
  await page.bringToFront();
  await page.click('a[data-next-ad="required"]');
  expect(page.url()).toContain('/stillinger/stilling/0b9c8d7e-1111');
  const badge = await waitForBadge(session, tabId, (b) => b.text !== '', AD_DELAY_MS + DEBOUNCE_WINDOW_MS);
  expect(badge.text).toBe('✗');
  const popup = await openPopup(session, tabId, popupPage);
  expect(popup.verdict).toBe('not-yet');
  expect(popup.route).not.toBe('');
  const texts = await highlightedTexts(page);
  expect(texts.map((t) => t.toLowerCase())).toContain('helsesekretær');
});

test('pushState on to an ad for another job → verdict and badge go away', async () => {
  await page.bringToFront();
  await page.evaluate((delay: number) => (window as unknown as { __navigateTo(key: string, delay: number): void }).__navigateTo('other', delay), AD_DELAY_MS);
  await waitForBadge(session, tabId, (b) => b.text === '', AD_DELAY_MS + DEBOUNCE_WINDOW_MS);
  await expect.poll(async () => (await openPopup(session, tabId, popupPage)).verdict, { timeout: DEBOUNCE_WINDOW_MS }).toBe('none');
  await page.waitForFunction(() => document.getElementById('page-heading')?.textContent?.startsWith('Lagermedarbeider'));
  // The previous ad's highlights are gone: nothing highlighted in the new ad or its heading (the
  // results list beside it still names a helsesekretær job, and may stay highlighted). Highlight
  // names are random per page, so every registered highlight is looked at.
  const whereHighlighted = () =>
    page.evaluate(() =>
      [...(CSS.highlights as unknown as Map<string, Iterable<Range>>).values()].flatMap((highlight) =>
        [...highlight].map((r) => {
          const node = r.commonAncestorContainer;
          const el = node instanceof Element ? node : node.parentElement;
          const area = el?.closest('.search-results') ? 'results' : el?.closest('#ad-slot, #page-heading') ? 'ad' : 'elsewhere';
          return `${area}:${r.toString()}`;
        }),
      ),
    );
  // (The test before this one saw 'helsesekretær' highlighted in this page, so an empty list is news.)
  await expect.poll(whereHighlighted).not.toContainEqual(expect.stringMatching(/^(ad|elsewhere):/));
});

test('no extension context made a network request during this file', () => {
  expect(session.extensionNetworkRequests()).toEqual([]);
});
