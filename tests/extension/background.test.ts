import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Rules } from '../../shared/lib/types.ts';
import { badgeFor, routeMessage, stateFor, todayIso, useRules } from '../../extension/utils/background.ts';
import { MSG, type PageMessage, type TabState } from '../../extension/utils/messages.ts';
import { scanPage } from '../../extension/utils/scan.ts';
import { saveProfile } from '../../extension/utils/storage.ts';
import { loadPage } from './helpers.ts';

const RULES: Rules = {
  facts: [{ id: 'F-10', statement: 'Autorisasjon krever fullført utdanning.', sources: [{ title: 'Kilde', publisher: 'Utgiver' }], checked: '2026-11-01', confidence: 'high' }],
  parameters: [],
  routes: [],
};
const AD = '<main><h1>Helsesekretær</h1><p>Vi søker helsesekretær til legekontoret.</p><h2>Kvalifikasjoner</h2><ul><li>Autorisasjon som helsesekretær er et krav</li></ul></main>';

function pageMessage(html: string, url = 'https://example.no/ad'): PageMessage {
  const scan = scanPage(loadPage(html), new URL(url))!;
  return { type: MSG.page, url, pageTitle: 'Annonse', source: scan.source, highlights: { count: 2, mode: 'highlight-api' } };
}

const own = (tabId: number) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId }, url: 'https://example.no/ad' });

describe('background: page messages → state and badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useRules(RULES);
  });

  it('without a profile: reads the ad, keeps the state in storage.session, badge "…" (not the "?" of cannot tell)', async () => {
    const state = (await routeMessage(pageMessage(AD), own(11))) as TabState;
    expect(state.reading.isTargetJob).toBe(true);
    expect(state.reading.authorisation.level).toBe('required');
    expect(state.profile).toBe('missing');
    expect(state.verdict).toBeNull();
    expect(await fakeBrowser.storage.session.get('tab-11')).toEqual({ 'tab-11': state });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 11 })).toBe('…');
    expect(await fakeBrowser.action.getTitle({ tabId: 11 })).toBe(badgeFor(state).title);
    expect(badgeFor(state, 'en').title).toBe('Sekretærsjekk: ad found – answer a few questions to get an answer');
  });

  it('with a profile that lacks the required authorisation: a verdict, and a badge that is not "fits"', async () => {
    await saveProfile({ birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 0, educationAbroad: false, systems: [] });
    const state = (await routeMessage(pageMessage(AD), own(12))) as TabState;
    expect(state.profile).toBe('ok');
    expect(state.verdict?.asOf).toBe(todayIso());
    expect(state.verdict?.verdict).not.toBe('fits');
    const badge = await fakeBrowser.action.getBadgeText({ tabId: 12 });
    expect(badge).toBe(badgeFor(state, 'nb').text);
    expect(['✗', '?', '!']).toContain(badge);
  });

  it('no target ad: empty badge', async () => {
    await routeMessage(pageMessage('<main><h1>Sykepleier</h1><p>Vi søker sykepleier.</p></main>'), own(13));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 13 })).toBe('');
  });

  it('ignores page messages from other extensions, from outside tabs, and malformed ones', async () => {
    expect(routeMessage(pageMessage(AD), { id: 'someone-else', tab: { id: 14 } })).toBeUndefined();
    expect(routeMessage(pageMessage(AD), { id: fakeBrowser.runtime.id })).toBeUndefined();
    expect(routeMessage({ ...pageMessage(AD), url: 'chrome://settings' }, own(14))).toBeUndefined();
    expect(await stateFor(14)).toBeNull();
  });

  it('the popup gets the state (re-judged with the current profile)', async () => {
    await routeMessage(pageMessage(AD), own(15));
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const before = (await routeMessage({ type: MSG.getTabState, tabId: 15, inject: false }, popup)) as { ok: true; state: TabState };
    expect(before.state.profile).toBe('missing');
    await saveProfile({ birthYear: 1980, authorisedHelsesekretaer: true, completed: ['vg3-helsesekretaer'], yearsAsSecretaryInHealth: 10, educationAbroad: false, systems: [] });
    const after = (await routeMessage({ type: MSG.getTabState, tabId: 15, inject: false }, popup)) as { ok: true; state: TabState };
    expect(after.state.profile).toBe('ok');
    expect(after.state.verdict).not.toBeNull();
    // A web page cannot ask.
    expect(routeMessage({ type: MSG.getTabState, tabId: 15, inject: false }, { id: fakeBrowser.runtime.id, tab: { id: 3 }, url: 'https://evil.example/' })).toBeUndefined();
  });

  it('reports "no-reading" for a tab it knows nothing about', async () => {
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    expect(await routeMessage({ type: MSG.getTabState, tabId: 99, inject: false }, popup)).toEqual({ ok: false, reason: 'no-reading' });
  });
});

describe('badgeFor', () => {
  it('maps each verdict to a text, colour and Norwegian title', () => {
    const base = { tabId: 1, url: 'https://x.no', pageTitle: '', highlights: { count: 1, mode: 'none' as const }, profile: 'ok' as const, updatedAt: 0 };
    const reading = { isTargetJob: true, listing: false } as TabState['reading'];
    const verdict = (v: 'fits' | 'fits-with-caveats' | 'not-yet' | 'cannot-tell') => ({ verdict: v, reasons: [], route: null, trace: [], asOf: '2026-11-28' });
    expect(badgeFor({ ...base, reading, verdict: verdict('fits') }, 'nb')).toMatchObject({ text: '✓', title: 'Sekretærsjekk: du passer til stillingen' });
    expect(badgeFor({ ...base, reading, verdict: verdict('fits-with-caveats') }, 'nb').text).toBe('!');
    expect(badgeFor({ ...base, reading, verdict: verdict('not-yet') }, 'nb').text).toBe('✗');
    expect(badgeFor({ ...base, reading, verdict: verdict('cannot-tell') }, 'nb').text).toBe('?');
    expect(badgeFor({ ...base, reading: { ...reading, listing: true }, verdict: null }, 'nb').text).toBe('');
    expect(badgeFor(null, 'nb').text).toBe('');
  });
});
