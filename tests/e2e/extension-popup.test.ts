import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MESSAGES, uiStrings } from '../../extension/utils/i18n.ts';
import { axeViolations } from './helpers/axe.ts';
import {
  type ChromeGlobal,
  type Session,
  type StoredProfile,
  clickToolbarButton,
  launchWithExtension,
  openPopup,
  setProfile,
  tabIdOf,
  waitForBadge,
} from './helpers/browser.ts';
import { SCREENSHOTS } from './helpers/paths.ts';

/**
 * The popup as a reader meets it, in a 400 × 600 px window, in bokmål and in English (Chromium
 * started with --lang and a matching Accept-Language): each verdict, the route's position, no
 * Norwegian UI text in the English popup, the first run without a profile, the badge, the welcome
 * page, "always on this site", and axe-core. Ads are served on an employer's own site (not a
 * board), so the popup is opened the way a reader would there: toolbar button first.
 */

const VG3: StoredProfile = {
  birthYear: 1990,
  authorisedHelsesekretaer: false,
  completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
  yearsAsSecretaryInHealth: 0,
  educationAbroad: false,
  systems: [],
};
const AUTHORISED: StoredProfile = { ...VG3, birthYear: 1980, authorisedHelsesekretaer: true, yearsAsSecretaryInHealth: 6, systems: ['CGM'] };

const SITE = 'https://jobb.eksempel-legesenter.no';
const ad = (requirements: string[], intro = 'Vi søker en helsesekretær til et travelt legekontor i Hamar.') =>
  `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Helsesekretær til legekontor</title></head><body><main>` +
  `<h1>Helsesekretær til legekontor</h1><p>${intro}</p>` +
  (requirements.length > 0 ? `<h2>Kvalifikasjoner</h2><ul>${requirements.map((r) => `<li>${r}</li>`).join('')}</ul>` : '') +
  `<p>Fast stilling, 100 %. Søknadsfrist: 15. januar.</p></main></body></html>`;

const ADS = {
  required: ad(['Autorisasjon som helsesekretær er et krav.', 'Erfaring med CGM er en fordel.', 'Gode norskkunnskaper, muntlig og skriftlig.']),
  preferred: ad(['Autorisasjon som helsesekretær er ønskelig.']),
  nothing: ad([], 'Vi søker en blid helsesekretær til et travelt legekontor i Hamar. Vi tilbyr hyggelige kolleger.'),
};

interface VerdictCase {
  verdict: 'fits' | 'fits-with-caveats' | 'not-yet' | 'cannot-tell';
  ad: keyof typeof ADS;
  profile: StoredProfile;
  badge: string;
  hasRoute: boolean;
}
const VERDICTS: VerdictCase[] = [
  { verdict: 'not-yet', ad: 'required', profile: VG3, badge: '✗', hasRoute: true },
  { verdict: 'fits-with-caveats', ad: 'preferred', profile: VG3, badge: '!', hasRoute: true },
  { verdict: 'fits', ad: 'required', profile: AUTHORISED, badge: '✓', hasRoute: false },
  { verdict: 'cannot-tell', ad: 'nothing', profile: VG3, badge: '?', hasRoute: false },
];

let adCounter = 0;

/** Serves `html` at a fresh URL on the employer's site, opens it and clicks the toolbar button (activeTab). */
async function openAd(session: Session, html: string): Promise<{ page: Page; tabId: number }> {
  const url = `${SITE}/stilling/${++adCounter}`;
  session.serveHtml(url, html);
  const page = await session.context.newPage();
  await page.goto(url);
  await clickToolbarButton(session, page);
  return { page, tabId: await tabIdOf(session, page) };
}

async function badgeTitle(session: Session, tabId: number): Promise<string> {
  return session.sw.evaluate((id: number) => (globalThis as unknown as ChromeGlobal).chrome.action.getTitle({ tabId: id }), tabId);
}

/** The popup's visible text, without the ad's own words (quotes) and text marked as Norwegian content. */
async function uiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const app = document.getElementById('app')!.cloneNode(true) as HTMLElement;
    for (const el of app.querySelectorAll('.evidence, [lang="nb"]')) el.remove();
    // Closed disclosures count too: their text is one click away.
    return app.textContent ?? '';
  });
}

for (const lang of ['nb', 'en'] as const) {
  const chromeLang = lang === 'nb' ? 'nb' : 'en-US';
  const t = MESSAGES[lang];

  describe(`popup and welcome page, browser language ${chromeLang}`, () => {
    let session: Session;
    let popupPage: Page;

    beforeAll(async () => {
      session = await launchWithExtension({ lang: chromeLang });
      popupPage = await session.context.newPage();
      await popupPage.setViewportSize({ width: 400, height: 600 });
    });

    afterAll(async () => {
      await session?.close();
    });

    test('on install the bundled welcome page opens: what it does, the profile stays on the device, how to pin, the questions; axe finds nothing', async () => {
      await expect.poll(() => session.context.pages().some((p) => p.url().endsWith('/welcome.html')), { timeout: 10_000 }).toBe(true);
      const welcome = session.context.pages().find((p) => p.url().endsWith('/welcome.html'))!;
      await welcome.waitForSelector('form#profile-form');
      expect(await welcome.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await welcome.title()).toBe(t.welcome.title);
      for (const section of ['questions', 'privacy', 'pin', 'titles']) expect(await welcome.locator(`[data-section="${section}"]`).count(), section).toBe(1);
      expect(await welcome.locator('[data-section="privacy"]').textContent()).toContain(t.welcome.privacy);
      expect(await welcome.locator('[data-section="pin"]').textContent()).toContain(t.welcome.pin);
      expect(await axeViolations(welcome)).toEqual([]);
      if (lang === 'en') {
        const text = await welcome.evaluate(() => {
          const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
          for (const el of main.querySelectorAll('[lang="nb"]')) el.remove();
          return main.textContent ?? '';
        });
        expect(uiStrings('nb').filter((s) => text.includes(s))).toEqual([]);
      }
      mkdirSync(SCREENSHOTS, { recursive: true });
      await welcome.setViewportSize({ width: 1000, height: 800 });
      await welcome.screenshot({ path: join(SCREENSHOTS, `welcome.${lang}.png`) });

      // The same questions as the popup: answering them saves the profile.
      await welcome.fill('input[name="birthYear"]', '1990');
      await welcome.check('input[name="completed"][value="vg3-helsesekretaer"]');
      await welcome.click('form#profile-form button[type="submit"]');
      await expect.poll(() => welcome.locator('#welcome-done').textContent()).toBe(t.welcome.done);
      const stored = await session.sw.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.get('profile'));
      expect(stored['profile']).toMatchObject({ birthYear: 1990, completed: ['vg3-helsesekretaer'] });
      await welcome.close();
    });

    test('first run, no profile: the badge says "answer a few questions" ("…", not the "?" of cannot tell); the popup shows what the ad asks for, then the questions', async () => {
      await setProfile(session, null);
      const { page, tabId } = await openAd(session, ADS.required);
      const badge = await waitForBadge(session, tabId, (b) => b.text !== '');
      expect(badge.text).toBe('…');
      expect(await badgeTitle(session, tabId)).toBe(t.badge.noProfile);

      const popup = await openPopup(session, tabId, popupPage);
      expect(popup.verdict).toBe('no-profile');
      const asks = popupPage.locator('[data-section="ad-asks"]');
      expect(await asks.locator('[data-authorisation-level="required"]').textContent()).toBe(t.authorisationLevel.required);
      const asksText = (await asks.textContent()) ?? '';
      expect(asksText).toContain('Autorisasjon som helsesekretær er et krav');
      expect(asksText).toContain(t.titleNames.helsesekretaer);
      expect(asksText).toContain('CGM');
      expect(asksText).toContain('Gode norskkunnskaper');
      // Then the questions: 3–5 of them (fields and groups), and systems because the ad names one.
      const questions = popupPage.locator('[data-section="questions"] form#profile-form');
      // Visible questions only: the ones that matter appear as the answers call for them.
      const asked = await questions.evaluate((form) =>
        [...form.children].filter((el) => !(el as HTMLElement).hidden && el.matches('p.field, p.check, fieldset, div.conditional')).length,
      );
      expect(asked).toBeGreaterThanOrEqual(3);
      expect(asked).toBeLessThanOrEqual(5 + 1); // + systems, asked because the ad names one
      expect(await questions.locator('input[name="systems"]').count()).toBe(1);
      expect(await axeViolations(popupPage)).toEqual([]);
      await popupPage.screenshot({ path: join(SCREENSHOTS, `popup-no-profile.${lang}.png`) });

      // Answering them gives a verdict in the same popup.
      await popupPage.fill('input[name="birthYear"]', '1990');
      for (const id of ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer']) await popupPage.check(`input[name="completed"][value="${id}"]`);
      await popupPage.click('form#profile-form button[type="submit"]');
      await expect.poll(() => popupPage.evaluate(() => document.getElementById('app')?.dataset.verdict)).toBe('not-yet');
      await waitForBadge(session, tabId, (b) => b.text === '✗');
      await page.close();
    });

    test.each(VERDICTS)('$verdict: verdict first, the route within the first 400 px, badge and title, axe, screenshot', async (c) => {
      await setProfile(session, c.profile);
      const { page, tabId } = await openAd(session, ADS[c.ad]);
      const badge = await waitForBadge(session, tabId, (b) => b.text !== '' && b.text !== '…');
      expect(badge.text).toBe(c.badge);
      expect(await badgeTitle(session, tabId)).toBe(t.badge[c.verdict]);
      // The toolbar's popup for this tab carries the verdict (painted before anything is read).
      const toolbarPopup = await session.sw.evaluate((id: number) => (globalThis as unknown as ChromeGlobal).chrome.action.getPopup({ tabId: id }), tabId);
      expect(new URL(toolbarPopup).searchParams.get('v')).toBe(c.verdict);

      const popup = await openPopup(session, tabId, popupPage);
      expect(popup.verdict).toBe(c.verdict);
      expect(await popupPage.locator('#verdict-label').textContent()).toBe(t.verdict[c.verdict]);
      const order = await popupPage.evaluate(() => [...document.querySelectorAll('#status [data-section]')].map((el) => el.getAttribute('data-section')));
      expect(order[0]).toBe('verdict');
      if (c.hasRoute) {
        expect(popup.route).not.toBe('');
        expect(order.indexOf('route')).toBeLessThan(order.indexOf('reasons'));
        const top = await popupPage.evaluate(() => document.querySelector('[data-section="route"]')!.getBoundingClientRect().top);
        expect(top).toBeLessThan(400);
        const route = popupPage.locator('[data-section="route"]');
        for (const part of ['.route-title', '.route-first-step', '.route-duration', '.route-cost', '#route-link']) expect((await route.locator(part).textContent())?.trim(), part).not.toBe('');
        expect(await route.locator('#route-link').textContent()).toBe(t.readRoute);
        // The route's title, first step, duration and cost in the reader's language (no Norwegian fallback).
        expect(await route.locator('[lang="nb"]').count()).toBe(0);
      } else {
        expect(popup.route).toBe('');
        expect(order).not.toContain('route');
      }
      // Reasons: short lines, the ad's words, sources behind a disclosure, never "F-10".
      expect(await popupPage.locator('[data-section="reasons"] li[data-reason-id]').count()).toBeGreaterThan(0);
      expect(await popupPage.locator('[data-section="reasons"] details.reason-details[open]').count()).toBe(0);
      expect(await uiText(popupPage)).not.toMatch(/\bF-\d\d\b/);
      // "Always on this site" next to the answer, before the route.
      expect(order.indexOf('site')).toBe(1);

      if (lang === 'en') {
        const text = await uiText(popupPage);
        expect(uiStrings('nb').filter((s) => text.includes(s))).toEqual([]);
      }
      expect(await axeViolations(popupPage)).toEqual([]);
      // Open every disclosure: still no violations, and the sources are readable names.
      await popupPage.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await axeViolations(popupPage)).toEqual([]);
      await popupPage.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
      await popupPage.screenshot({ path: join(SCREENSHOTS, `popup-${c.verdict}.${lang}.png`) });
      await page.close();
    });

    test('"always on this site": a declined prompt and a permission removed later are both said in words', async () => {
      await setProfile(session, VG3);
      const { page, tabId } = await openAd(session, ADS.required);
      await waitForBadge(session, tabId, (b) => b.text === '✗');
      await openPopup(session, tabId, popupPage);
      const host = new URL(SITE).host;
      expect(await popupPage.locator('#always-on-site').textContent()).toBe(t.alwaysOnSite(host));
      // Headless Chromium cannot show the browser's permission prompt, so the reader's "Cancel"
      // is given as the answer chrome.permissions.request resolves with; the rest is the real popup.
      await popupPage.evaluate(() => {
        const chrome = (globalThis as unknown as ChromeGlobal).chrome;
        (chrome.permissions as { request: unknown }).request = () => Promise.resolve(false);
      });
      await popupPage.click('#always-on-site');
      await expect.poll(() => popupPage.locator('#site-message').textContent()).toBe(t.permissionDenied(host));
      expect(await popupPage.locator('#site-message').getAttribute('data-site-status')).toBe('denied');
      expect(await popupPage.locator('#always-on-site').getAttribute('aria-pressed')).toBe('false');

      // Enabled once, the permission since removed in the browser (no host permission is granted here).
      await session.sw.evaluate((origin: string) => (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ 'always-sites': [origin] }), SITE);
      await openPopup(session, tabId, popupPage);
      await expect.poll(() => popupPage.locator('#site-message').textContent()).toBe(t.permissionRemoved(host));
      expect(await popupPage.locator('#always-on-site').getAttribute('aria-pressed')).toBe('false');
      expect(await axeViolations(popupPage)).toEqual([]);
      await session.sw.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.remove('always-sites'));
      await page.close();
    });

    test('no extension context made a network request', () => {
      expect(session.extensionNetworkRequests()).toEqual([]);
    });
  });
}
