import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES } from '../../extension/utils/i18n.ts';
import { type Session, type StoredProfile, launchWithExtension, openPopup, setProfile, tabIdOf, waitForBadge } from './helpers/browser.ts';
import { boardFixture } from './helpers/fixtures.ts';
import { ROOT } from './helpers/paths.ts';

/**
 * The store listing's screenshots (docs/store/screenshots/<lang>/, 1280 × 800 PNG as both stores
 * ask), made from the built extension in real Chromium: the popup over an ad, the options page, a
 * guide page. Each is checked for its size and for showing what it claims to.
 */
const OUT = join(ROOT, 'docs/store/screenshots');
const SIZE = { width: 1280, height: 800 };

const PROFILE: StoredProfile = {
  birthYear: 1990,
  authorisedHelsesekretaer: false,
  completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
  yearsAsSecretaryInHealth: 2,
  educationAbroad: false,
  systems: ['CGM'],
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

for (const lang of ['nb', 'en'] as const) {
  describe(`store screenshots (${lang})`, () => {
    let session: Session;
    const dir = join(OUT, lang);

    beforeAll(async () => {
      session = await launchWithExtension({ lang: lang === 'nb' ? 'nb' : 'en-US' });
      await setProfile(session, PROFILE);
      mkdirSync(dir, { recursive: true });
    });
    afterAll(async () => {
      await session?.close();
    });

    test('1: the popup over a job ad, as the toolbar shows it', async () => {
      const fixture = boardFixture('finn-ad');
      session.serve(fixture.url, fixture.file);
      const ad = await session.context.newPage();
      await ad.setViewportSize(SIZE);
      await ad.goto(fixture.url);
      const tabId = await tabIdOf(session, ad);
      await waitForBadge(session, tabId, (b) => b.text === '✗');
      const adShot = await ad.screenshot();

      const popupPage = await session.context.newPage();
      await popupPage.setViewportSize({ width: 400, height: 600 });
      const popup = await openPopup(session, tabId, popupPage);
      expect(popup.verdict).toBe('not-yet');
      expect(await popupPage.locator('#verdict-label').textContent()).toBe(MESSAGES[lang].verdict['not-yet']);
      const popupShot = await popupPage.screenshot();

      // The two real screenshots composed as the browser shows them: the popup under the toolbar, top right.
      const frame = await session.context.newPage();
      await frame.setViewportSize(SIZE);
      const img = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
      await frame.setContent(
        `<!doctype html><html><body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative">` +
          `<img alt="" src="${img(adShot)}" style="position:absolute;inset:0;width:1280px;height:800px;filter:brightness(0.92)">` +
          `<img alt="" src="${img(popupShot)}" style="position:absolute;top:24px;right:32px;width:400px;height:600px;border:1px solid #c4c4c4;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35)">` +
          `</body></html>`,
      );
      await frame.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
      const file = join(dir, '1-popup-on-ad.png');
      await frame.screenshot({ path: file });
      expect(pngSize(file)).toEqual(SIZE);
      for (const page of [frame, popupPage, ad]) await page.close();
    });

    test('2: the options page with a profile', async () => {
      const page = await session.context.newPage();
      await page.setViewportSize(SIZE);
      await page.goto(`chrome-extension://${session.extensionId}/options.html`);
      await page.waitForSelector('form#profile-form');
      expect(await page.inputValue('input[name="birthYear"]')).toBe('1990');
      expect(await page.locator('h1').textContent()).toBe(MESSAGES[lang].options.title);
      const file = join(dir, '2-options.png');
      await page.screenshot({ path: file });
      expect(pngSize(file)).toEqual(SIZE);
      await page.close();
    });

    test('3: a guide page (bundled, opens offline)', async () => {
      const page = await session.context.newPage();
      await page.setViewportSize(SIZE);
      await page.goto(`chrome-extension://${session.extensionId}/guide/ruter/apply-authorisation.html`);
      expect(await page.locator('h1').count()).toBeGreaterThan(0);
      const file = join(dir, '3-guide-route.png');
      await page.screenshot({ path: file });
      expect(pngSize(file)).toEqual(SIZE);
      await page.close();
    });

    test('made without any network request from the extension', () => {
      expect(session.extensionNetworkRequests()).toEqual([]);
    });
  });
}
