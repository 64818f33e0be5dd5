import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chooseRoute } from '../../shared/lib/fit.ts';
import type { Profile, Rules } from '../../shared/lib/types.ts';
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
import { domChangedFrom, highlightedTexts } from './helpers/page-checks.ts';
import { ROOT } from './helpers/paths.ts';

const rules = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/rules.json'), 'utf8')) as Rules;

const UNAUTHORISED_WITH_VG3: StoredProfile = {
  birthYear: 1990,
  authorisedHelsesekretaer: false,
  completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
  yearsAsSecretaryInHealth: 0,
  educationAbroad: false,
  systems: [],
};
const UNAUTHORISED_NO_EDUCATION: StoredProfile = {
  birthYear: 1985,
  authorisedHelsesekretaer: false,
  completed: [],
  yearsAsSecretaryInHealth: 0,
  educationAbroad: false,
  systems: [],
};
const AUTHORISED: StoredProfile = {
  birthYear: 1980,
  authorisedHelsesekretaer: true,
  completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
  yearsAsSecretaryInHealth: 6,
  educationAbroad: false,
  systems: ['CGM', 'Infodoc'],
};
const MEDSEK_COURSE: StoredProfile = {
  birthYear: 1992,
  authorisedHelsesekretaer: false,
  completed: ['medisinsk-sekretaer-course'],
  yearsAsSecretaryInHealth: 0,
  educationAbroad: false,
  systems: [],
};

/** Boards the extension reads without being asked (content script on the board's hosts). */
const SUPPORTED_BOARDS = ['finn', 'arbeidsplassen', 'jobbnorge', 'webcruiter', 'hrmanager', 'karriere'];

const today = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

const isRed = (c: number[]) => (c[0] ?? 0) > 150 && (c[1] ?? 0) < 100 && (c[2] ?? 0) < 100;
const isGreen = (c: number[]) => (c[1] ?? 0) > (c[0] ?? 0) + 50 && (c[1] ?? 0) > (c[2] ?? 0);

let session: Session;
/** One tab for popup.html, reused (opening tabs is the slow part). */
let popupPage: Page;

async function openFixture(fixture: BoardFixture): Promise<{ page: Page; tabId: number }> {
  session.serve(fixture.url, fixture.file);
  if (fixture.embeds) {
    const embedded = boardFixture(fixture.embeds);
    session.serve(embedded.url, embedded.file);
  }
  const page = await session.context.newPage();
  await page.goto(fixture.url);
  if (!SUPPORTED_BOARDS.includes(fixture.board)) await clickToolbarButton(session, page);
  return { page, tabId: await tabIdOf(session, page) };
}

/** The background's stored reading for a tab (storage.session), to tell "listing" from "not a target". */
async function readingOf(tabId: number): Promise<{ isTargetJob: boolean; listing: boolean } | null> {
  const reading = (await storedTabState(session, tabId))?.reading;
  return reading ? { isTargetJob: reading.isTargetJob, listing: reading.listing } : null;
}

beforeAll(async () => {
  session = await launchWithExtension();
  popupPage = await session.context.newPage();
  await setProfile(session, null);
});

afterAll(async () => {
  await session?.close();
});

describe('every board fixture: highlights, untouched DOM, badge, popup (no profile yet)', () => {
  // (A page that renders its ad itself changes its DOM: extension-boards-real.test.ts reads it.)
  test.each(boardFixtures().filter((f) => f.target && f.rendersAfterMs === undefined))('$id ($board)', async (fixture) => {
    const { page, tabId } = await openFixture(fixture);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '');
    // No profile yet: its own badge, not the "?" of "cannot tell".
    expect(badge.text).toBe('…');

    const texts = await highlightedTexts(page);
    if (fixture.visibleText === false) {
      expect(texts).toEqual([]);
    } else {
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(text.replace(/\u00ad/g, '')).toMatch(/(helse|medisinsk |lege)sekret(æ|ae)r/i);
      expect(texts.map((t) => t.toLowerCase())).toContain(fixture.title);
    }

    expect(await domChangedFrom(page, fixture.html)).toBeNull();

    const popup = await openPopup(session, tabId, popupPage);
    expect(popup.state).toBe('ready');
    expect(popup.verdict).toBe('no-profile');
    expect(popup.route).toBe('');
    expect(await popup.page.locator('form#profile-form').count()).toBe(1);
    await page.close();
  });

  test.each(boardFixtures().filter((f) => !f.target))('$id ($board): no verdict; a listing’s badge counts its matching ads', async (fixture) => {
    const { page, tabId } = await openFixture(fixture);
    const popup = await openPopup(session, tabId, popupPage);
    expect(popup.verdict).toBe('none');
    expect(popup.route).toBe('');
    expect((await badgeOf(session, tabId)).text).toBe(fixture.matching ? String(fixture.matching) : '');
    expect(await readingOf(tabId)).toEqual({ isTargetJob: false, listing: fixture.listing });
    expect(await domChangedFrom(page, fixture.html)).toBeNull();
    await page.close();
  });
});

describe('popup verdict and route for a saved profile', () => {
  test('authorisation required, unauthorised reader with Vg3 → not yet, route chosen by the rules core', async () => {
    await setProfile(session, UNAUTHORISED_WITH_VG3);
    const { page, tabId } = await openFixture(boardFixture('finn-ad'));
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '' && b.text !== '…');
    expect(badge.text).toBe('✗');
    expect(isRed(badge.color)).toBe(true);

    const popup = await openPopup(session, tabId, popupPage);
    expect(popup.verdict).toBe('not-yet');
    const expected = chooseRoute(UNAUTHORISED_WITH_VG3 as Profile, today(), rules, 'authorisation').route;
    expect(expected).not.toBeNull();
    expect(popup.route).toBe(expected);
    expect(rules.routes.find((r) => r.id === popup.route)?.leadsToAuthorisation).toBe(true);
    await expect.poll(() => popup.page.locator('#route-link').getAttribute('data-route-link')).toBe(expected);
    // The unmet requirement is quoted from the ad, as text.
    const evidence = await popup.page.locator('li[data-effect="unmet"] .evidence').allTextContents();
    expect(evidence.join(' ')).toContain('Autorisasjon som helsesekretær er et krav');

    // The profile changes while the ad is open: badge and popup follow without a reload.
    await setProfile(session, UNAUTHORISED_NO_EDUCATION);
    const other = chooseRoute(UNAUTHORISED_NO_EDUCATION as Profile, today(), rules, 'authorisation').route;
    expect(other).not.toBeNull();
    await expect.poll(async () => (await openPopup(session, tabId, popup.page)).route).toBe(other);
    expect((await badgeOf(session, tabId)).text).toBe('✗');

    await setProfile(session, AUTHORISED);
    await waitForBadge(session, tabId, (b) => b.text === '✓');
    await page.close();
  });

  test('authorised reader, ad requires authorisation (jobbnorge, JSON-LD) → fits', async () => {
    await setProfile(session, AUTHORISED);
    const { page, tabId } = await openFixture(boardFixture('jobbnorge-ad'));
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '' && b.text !== '…');
    expect(badge.text).toBe('✓');
    expect(isGreen(badge.color)).toBe(true);
    const popup = await openPopup(session, tabId, popupPage);
    expect(popup.verdict).toBe('fits');
    expect(popup.route).toBe('');
    await page.close();
  });

  test('medisinsk sekretær course, ad asks for "helsesekretær eller medisinsk sekretær" → fits', async () => {
    await setProfile(session, MEDSEK_COURSE);
    const { page, tabId } = await openFixture(boardFixture('arbeidsplassen-ad'));
    await waitForBadge(session, tabId, (b) => b.text !== '' && b.text !== '…');
    const popup = await openPopup(session, tabId, popupPage);
    expect(popup.verdict).toBe('fits');
    expect((await badgeOf(session, tabId)).text).toBe('✓');
    await page.close();
  });

  test('a page that is not one of the three jobs → none, even with a profile', async () => {
    await setProfile(session, AUTHORISED);
    const { page, tabId } = await openFixture(boardFixture('finn-not-target'));
    const popup = await openPopup(session, tabId, popupPage);
    expect(popup.verdict).toBe('none');
    expect((await badgeOf(session, tabId)).text).toBe('');
    expect(await popup.page.locator('#verdict-label').count()).toBe(0);
    await page.close();
  });
});

describe('popup accessibility on board ads (README screenshots: extension-popup.test.ts)', () => {
  const cases: { name: string; profile: StoredProfile | null; fixture: string; verdict: string }[] = [
    { name: 'popup-not-yet', profile: UNAUTHORISED_WITH_VG3, fixture: 'finn-ad', verdict: 'not-yet' },
    { name: 'popup-fits', profile: AUTHORISED, fixture: 'jobbnorge-ad', verdict: 'fits' },
    { name: 'popup-no-profile', profile: null, fixture: 'finn-ad', verdict: 'no-profile' },
  ];
  test.each(cases)('$name: axe finds nothing', async ({ profile, fixture, verdict }) => {
    await setProfile(session, profile);
    const { page, tabId } = await openFixture(boardFixture(fixture));
    await waitForBadge(session, tabId, (b) => b.text !== '' && (profile === null) === (b.text === '…'));
    const popup = await openPopup(session, tabId, popupPage);
    expect(popup.verdict).toBe(verdict);
    expect(await popup.page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await axeViolations(popup.page)).toEqual([]);
    await page.close();
  });
});

test('no extension context made a network request during this file', () => {
  expect(session.extensionNetworkRequests()).toEqual([]);
});
