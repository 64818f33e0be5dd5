import { describe, expect, it } from 'vitest';
import { LIMITS, MSG, type PageMessage, isOwnContentScript, isOwnPage, parseGetTabState, parsePageMessage, parseSiteMessage, siteOrigin, withinBudget } from '../../extension/utils/messages.ts';
import { fitMessage } from '../../extension/entrypoints/content/budget.ts';
import { scanPage } from '../../extension/utils/scan.ts';
import { loadPage } from './helpers.ts';

function validMessage(): PageMessage {
  const doc = loadPage('<main><h1>Helsesekretær</h1><p>Autorisasjon er et krav.</p></main>');
  const scan = scanPage(doc, new URL('https://example.no/ad'))!;
  return { type: MSG.page, url: 'https://example.no/ad', pageTitle: 'Annonse', source: scan.source, highlights: { count: 1, mode: 'highlight-api' } };
}

describe('page message validation', () => {
  it('accepts what the content script sends (after a structured-clone round trip)', () => {
    const message = structuredClone(validMessage());
    expect(parsePageMessage(message)).toEqual(message);
  });

  const broken: [string, (m: Record<string, unknown> & { source: Record<string, unknown> }) => void][] = [
    ['another type', (m) => (m.type = 'sekretaersjekk:other')],
    ['a javascript: url', (m) => (m.url = 'javascript:alert(1)')],
    ['a missing highlight mode', (m) => (m.highlights = { count: 1 })],
    ['text that is not a string', (m) => (m.source.text = 42)],
    ['text over the size limit', (m) => (m.source.text = 'x'.repeat(LIMITS.text + 1))],
    ['a block past the text', (m) => (m.source.blocks = [{ kind: 'paragraph', level: 0, start: 0, end: 10_000 }])],
    ['overlapping blocks', (m) => (m.source.blocks = [{ kind: 'paragraph', level: 0, start: 0, end: 5 }, { kind: 'paragraph', level: 0, start: 3, end: 6 }])],
    ['an unknown block kind', (m) => (m.source.blocks = [{ kind: 'script', level: 0, start: 0, end: 1 }])],
    ['a JSON-LD entry that is not an object', (m) => (m.source.jobPostings = ['<script>'])],
    ['too many JSON-LD entries', (m) => (m.source.jobPostings = Array.from({ length: LIMITS.jobPostings + 1 }, () => ({})))],
    ['a non-boolean listing hint', (m) => (m.source.listingHint = 'yes')],
  ];
  for (const [what, breakIt] of broken) {
    it(`rejects ${what}`, () => {
      const message = structuredClone(validMessage()) as unknown as Record<string, unknown> & { source: Record<string, unknown> };
      breakIt(message);
      expect(parsePageMessage(message)).toBeNull();
    });
  }

  it('rejects non-objects', () => {
    for (const v of [null, undefined, 'sekretaersjekk:page', 1, []]) expect(parsePageMessage(v)).toBeNull();
  });
});

describe('other messages', () => {
  it('get-tab-state needs a non-negative integer tab id and an inject flag', () => {
    expect(parseGetTabState({ type: MSG.getTabState, tabId: 3, inject: true })).toEqual({ type: MSG.getTabState, tabId: 3, inject: true });
    expect(parseGetTabState({ type: MSG.getTabState, tabId: -1, inject: true })).toBeNull();
    expect(parseGetTabState({ type: MSG.getTabState, tabId: 1.5, inject: true })).toBeNull();
    expect(parseGetTabState({ type: MSG.getTabState, tabId: 1 })).toBeNull();
  });

  it('site messages carry an http(s) origin, normalised', () => {
    expect(parseSiteMessage({ type: MSG.enableSite, origin: 'https://jobb.example.no/some/path' })).toEqual({ type: MSG.enableSite, origin: 'https://jobb.example.no' });
    expect(parseSiteMessage({ type: MSG.enableSite, origin: 'file:///etc/passwd' })).toBeNull();
    expect(parseSiteMessage({ type: MSG.disableSite, origin: '*://*/*' })).toBeNull();
    expect(siteOrigin('chrome://extensions')).toBeNull();
  });
});

describe('sender checks', () => {
  const id = 'our-id';
  it('content messages must come from our extension, from a tab', () => {
    expect(isOwnContentScript({ id, tab: { id: 4 } }, id)).toBe(true);
    expect(isOwnContentScript({ id, tab: { id: -1 } }, id)).toBe(false);
    expect(isOwnContentScript({ id }, id)).toBe(false);
    expect(isOwnContentScript({ id: 'other-extension', tab: { id: 4 } }, id)).toBe(false);
  });

  it('page messages must come from our own pages', () => {
    const origin = 'chrome-extension://our-id/';
    expect(isOwnPage({ id, url: `${origin}popup.html` }, id, origin)).toBe(true);
    expect(isOwnPage({ id, url: `${origin}options.html`, tab: { id: 2 } }, id, origin)).toBe(true);
    expect(isOwnPage({ id, url: 'https://example.no/', tab: { id: 2 } }, id, origin)).toBe(false);
    expect(isOwnPage({ id: 'other', url: `${origin}popup.html` }, id, origin)).toBe(false);
  });
});

describe('message budget (checked by the content script before sending and by the background on receipt)', () => {
  it('rejects a message deeper, larger or with more values than the budget, without walking all of it', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(withinBudget(deep)).toBe(false);
    expect(withinBudget({ a: 'x'.repeat(LIMITS.chars + 1) })).toBe(false);
    expect(withinBudget(new Array(LIMITS.values + 1).fill(0))).toBe(false);
    expect(withinBudget(Object.fromEntries(Array.from({ length: LIMITS.values + 1 }, (_, i) => [`k${i}`, 0])))).toBe(false);
    expect(withinBudget({ a: ['x'.repeat(1000), { b: 1 }] })).toBe(true);
  });

  it('a page message over the budget is rejected as a whole', () => {
    const message = structuredClone(validMessage()) as unknown as Record<string, unknown> & { source: Record<string, unknown> };
    message.source.jobPostings = [{ description: 'x'.repeat(LIMITS.chars) }];
    expect(parsePageMessage(message)).toBeNull();
  });

  it('"always on this site" is https only', () => {
    expect(siteOrigin('http://example.no/x')).toBeNull();
    expect(parseSiteMessage({ type: MSG.enableSite, origin: 'http://example.no' })).toBeNull();
  });
});

describe('the content script fits its message to the budget', () => {
  it('a source of countless tiny blocks is cut to its beginning, marked truncated, and accepted', () => {
    const n = 100_000;
    const text = Array.from({ length: n }, () => 'x').join('\n');
    const blocks = Array.from({ length: n }, (_, i) => ({ kind: 'paragraph' as const, level: 0, start: 2 * i, end: 2 * i + 1 }));
    const message: PageMessage = { type: MSG.page, url: 'https://example.no/ad', pageTitle: 'x', source: { text, blocks, jobPostings: [] }, highlights: { count: 0, mode: 'none' } };
    expect(parsePageMessage(message)).toBeNull();
    const fitted = fitMessage(message);
    expect(fitted.truncated).toBe(true);
    expect(fitted.source.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(fitted.source.text.length).toBe(fitted.source.blocks.at(-1)!.end);
    expect(parsePageMessage(structuredClone(fitted))).toEqual(fitted);
  });

  it('a message within the budget is sent as it is', () => {
    const message = validMessage();
    expect(fitMessage(message)).toBe(message);
  });
});
