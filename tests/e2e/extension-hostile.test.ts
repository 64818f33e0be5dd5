import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  type ChromeGlobal,
  type Session,
  badgeOf,
  launchWithExtension,
  openPopup,
  setProfile,
  tabIdOf,
  waitForBadge,
} from './helpers/browser.ts';
import { PWNED_HOST, flagExpression, hostileAdPage, loadPayloads, specialPages } from './helpers/hostile.ts';

/**
 * The hostile-page suite: every payload sits in a job ad (text, headings, attributes, <title>,
 * JSON-LD strings), inert in the page itself. If the extension ever turned page text into markup
 * or code — in the page, the content script, the popup, the options page or the service worker —
 * the payload would set globalThis.__pwned and request https://pwned.example/<id>.
 */

let session: Session;
let tab: Page;
let tabId: number;
let popupPage: Page;

/** Elements no popup of ours creates: if one shows up, page text became markup. */
const FOREIGN_TAGS = 'img, script, svg, iframe, frame, object, embed, style, meta, base, math, video, audio, source, marquee, link, frameset, template, noscript';
const foreignIn = (root: string) => `${root} :is(${FOREIGN_TAGS})`;

const pwnedRequests = () =>
  [...session.requests.map((r) => r.url), ...session.unserved].filter((url) => url.includes(PWNED_HOST));

async function notPwnedInWorker(): Promise<{ pwned: unknown; polluted: unknown }> {
  return session.sw.evaluate(() => ({
    pwned: (globalThis as { __pwned?: unknown }).__pwned,
    polluted: (({}) as Record<string, unknown>).polluted ?? Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'),
  }));
}

/** Loads `url` in the one hostile tab (via about:blank, so the previous page's badge is gone first). */
async function load(url: string): Promise<void> {
  await tab.goto('about:blank');
  await waitForBadge(session, tabId, (b) => b.text === '');
  await tab.goto(url);
}

async function expectPageUnharmed(): Promise<void> {
  expect(await tab.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await tab.evaluate(() => (globalThis as { __pageAlive?: unknown }).__pageAlive)).toBe(true);
  const before = Number(await tab.locator('#page-counter').textContent());
  await tab.click('#page-alive');
  await expect.poll(async () => Number(await tab.locator('#page-counter').textContent())).toBe(before + 1);
}

async function expectPopupUnharmed(): Promise<string> {
  const popup = await openPopup(session, tabId, popupPage);
  expect(popup.state).toBe('ready');
  expect(await popupPage.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await popupPage.locator(foreignIn('#app')).count()).toBe(0);
  expect(await popupPage.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  return popup.verdict;
}

beforeAll(async () => {
  session = await launchWithExtension();
  await setProfile(session, {
    birthYear: 1990,
    authorisedHelsesekretaer: false,
    completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
    yearsAsSecretaryInHealth: 0,
    educationAbroad: false,
    systems: [],
  });
  tab = await session.context.newPage();
  await tab.goto('about:blank');
  tabId = await tabIdOf(session, tab);
  popupPage = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

test('positive control: an unescaped payload does run, and both the flag and the request are caught', async () => {
  session.serveHtml(
    'https://www.finn.no/job/ad/666999999',
    `<!DOCTYPE html><html lang="nb"><title>kontroll</title><main><h1>Helsesekretær</h1><img src="x" onerror="${flagExpression(999)}"></main></html>`,
  );
  await load('https://www.finn.no/job/ad/666999999');
  await expect.poll(() => tab.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBe(999);
  await expect.poll(() => pwnedRequests()).toContain('https://pwned.example/999');
  session.requests.length = 0;
  session.unserved.length = 0;
});

describe('XSS payloads in ad text, attributes, title and JSON-LD', () => {
  const payloads = loadPayloads();
  test('there are at least 20 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(20);
  });

  test.each(payloads)('#$id $name', async (payload) => {
    const url = `https://www.finn.no/job/ad/666${String(payload.id).padStart(6, '0')}`;
    session.serveHtml(url, hostileAdPage(payload));
    await load(url);
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '');
    expect(badge.text).toBe('✗');
    await expectPageUnharmed();
    expect(await expectPopupUnharmed()).toBe('not-yet');
    expect(await notPwnedInWorker()).toEqual({ pwned: undefined, polluted: false });
    expect(pwnedRequests()).toEqual([]);
  });
});

describe('pages built to break a reader', () => {
  test.each(specialPages())('$name', async ({ name, file }) => {
    const url = `https://www.finn.no/job/ad/667${String(specialPages().findIndex((p) => p.name === name)).padStart(6, '0')}`;
    session.serve(url, file);
    await load(url);
    // Still a verdict for the ad (authorisation required, reader not authorised).
    const badge = await waitForBadge(session, tabId, (b) => b.text !== '', 8000);
    expect(badge.text).toBe('✗');
    await expectPageUnharmed();
    expect(await expectPopupUnharmed()).toBe('not-yet');
    expect(await notPwnedInWorker()).toEqual({ pwned: undefined, polluted: false });
    if (name === 'mutation-storm') {
      // The page's own timers keep running while the extension watches it.
      const ticks = await tab.evaluate(() => (globalThis as { __ticks?: number }).__ticks ?? 0);
      await expect.poll(() => tab.evaluate(() => (globalThis as { __ticks?: number }).__ticks ?? 0)).toBeGreaterThan(ticks + 10);
    }
    expect((await badgeOf(session, tabId)).text).toBe('✗');
  });
});

test('the options page and the worker ran nothing from any page, and nothing requested pwned.example', async () => {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.waitForSelector('form#profile-form');
  expect(await options.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await options.locator(foreignIn('#options')).count()).toBe(0);
  expect(await notPwnedInWorker()).toEqual({ pwned: undefined, polluted: false });
  const stored = await session.sw.evaluate(async () => JSON.stringify(await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null)));
  expect(stored).not.toContain(PWNED_HOST);
  expect(pwnedRequests()).toEqual([]);
  expect(session.extensionNetworkRequests()).toEqual([]);
});
