import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Rules } from '../../shared/lib/types.ts';
import { badgeFor } from '../../extension/entrypoints/background/badge.ts';
import { todayIso } from '../../extension/entrypoints/background/judge.ts';
import { type Background, createBackground } from '../../extension/entrypoints/background/router.ts';
import { MAX_TABS, boundState } from '../../extension/entrypoints/background/tab-state.ts';
import { MSG, type PageMessage, type TabState, type TabStateResponse } from '../../extension/utils/messages.ts';
import { scanPage } from '../../extension/utils/scan.ts';
import { saveProfile } from '../../extension/utils/storage.ts';
import { loadPage } from './helpers.ts';
import { FakePort, contentScriptSender, report as reportPage } from './page-port.ts';

const RULES: Rules = {
  facts: [{ id: 'F-10', statement: 'Autorisasjon krever fullført utdanning.', sources: [{ title: 'Kilde', publisher: 'Utgiver' }], checked: '2026-11-01', confidence: 'high' }],
  parameters: [],
  routes: [],
};
const AD = '<main><h1>Helsesekretær</h1><p>Vi søker helsesekretær til legekontoret.</p><h2>Kvalifikasjoner</h2><ul><li>Autorisasjon som helsesekretær er et krav</li></ul></main>';
const NOT_AUTHORISED = { birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 0, educationAbroad: false, systems: [] };
const AUTHORISED = { birthYear: 1980, authorisedHelsesekretaer: true, completed: ['vg3-helsesekretaer'], yearsAsSecretaryInHealth: 10, educationAbroad: false, systems: [] };

function pageMessage(html: string, url = 'https://example.no/ad'): PageMessage {
  const scan = scanPage(loadPage(html), new URL(url))!;
  return { type: MSG.page, url, pageTitle: 'Annonse', source: scan.source, highlights: { count: 2, mode: 'highlight-api' } };
}

const contentScript = (tabId: number) => contentScriptSender(tabId);
const popup = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

let bg: Background;

/** Opens a content script's port for `tabId`, posts `message`, and waits until the background has handled it. */
const report = (tabId: number, message: unknown, port = new FakePort(contentScript(tabId))): Promise<FakePort> => reportPage(bg, contentScript(tabId), message, port);

const ask = (tabId: number, extra: { after?: string } = {}) => bg.route({ type: MSG.getTabState, tabId, inject: false, ...extra }, popup()) as Promise<TabStateResponse>;
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

beforeEach(() => {
  fakeBrowser.reset();
  bg = createBackground(RULES);
});

describe('background: page reports → state and badge', () => {
  it('without a profile: reads the ad, keeps the state in storage.session, badge "…" (not the "?" of cannot tell)', async () => {
    await report(11, pageMessage(AD));
    const state = (await bg.tabs.get(11))!;
    expect(state.reading.isTargetJob).toBe(true);
    expect(state.reading.authorisation.level).toBe('required');
    expect(state.profile).toBe('missing');
    expect(state.verdict).toBeNull();
    expect(await fakeBrowser.storage.session.get('tab-11')).toEqual({ 'tab-11': state });
    expect(await badge(11)).toBe('…');
    expect(await fakeBrowser.action.getTitle({ tabId: 11 })).toBe(badgeFor(state).title);
    expect(badgeFor(state, 'en').title).toBe('Sekretærsjekk: ad found – answer a few questions to get an answer');
  });

  it('a profile without the required authorisation: verdict "not-yet", badge "✗"', async () => {
    await saveProfile(NOT_AUTHORISED);
    await report(12, pageMessage(AD));
    const state = (await bg.tabs.get(12))!;
    expect(state.profile).toBe('ok');
    expect(state.verdict?.asOf).toBe(todayIso());
    expect(state.verdict?.verdict).toBe('not-yet');
    expect(await badge(12)).toBe('✗');
  });

  it('an authorised profile: verdict "fits", badge "✓"', async () => {
    await saveProfile(AUTHORISED);
    await report(13, pageMessage(AD));
    expect((await bg.tabs.get(13))?.verdict?.verdict).toBe('fits');
    expect(await badge(13)).toBe('✓');
  });

  it('no target ad: no verdict, empty badge', async () => {
    await saveProfile(AUTHORISED);
    await report(14, pageMessage('<main><h1>Sykepleier</h1><p>Vi søker sykepleier.</p></main>'));
    expect((await bg.tabs.get(14))?.verdict).toBeNull();
    expect(await badge(14)).toBe('');
  });

  it('the content script gets nothing back, ever (no profile values, no verdict, no trace)', async () => {
    await saveProfile(AUTHORISED);
    const port = new FakePort(contentScript(15));
    const posted: unknown[] = [];
    Object.assign(port, { postMessage: (m: unknown) => posted.push(m) });
    await report(15, pageMessage(AD), port);
    expect(await badge(15)).toBe('✓');
    expect(posted).toEqual([]);
    // Asking like a popup from a content script (a web page's tab) gets no reply at all.
    expect(bg.route({ type: MSG.getTabState, tabId: 15, inject: false }, contentScript(15))).toBeUndefined();
    expect(bg.route({ type: MSG.deleteAll }, contentScript(15))).toBeUndefined();
    expect(bg.route({ type: MSG.enableSite, origin: 'https://example.no' }, contentScript(15))).toBeUndefined();
  });
});

describe('sender discipline', () => {
  it('a report speaks only for the tab its port comes from: a tab id in the message changes nothing', async () => {
    await saveProfile(AUTHORISED);
    await report(21, { ...pageMessage(AD), tabId: 22 });
    expect(await badge(21)).toBe('✓');
    expect(await bg.tabs.get(22)).toBeNull();
    expect(await badge(22)).toBe('');
  });

  it('ports from other extensions, from outside tabs, with other names, and malformed reports are ignored', async () => {
    const foreign = new FakePort({ id: 'someone-else', tab: { id: 23 }, url: 'https://example.no/' });
    bg.connect(foreign);
    expect(foreign.disconnected).toBe(true);
    const noTab = new FakePort({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
    bg.connect(noTab);
    expect(noTab.disconnected).toBe(true);
    await report(23, pageMessage(AD), new FakePort(contentScript(23), 'something-else'));
    await report(23, { ...pageMessage(AD), url: 'chrome://settings' });
    await report(23, { ...pageMessage(AD), source: { text: 42, blocks: [], jobPostings: [] } });
    expect(await bg.tabs.get(23)).toBeNull();
    expect(await badge(23)).toBe('');
  });

  it('when the port that reported the state closes (content script gone, page crashed), the badge clears', async () => {
    await saveProfile(AUTHORISED);
    const port = await report(24, pageMessage(AD));
    expect(await badge(24)).toBe('✓');
    port.close();
    await bg.idle();
    await expect.poll(() => badge(24)).toBe('');
    expect(await bg.tabs.get(24)).toBeNull();
  });

  it('an older port closing after a newer one reported (navigation, re-injection) keeps the newer state', async () => {
    await saveProfile(AUTHORISED);
    const old = await report(25, pageMessage(AD));
    await report(25, pageMessage(AD));
    old.close();
    await bg.idle();
    expect(await badge(25)).toBe('✓');
  });

  it('a page that swaps its ad for something else clears the verdict', async () => {
    await saveProfile(AUTHORISED);
    const port = await report(26, pageMessage(AD));
    expect(await badge(26)).toBe('✓');
    port.post({ type: MSG.page, url: 'https://example.no/ad', pageTitle: '', source: { text: '', blocks: [], jobPostings: [] }, highlights: { count: 0, mode: 'none' } });
    await bg.idle();
    expect(await badge(26)).toBe('');
  });
});

describe('popup requests', () => {
  it('the popup gets the state, re-judged with the current profile', async () => {
    await report(31, pageMessage(AD));
    const before = await ask(31);
    expect(before.ok && before.state.profile).toBe('missing');
    await saveProfile(AUTHORISED);
    const after = await ask(31);
    expect(after.ok && after.state.verdict?.verdict).toBe('fits');
    expect(await badge(31)).toBe('✓');
  });

  it('"no-reading" for a tab it knows nothing about', async () => {
    expect(await ask(99)).toMatchObject({ ok: false, reason: 'no-reading' });
  });

  it('a request with the current revision is answered when the state changes (long-poll), with the new state', async () => {
    await saveProfile(AUTHORISED);
    const port = await report(32, pageMessage(AD));
    const first = await ask(32);
    expect(first.ok && first.state.verdict?.verdict).toBe('fits');
    let answered: TabStateResponse | null = null;
    const waiting = ask(32, { after: first.revision! }).then((r) => (answered = r));
    await Promise.resolve();
    expect(answered).toBeNull();
    port.post(pageMessage('<main><h1>Sykepleier</h1><p>Vi søker sykepleier.</p></main>'));
    const answer = await waiting;
    expect(answer.revision).not.toBe(first.revision);
    expect(answer.ok && answer.state.reading.isTargetJob).toBe(false);
  });
});

describe('bounds', () => {
  it('a state is clamped before it is kept: long strings cut, long lists shortened', () => {
    const huge = 'x'.repeat(100_000);
    const state = boundState({ pageTitle: huge, reading: { mentions: Array.from({ length: 5000 }, (_, i) => ({ start: i })) } } as unknown as TabState);
    expect(state.pageTitle.length).toBe(2001);
    expect(state.reading.mentions).toHaveLength(100);
  });

  it(`at most ${MAX_TABS} tabs are kept; the least recently updated go first, and their badges clear`, async () => {
    const message = pageMessage(AD);
    for (let tab = 1; tab <= MAX_TABS + 2; tab++) await report(tab, message);
    expect(await bg.tabs.get(1)).toBeNull();
    expect(await bg.tabs.get(2)).toBeNull();
    expect(await badge(1)).toBe('');
    expect(await bg.tabs.get(3)).not.toBeNull();
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toHaveLength(MAX_TABS);
  });
});

describe('badgeFor', () => {
  it('maps each verdict to a text, colour and Norwegian title', () => {
    const base = { tabId: 1, url: 'https://x.no', pageTitle: '', highlights: { count: 1, mode: 'none' as const }, profile: 'ok' as const, updatedAt: 0 };
    const reading = { isTargetJob: true, listing: false } as TabState['reading'];
    const verdict = (v: 'fits' | 'fits-with-caveats' | 'not-yet' | 'cannot-tell') => ({ verdict: v, reasons: [], route: null, trace: [], asOf: '2026-11-28' });
    expect(badgeFor({ ...base, reading, verdict: verdict('fits') }, 'nb')).toEqual({ text: '✓', color: '#1a7f37', title: 'Sekretærsjekk: du passer til stillingen' });
    expect(badgeFor({ ...base, reading, verdict: verdict('fits-with-caveats') }, 'nb').text).toBe('!');
    expect(badgeFor({ ...base, reading, verdict: verdict('not-yet') }, 'nb').text).toBe('✗');
    expect(badgeFor({ ...base, reading, verdict: verdict('cannot-tell') }, 'nb').text).toBe('?');
    expect(badgeFor({ ...base, reading, verdict: null, profile: 'missing' }, 'nb').text).toBe('…');
    expect(badgeFor({ ...base, reading: { ...reading, listing: true }, verdict: null }, 'nb').text).toBe('');
    expect(badgeFor(null, 'nb').text).toBe('');
  });
});
