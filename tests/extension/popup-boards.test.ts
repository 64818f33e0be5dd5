import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Rules } from '../../shared/lib/types.ts';
import { type Background, createBackground } from '../../extension/entrypoints/background/router.ts';
import { MSG, type PageMessage, type TabState } from '../../extension/utils/messages.ts';
import { type PageInfo, parsePageInfo } from '../../extension/utils/page-info.ts';
import { problemReport, reportSection } from '../../extension/utils/popup-report.ts';
import { renderPopup } from '../../extension/utils/popup-view.ts';
import { reportState } from './page-port.ts';

const RULES: Rules = { facts: [], parameters: [], routes: [] };
const AD = {
  text: 'Helsesekretær\nVi søker helsesekretær i 100 % fast stilling.\nAutorisasjon som helsesekretær er et krav.',
  blocks: [
    { kind: 'title' as const, level: 0, start: 0, end: 13 },
    { kind: 'paragraph' as const, level: 0, start: 14, end: 59 },
    { kind: 'paragraph' as const, level: 0, start: 60, end: 102 },
  ],
  jobPostings: [],
};
const NOTHING = { text: 'Fjellby kommune\nLedige stillinger', blocks: [{ kind: 'paragraph' as const, level: 0, start: 0, end: 33 }], jobPostings: [] };

const message = (source: PageMessage['source'], info: PageInfo, url = 'https://www.fjellby.kommune.no/jobb'): PageMessage => ({
  type: MSG.page,
  url,
  pageTitle: 'Side',
  source,
  highlights: { count: 0, mode: 'none' },
  info,
});
const sender = (tab: number, frameId = 0) => ({ id: fakeBrowser.runtime.id, tab: { id: tab }, frameId });

function popupFor(state: TabState): HTMLElement {
  const root = document.createElement('main');
  const actions = { openRoute: vi.fn(), openOptions: vi.fn(), openPrivacy: vi.fn(), toggleSite: vi.fn(), profileSaved: vi.fn() };
  renderPopup(root, { lang: 'nb', rules: RULES, response: { ok: true, state }, profile: null, site: null }, actions);
  return root;
}

let bg: Background;
/** A content script's report over its port (the background's only way in for page data), then the tab's state. */
const routeMessage = (m: unknown, s: ReturnType<typeof sender>) => reportState(bg, s, m);
const stateFor = (tabId: number) => bg.tabs.get(tabId);

beforeEach(() => {
  fakeBrowser.reset();
  bg = createBackground(RULES);
});

describe('page info from a content script', () => {
  it('keeps valid listings and misses, and refuses anything off', () => {
    const ok: PageInfo = {
      adapter: 'finn',
      kind: 'listing',
      items: [{ title: 'Helsesekretær', employer: null, url: 'https://www.finn.no/job/ad/1' }],
      miss: { adapter: 'finn', pathShape: '/job/search', matched: [], missed: ['#search-results'] },
    };
    expect(parsePageInfo(ok)).toEqual(ok);
    expect(parsePageInfo({ ...ok, kind: 'verdict' })).toBeNull();
    expect(parsePageInfo({ ...ok, items: [{ title: 'x', employer: null, url: 'javascript:alert(1)' }] })).toBeNull();
    expect(parsePageInfo({ ...ok, items: [{ title: 'x', employer: null, url: 'http://www.finn.no/job/ad/1' }] })).toBeNull();
    expect(parsePageInfo({ ...ok, items: Array.from({ length: 101 }, () => ok.items![0]) })).toBeNull();
    expect(parsePageInfo({ ...ok, adapter: 'Finn <b>' })).toBeNull();
  });

  it('a page message with a malformed info is dropped as a whole', async () => {
    expect(await routeMessage({ ...message(AD, { adapter: 'generic', kind: 'ad' }), info: { adapter: 'generic', kind: 'nope' } }, sender(3))).toBeNull();
  });
});

describe('background: listings, not-an-ad pages and ads in frames', () => {
  it('a listing: no verdict, the badge counts the matching ads', async () => {
    const items = [
      { title: 'Helsesekretær', employer: 'Byen legesenter', url: 'https://www.finn.no/job/ad/1' },
      { title: 'Legesekretær', employer: null, url: 'https://www.finn.no/job/ad/2' },
    ];
    const state = (await routeMessage(message(AD, { adapter: 'finn', kind: 'listing', items }, 'https://www.finn.no/job/search'), sender(4))) as TabState;
    expect(state.reading.listing).toBe(true);
    expect(state.verdict).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('2');
    const popup = popupFor(state);
    expect(popup.dataset.verdict).toBe('none');
    expect([...popup.querySelectorAll('li[data-listing-item] a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Helsesekretær', 'https://www.finn.no/job/ad/1'],
      ['Legesekretær', 'https://www.finn.no/job/ad/2'],
    ]);
    expect(popup.querySelector('li[data-listing-item]')?.textContent).toBe('Helsesekretær – Byen legesenter');
  });

  it('not a job ad: no verdict, no badge, and the popup says so', async () => {
    const state = (await routeMessage(message(AD, { adapter: 'generic', kind: 'not-ad' }), sender(5))) as TabState;
    expect(state.reading.isTargetJob).toBe(false);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
    const popup = popupFor(state);
    expect(popup.dataset.verdict).toBe('none');
    expect(popup.querySelector('#not-an-ad')?.textContent).toBe('Denne siden er ikke en stillingsannonse.');
  });

  it('an ad in a frame stays the tab’s ad when the top frame reports a page with nothing to show', async () => {
    await routeMessage(message(AD, { adapter: 'webcruiter', kind: 'ad' }, 'https://722400.webcruiter.no/Main/Recruit/Public/1'), sender(6, 3));
    const badge = await fakeBrowser.action.getBadgeText({ tabId: 6 });
    expect(badge).not.toBe('');
    await routeMessage(message(NOTHING, { adapter: 'generic', kind: 'ad' }), sender(6, 0));
    const kept = await stateFor(6);
    expect(kept?.frameId).toBe(3);
    expect(kept?.reading.isTargetJob).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 6 })).toBe(badge);
    // The same frame may replace its own reading.
    await routeMessage(message(NOTHING, { adapter: 'webcruiter', kind: 'ad' }, 'https://722400.webcruiter.no/Main/Recruit/Public/2'), sender(6, 3));
    expect((await stateFor(6))?.reading.isTargetJob).toBe(false);
  });
});

describe('problem report', () => {
  const miss = { adapter: 'finn', pathShape: '/job/ad/<id>', matched: ['main h1'], missed: ['#ad-content h1 ~ .import-decoration'] };

  it('names board, path shape, adapter, selectors and version, and nothing from the ad', () => {
    expect(problemReport(miss, '1.2.3')).toBe(
      [
        'Sekretærsjekk: board adapter missed',
        'board: finn.no',
        'url path: /job/ad/<id>',
        'adapter: finn (fell back to the generic reader)',
        'selectors matched: main h1',
        'selectors missed: #ad-content h1 ~ .import-decoration',
        'extension version: 1.2.3',
      ].join('\n'),
    );
  });

  it('the popup offers it when an adapter missed, and copies it on click', async () => {
    const state = (await routeMessage(
      message(AD, { adapter: 'generic', kind: 'ad', miss }, 'https://www.finn.no/job/ad/400000001'),
      sender(7),
    )) as TabState;
    const popup = popupFor(state);
    const button = popup.querySelector<HTMLButtonElement>('button#report-problem');
    expect(button?.textContent).toBe('Rapporter et problem med denne siden');

    const copied: string[] = [];
    const section = reportSection(document, 'nb', miss, '9.9.9', async (text) => void copied.push(text));
    section.querySelector('button')!.click();
    await vi.waitFor(() => expect(section.querySelector('#report-status')?.textContent).toContain('Kopiert'));
    expect(copied).toEqual([problemReport(miss, '9.9.9')]);
    expect(copied[0]).not.toContain('Vi søker');

    const failing = reportSection(document, 'nb', miss, '9.9.9', () => Promise.reject(new Error('denied')));
    failing.querySelector('button')!.click();
    await vi.waitFor(() => expect(failing.querySelector('#report-text')?.textContent).toBe(problemReport(miss, '9.9.9')));
  });

  it('no report button where the adapter found the ad', async () => {
    const state = (await routeMessage(message(AD, { adapter: 'finn', kind: 'ad' }, 'https://www.finn.no/job/ad/400000002'), sender(8))) as TabState;
    expect(popupFor(state).querySelector('#report-problem')).toBeNull();
  });
});
