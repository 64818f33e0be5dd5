import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './helpers/axe.ts';
import {
  type Session,
  type StoredProfile,
  badgeOf,
  clickToolbarButton,
  launchWithExtension,
  openPopup,
  setProfile,
  tabIdOf,
  waitForBadge,
  storedTabState,
} from './helpers/browser.ts';
import { type BoardFixture, boardFixture, boardFixtures } from './helpers/fixtures.ts';

/**
 * The boards as they really are (pages rebuilt from the saved real markup, served at the boards'
 * real URL shapes): the verdict follows the employer's own words, listings show a count, an ad
 * embedded in a kommune's iframe gets a verdict, a late-rendering jobbnorge ad is read once it is
 * there, and an article about the titles is not a job ad.
 */
const UNAUTHORISED_WITH_VG3: StoredProfile = {
  birthYear: 1990,
  authorisedHelsesekretaer: false,
  completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
  yearsAsSecretaryInHealth: 0,
  educationAbroad: false,
  systems: [],
};

let session: Session;
let popupPage: Page;

async function open(fixture: BoardFixture, clickButton = false): Promise<{ page: Page; tabId: number }> {
  session.serve(fixture.url, fixture.file);
  if (fixture.embeds) {
    const embedded = boardFixture(fixture.embeds);
    session.serve(embedded.url, embedded.file);
  }
  const page = await session.context.newPage();
  await page.goto(fixture.url);
  if (clickButton) await clickToolbarButton(session, page);
  return { page, tabId: await tabIdOf(session, page) };
}

/** What the background keeps for a tab (storage.session): the adapter and page kind, and whether it is a target ad. */
async function stateOf(tabId: number): Promise<{ adapter?: string; kind?: string; isTargetJob: boolean; frameId?: number } | null> {
  const stored = await storedTabState(session, tabId);
  return stored?.reading ? { adapter: stored.info?.adapter, kind: stored.info?.kind, isTargetJob: stored.reading.isTargetJob, frameId: stored.frameId } : null;
}

beforeAll(async () => {
  session = await launchWithExtension();
  popupPage = await session.context.newPage();
  await setProfile(session, UNAUTHORISED_WITH_VG3);
});

afterAll(async () => {
  await session?.close();
});

describe('every board’s ad, at its real URL shape: the verdict follows the employer’s words', () => {
  const ads = boardFixtures().filter((f) => f.target && f.kind === 'ad' && f.board !== 'generic' && f.rendersAfterMs === undefined);

  test('the fixtures cover every board', () => {
    expect(new Set(ads.map((f) => f.adapter))).toEqual(new Set(['finn', 'nav', 'jobbnorge', 'webcruiter', 'hrmanager', 'karriere']));
  });

  test.each(ads)('$id ($adapter, authorisation $authorization)', async (fixture) => {
    const { page, tabId } = await open(fixture);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '' && b.text !== '…', 8000);
    expect(await stateOf(tabId)).toMatchObject({ adapter: fixture.adapter, kind: 'ad', isTargetJob: true });
    const popup = await openPopup(session, tabId, popupPage);
    if (fixture.authorization === 'required') {
      expect(badge.text).toBe('✗');
      expect(popup.verdict).toBe('not-yet');
    } else {
      expect(badge.text).not.toBe('✗');
      expect(['fits', 'fits-with-caveats']).toContain(popup.verdict);
    }
    await page.close();
  });
});

test.each(boardFixtures().filter((f) => f.embeds !== undefined))('an ad embedded in an iframe on a kommune page ($adapter): the top tab’s badge and popup show it', async (fixture) => {
  const { page, tabId } = await open(fixture);
  const badge = await waitForBadge(session, tabId, (b) => b.text !== '' && b.text !== '…', 8000);
  expect(badge.text).not.toBe('✗');
  const state = await stateOf(tabId);
  expect(state).toMatchObject({ adapter: fixture.adapter, kind: 'ad', isTargetJob: true });
  expect(state?.frameId).toBeGreaterThan(0);
  const popup = await openPopup(session, tabId, popupPage);
  expect(['fits', 'fits-with-caveats']).toContain(popup.verdict);
  await page.close();
});

describe('listing pages: the badge counts the matching ads, the popup lists them', () => {
  test.each(boardFixtures().filter((f) => f.kind === 'listing' && (f.matching ?? 0) > 0))('$id', async (fixture) => {
    const { page, tabId } = await open(fixture);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '', 8000);
    expect(badge.text).toBe(String(fixture.matching));
    const popup = await openPopup(session, tabId, popupPage);
    expect(popup.verdict).toBe('none');
    expect(await popup.page.locator('#verdict-label').count()).toBe(0);
    const links = popup.page.locator('li[data-listing-item] a');
    expect(await links.count()).toBe(fixture.matching);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) expect(href).toMatch(/^https:\/\/(www\.finn\.no\/job\/ad\/|arbeidsplassen\.nav\.no\/stillinger\/stilling\/)/);
    expect(await axeViolations(popup.page)).toEqual([]);
    await page.close();
  });
});

test('jobbnorge: the "Laster..." shell is not read; the ad rendered 1 s later is', async () => {
  const fixture = boardFixture('jobbnorge-late');
  const { page, tabId } = await open(fixture);
  // Before the app renders (the page is loaded and idle, the ad comes at 1 s): nothing was reported.
  await page.waitForLoadState('load');
  expect(await page.locator('h1').count()).toBe(0);
  expect(await stateOf(tabId)).toBeNull();
  expect((await badgeOf(session, tabId)).text).toBe('');
  await page.waitForSelector('h1', { timeout: 5000 });
  const badge = await waitForBadge(session, tabId, (b) => b.text !== '' && b.text !== '…', 8000);
  expect(badge.text).toBe('✗');
  expect(await stateOf(tabId)).toMatchObject({ adapter: 'jobbnorge', kind: 'ad', isTargetJob: true });
  await page.close();
});

test('an article about the titles is not a job ad: no verdict, no badge, the popup says so', async () => {
  const fixture = boardFixture('generic-article');
  const { page, tabId } = await open(fixture, true);
  await expect.poll(() => stateOf(tabId), { timeout: 8000 }).toMatchObject({ adapter: 'generic', kind: 'not-ad', isTargetJob: false });
  expect((await badgeOf(session, tabId)).text).toBe('');
  const popup = await openPopup(session, tabId, popupPage);
  expect(popup.verdict).toBe('none');
  expect(await popup.page.locator('#not-an-ad').textContent()).toBe('Denne siden er ikke en stillingsannonse.');
  expect(await popup.page.locator('#verdict-label').count()).toBe(0);
  await page.close();
});

test('a board ad whose selectors all miss: read by the generic reader, and the popup offers a problem report', async () => {
  const url = 'https://www.finn.no/job/ad/400000009';
  session.serveHtml(
    url,
    '<!DOCTYPE html><html lang="nb"><head><title>Helsesekretær | FINN.no</title></head><body><main><h1>Helsesekretær</h1><div class="redesigned-body"><p>Vi søker helsesekretær i 100 % fast stilling.</p><p>Autorisasjon som helsesekretær er et krav.</p></div></main></body></html>',
  );
  const page = await session.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(session, page);
  await waitForBadge(session, tabId, (b) => b.text !== '' && b.text !== '…', 8000);
  expect(await stateOf(tabId)).toMatchObject({ adapter: 'generic', kind: 'ad', isTargetJob: true });
  const popup = await openPopup(session, tabId, popupPage);
  const button = popup.page.locator('button#report-problem');
  expect(await button.textContent()).toBe('Rapporter et problem med denne siden');
  await button.click();
  // Copied where the clipboard allows it (a user gesture in the popup), else shown for copying by hand.
  await expect.poll(() => popup.page.locator('#report-status').textContent()).toMatch(/Kopiert|Kunne ikke kopiere/);
  if ((await popup.page.locator('#report-text').count()) > 0) {
    const text = (await popup.page.locator('#report-text').textContent()) ?? '';
    expect(text).toContain('url path: /job/ad/<id>');
    expect(text).not.toContain('Vi søker');
  }
  await page.close();
});

test('no extension context made a network request during this file', () => {
  expect(session.extensionNetworkRequests()).toEqual([]);
});
