import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type ChromeGlobal, type Session, badgeOf, launchWithExtension, openPopup, setProfile, tabIdOf, waitForBadge } from './helpers/browser.ts';
import { contentScriptWorld, plainAd } from './helpers/hostile.ts';
import { longTasksAfterLoad, recordLongTasks } from './helpers/page-checks.ts';

/**
 * The hostile world of issues 14 and 15, in real Chromium with the built extension: a content
 * script under the page's control (its isolated world, reached through the DevTools protocol), a
 * page that tries to see or stop the extension, floods, crashes, corrupt storage, delete-all, and
 * the CSP. Timing bounds are generous (a loaded 2-core machine) and compared with a baseline
 * measured in the same run where they can be.
 */

const PROFILE = {
  birthYear: 1990,
  authorisedHelsesekretaer: false,
  completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
  yearsAsSecretaryInHealth: 0,
  educationAbroad: false,
  systems: ['CGM'],
};

let session: Session;
let counter = 0;

beforeAll(async () => {
  session = await launchWithExtension();
  await setProfile(session, PROFILE);
});

afterAll(async () => {
  await session?.close();
});

// A failing test must not leave the next one without a profile.
afterEach(async () => {
  await setProfile(session, PROFILE);
});

/** A fresh tab on a fresh finn ad URL serving `html`; its badge once the ad is read. */
async function openAd(html = plainAd(), expectBadge = '✗'): Promise<{ page: Page; tabId: number; url: string }> {
  const url = `https://www.finn.no/job/ad/${500000000 + ++counter}`;
  session.serveHtml(url, html);
  const page = await session.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(session, page);
  if (expectBadge) await waitForBadge(session, tabId, (b) => b.text === expectBadge, 10_000);
  return { page, tabId, url };
}

const sw = <T>(fn: () => Promise<T>) => session.sw.evaluate(fn);

describe('a content script under the page’s control', () => {
  test('cannot read storage.local, gets no reply carrying the profile, and nothing comes back on its port', async () => {
    const { page, tabId } = await openAd();
    const world = await contentScriptWorld(session.context, page, session.extensionId);
    const out = await world.evaluate<{ storage: string; reply: string; got: string }>(`(async () => {
      const out = {};
      try { out.storage = JSON.stringify(await chrome.storage.local.get(null)); } catch (e) { out.storage = 'refused: ' + e; }
      try { out.reply = JSON.stringify(await chrome.runtime.sendMessage({ type: 'sekretaersjekk:get-tab-state', tabId: ${tabId}, inject: false }) ?? null); } catch (e) { out.reply = 'refused: ' + e; }
      const port = chrome.runtime.connect({ name: 'sekretaersjekk:page-port' });
      const got = [];
      port.onMessage.addListener((m) => got.push(m));
      port.postMessage({ type: 'sekretaersjekk:page', url: location.href, pageTitle: 'x', source: { text: 'Helsesekretær', blocks: [{ kind: 'title', level: 0, start: 0, end: 13 }], jobPostings: [] }, highlights: { count: 1, mode: 'none' } });
      await new Promise((r) => setTimeout(r, 1500));
      out.got = JSON.stringify(got);
      return out;
    })()`);
    await world.detach();
    expect(out.storage).toMatch(/^refused: /);
    expect(out.reply === 'null' || out.reply.startsWith('refused: ')).toBe(true);
    expect(out.got).toBe('[]');
    for (const value of Object.values(out)) expect(value).not.toMatch(/birthYear|1990|CGM|vg3-helsesekretaer/);
    await page.close();
  });

  test('cannot change another tab’s badge or popup: forged reports and broadcasts are ignored', async () => {
    const victim = await openAd();
    const popup = await openPopup(session, victim.tabId);
    expect(popup.verdict).toBe('not-yet');
    const attacker = await openAd();
    const world = await contentScriptWorld(session.context, attacker.page, session.extensionId);
    const forged = { verdict: 'fits', reasons: [], route: null, trace: [], asOf: '2026-12-06' };
    await world.evaluate(`(async () => {
      const forged = ${JSON.stringify(forged)};
      const state = { tabId: ${victim.tabId}, url: 'https://www.finn.no/job/ad/1', pageTitle: 'Ja, du passer', reading: { isTargetJob: true, listing: false }, highlights: { count: 1, mode: 'none' }, verdict: forged, profile: 'ok', updatedAt: Date.now() };
      // The old broadcast, a report naming the victim's tab, and a request to delete everything.
      await chrome.runtime.sendMessage({ type: 'sekretaersjekk:tab-state', tabId: ${victim.tabId}, state }).catch(() => undefined);
      const port = chrome.runtime.connect({ name: 'sekretaersjekk:page-port' });
      port.postMessage({ type: 'sekretaersjekk:page', tabId: ${victim.tabId}, url: location.href, pageTitle: 'Sykepleier', source: { text: 'Sykepleier', blocks: [], jobPostings: [] }, highlights: { count: 0, mode: 'none' } });
      await chrome.runtime.sendMessage({ type: 'sekretaersjekk:delete-all' }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1500));
    })()`);
    await world.detach();
    expect((await badgeOf(session, victim.tabId)).text).toBe('✗');
    expect(await popup.page.locator('#app').getAttribute('data-verdict')).toBe('not-yet');
    expect(await sw(async () => Object.keys(await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null)))).toContain('profile');
    // The attacker's own tab got what it sent: a page that is no ad.
    await waitForBadge(session, attacker.tabId, (b) => b.text === '', 5000);
    await Promise.all([victim.page.close(), attacker.page.close(), popup.page.close()]);
  });
});

describe('a page that tries to see or stop the extension', () => {
  test('sees no postMessage from it, and cannot stop it with WXT’s event names', async () => {
    const url = `https://www.finn.no/job/ad/${500000000 + ++counter}`;
    session.serveHtml(url, plainAd());
    const page = await session.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as { __seen?: string[] }).__seen = seen;
      addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
    });
    await page.goto(url);
    const tabId = await tabIdOf(session, page);
    await waitForBadge(session, tabId, (b) => b.text === '✗', 10_000);
    expect(await page.evaluate(() => (globalThis as { __seen?: string[] }).__seen)).toEqual([]);
    // Knowing the extension's id (it is public), the page sends every stop signal WXT knows of …
    await page.evaluate((id: string) => {
      for (const name of ['content', 'content-script']) {
        const type = `${id}:${name}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'page' } }));
        postMessage({ type, contentScriptName: name, messageId: 'page' }, '*');
      }
    }, session.extensionId);
    // … then swaps the ad for another job: the badge follows, so the script still reads the page.
    await page.evaluate(() => {
      document.querySelector('h1')!.textContent = 'Sykepleier, 100 % fast stilling';
      document.querySelector('.import-decoration')!.textContent = 'Vi søker en sykepleier. Søknadsfrist 1. mars.';
    });
    await waitForBadge(session, tabId, (b) => b.text === '', 8000);
    await page.close();
  });

  test('a content script that dies (the renderer crashes) takes its badge with it', async () => {
    const { page, tabId } = await openAd();
    const cdp = await session.context.newCDPSession(page);
    void cdp.send('Page.crash').catch(() => undefined);
    await waitForBadge(session, tabId, (b) => b.text === '', 8000);
    await page.close().catch(() => undefined);
  });
});

describe('no network from any extension context (CSP connect-src none)', () => {
  test('fetch fails in the worker, the popup, the options page and a guide page, and no request leaves', async () => {
    const probe = `async () => { try { await fetch('https://example.org/probe'); return 'fetched'; } catch (e) { return String(e); } }`;
    const before = session.requests.length;
    expect(await session.sw.evaluate(`(${probe})()`)).toMatch(/TypeError/);
    for (const path of ['popup.html', 'options.html', 'guide/index.html']) {
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/${path}`);
      expect(await page.evaluate(`(${probe})()`), path).toMatch(/TypeError/);
      await page.close();
    }
    expect(session.requests.slice(before).filter((r) => r.url.includes('example.org'))).toEqual([]);
    expect(session.unserved.filter((u) => u.includes('example.org'))).toEqual([]);
  });
});

describe('stored data that cannot lock the reader out', () => {
  const corrupt: [string, Record<string, unknown>][] = [
    ['a 6 MB profile string', { profile: 'x'.repeat(6_000_000), profile$: { v: 2 } }],
    ['a 1.5-million-item profile array', { profile: new Array(1_500_000).fill(1), profile$: { v: 2 } }],
    ['profile$ = {v: -3e9}', { profile: PROFILE, profile$: { v: -3e9 } }],
    ['always-sites = 42', { 'always-sites': 42 }],
    ['always-sites = a string', { 'always-sites': 'https://example.no' }],
    ['always-sites with junk origins', { 'always-sites': ['javascript:x', 'null'] }],
    ['a malformed profile-notice', { 'profile-notice': { at: 42, errors: 'all of them' } }],
  ];
  test.each(corrupt)('%s: the options page renders (export and delete too), the popup is not stuck, delete works', async (_what, values) => {
    await session.sw.evaluate(async (items: Record<string, unknown>) => {
      const chrome = (globalThis as unknown as ChromeGlobal).chrome;
      await chrome.storage.local.clear();
      await chrome.storage.local.set(items);
    }, values);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.waitForSelector('#delete-data', { timeout: 10_000 });
    expect(await options.locator('#export-data').count()).toBe(1);
    expect(await options.locator('form#profile-form').count()).toBe(1);
    const popup = await openPopup(session, 0);
    expect(popup.state).not.toBe('loading');
    await popup.page.close();
    await options.click('#delete-data');
    await options.click('#delete-yes');
    await expect.poll(() => sw(async () => Object.keys(await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null))), { timeout: 10_000 }).toEqual([]);
    await options.close();
    await setProfile(session, PROFILE);
  });
});

test('delete all leaves nothing anywhere: storage.local, storage.session, registered scripts, badges', async () => {
  const { page, tabId } = await openAd();
  await sw(async () => {
    const chrome = (globalThis as unknown as ChromeGlobal).chrome;
    await chrome.storage.local.set({ 'always-sites': ['https://www.finn.no'] });
    await chrome.scripting.registerContentScripts([{ id: 'site:https://www.finn.no', matches: ['https://www.finn.no/job/ad/*'], js: ['/content-scripts/content.js'], persistAcrossSessions: false }]);
  });
  expect(Object.keys(await sw(async () => (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(null)))).toContain(`tab-${tabId}`);
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.click('#delete-data');
  await options.click('#delete-yes');
  await options.waitForFunction(() => document.getElementById('options-message')?.textContent === 'Alle data er slettet.', undefined, { timeout: 10_000 });
  const left = await sw(async () => {
    const chrome = (globalThis as unknown as ChromeGlobal).chrome;
    return {
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      scripts: (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id),
      // Granted origins beyond the manifest's own content-script matches (those are not optional).
      optional: ((await chrome.permissions.getAll()).origins ?? []).filter(
        (o) => !(chrome.runtime.getManifest().content_scripts ?? []).some((cs) => (cs.matches ?? []).includes(o)),
      ),
    };
  });
  expect(left.local).toEqual({});
  expect(left.session).toEqual({});
  expect(left.scripts).toEqual([]);
  expect(left.optional).toEqual([]);
  expect((await badgeOf(session, tabId)).text).toBe('');
  await Promise.all([page.close(), options.close()]);
  await setProfile(session, PROFILE);
});

describe('one tab cannot slow the others', () => {
  test('a flood of giant and near-limit reports from one tab: another tab’s verdict still comes quickly', async () => {
    // Baseline in this run: a tab's time to its verdict with nothing else going on.
    let started = Date.now();
    const quiet = await openAd();
    const baseline = Date.now() - started;
    const attacker = await openAd();
    const world = await contentScriptWorld(session.context, attacker.page, session.extensionId);
    await world.evaluate(`(() => {
      const port = chrome.runtime.connect({ name: 'sekretaersjekk:page-port' });
      const giant = 'Helsesekretær. Autorisasjon er et krav. '.repeat(12_500);
      const near = giant.slice(0, 249_000);
      window.__flood = setInterval(() => {
        for (let i = 0; i < 5; i++) {
          port.postMessage({ type: 'sekretaersjekk:page', url: location.href, pageTitle: 'x', source: { text: giant, blocks: [], jobPostings: [] }, highlights: { count: 0, mode: 'none' } });
          port.postMessage({ type: 'sekretaersjekk:page', url: location.href, pageTitle: 'x', source: { text: near + i, blocks: [], jobPostings: [] }, highlights: { count: 0, mode: 'none' } });
        }
      }, 100);
    })()`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    started = Date.now();
    const other = await openAd();
    const underFlood = Date.now() - started;
    await world.evaluate('clearInterval(window.__flood)');
    await world.detach();
    // "Under 1 s" on an idle machine; here: within a second of the quiet baseline, or twice it.
    expect(underFlood).toBeLessThan(Math.max(baseline + 1000, 2 * baseline));
    await Promise.all([quiet.page.close(), attacker.page.close(), other.page.close()]);
  });
});

describe('pages built to stall a reader (content-script budgets)', () => {
  const head = (title: string) =>
    `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>${title} | FINN.no</title></head><body><main id="main-content"><section class="space-y-16"><h1 class="t3">Helsesekretær, 100 % fast stilling</h1></section><section class="import-decoration"><p>Vi søker en helsesekretær. Søknadsfrist 1. mars.</p><h3>Kvalifikasjoner</h3><ul><li>Autorisasjon som helsesekretær er et krav</li></ul><p>`;
  const tail = '</p></section></main></body></html>';
  const pages: [string, () => string][] = [
    ['1,000,000 <br>', () => head('Helsesekretær (1 000 000 br)') + 'x<br>'.repeat(1_000_000) + tail],
    ['a 20 MB page', () => head('Helsesekretær (20 MB)') + 'Helsesekretær pasient timebok journal skranke telefon. '.repeat(Math.ceil(20_000_000 / 56)) + tail],
  ];
  test.each(pages)(
    '%s: a verdict soon after the page has loaded, and the popup says only the beginning was read',
    async (_name, build) => {
      const url = `https://www.finn.no/job/ad/${500000000 + ++counter}`;
      session.serveHtml(url, build());
      const page = await session.context.newPage();
      await recordLongTasks(page);
      await page.goto(url, { timeout: 120_000 });
      const loaded = Date.now();
      const tabId = await tabIdOf(session, page);
      // "Within 2 s" on an idle machine; 6 s here (a loaded 2-core machine, the page itself huge).
      await waitForBadge(session, tabId, (b) => b.text === '✗', 6000);
      expect(Date.now() - loaded).toBeLessThan(6000);
      // No long task after the page's load event (parsing a page this size is the page's own long
      // work before it): the extension's reading, highlighting and reporting add none over 50 ms.
      // (The browser does not say which script a long task ran, so work before the load event is
      // not attributed here.)
      const late = await longTasksAfterLoad(page);
      expect(late).toEqual([]);
      const popup = await openPopup(session, tabId);
      expect(popup.verdict).toBe('not-yet');
      expect(await popup.page.locator('#truncated').textContent()).toBe('Annonsen er svært lang – bare begynnelsen er lest.');
      await Promise.all([popup.page.close(), page.close()]);
    },
    180_000,
  );
});

describe('a page that mutates forever', () => {
  /** CPU seconds (user + system) of this browser's extension process, read from /proc (Linux). */
  function extensionProcessCpu(): number | null {
    if (process.platform !== 'linux') return null;
    const ticks = 100; // USER_HZ on Linux
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let cmdline: string;
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmdline.includes('--extension-process') || !cmdline.includes(session.userDataDir)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / ticks;
    }
    return null;
  }

  test('the extension’s process (its worker) stays under 5 % of a core while the ad changes every 100 ms', async () => {
    const before = extensionProcessCpu();
    if (before === null) {
      console.warn('mutation CPU: no /proc or no extension process found: skipped');
      return;
    }
    const filler = 'Vi tilbyr gode arbeidsforhold, et hyggelig arbeidsmiljø og varierte oppgaver i skranken. '.repeat(500);
    const { page } = await openAd(plainAd().replace('</section></main>', `<p>${filler}</p><p id="tick">0</p></section></main>`));
    await page.evaluate(() => {
      let n = 0;
      setInterval(() => (document.getElementById('tick')!.textContent = String(++n)), 100);
    });
    // The 30 s: the rate limit (a report at most every 2 s, handled at most ~3 % of the
    // time) must hold over many reports, not a few.
    const windowS = 30;
    const start = extensionProcessCpu()!;
    await new Promise((resolve) => setTimeout(resolve, windowS * 1000));
    const used = extensionProcessCpu()! - start;
    expect(used / windowS).toBeLessThan(0.05);
    await page.close();
  }, 90_000);
});
