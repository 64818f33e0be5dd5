import { describe, expect, it, vi } from 'vitest';
import { emptyReading } from '../../shared/lib/read.ts';
import type { Rules, Verdict } from '../../shared/lib/types.ts';
import type { TabState } from '../../extension/utils/messages.ts';
import { type PopupActions, renderPopup } from '../../extension/utils/popup-view.ts';

const RULES: Rules = {
  facts: [{ id: 'F-10', statement: 'Autorisasjon krever vitnemål.', sources: [{ title: 'Yrkeskompetanse', url: 'https://www.vilbli.no/', publisher: 'vilbli.no' }], checked: '2026-11-01', confidence: 'high' }],
  parameters: [],
  routes: [
    {
      id: 'vgs-full',
      title: 'Helsesekretær i videregående',
      titleEn: 'Health secretary in upper secondary school',
      priority: 50,
      audience: '',
      steps: [{ id: 'vg1', title: 'Søk Vg1 helse- og oppvekstfag', titleEn: 'Apply for Vg1 health', subjectCodes: [], description: '', facts: [] }],
      duration: '3 år',
      durationEn: '3 years',
      cost: 'Gratis',
      costEn: 'Free',
      leadsToAuthorisation: true,
      facts: ['F-10'],
      body: '',
      // English fields as content/routes/*.md carries them (rules.json passes them through).
    } as Rules['routes'][number],
  ],
};
const HOSTILE = '<img src=x onerror="alert(1)">Autorisasjon som helsesekretær er et krav';

function stateWith(verdict: Verdict | null, profile: 'ok' | 'missing' = 'ok'): TabState {
  return {
    tabId: 1,
    url: 'https://example.no/ad',
    pageTitle: 'Annonse',
    highlights: { count: 2, mode: 'highlight-api' },
    profile,
    updatedAt: 0,
    verdict,
    reading: {
      ...emptyReading(),
      isTargetJob: true,
      authorisation: { level: 'required', evidence: { start: 0, end: 10, text: HOSTILE }, alternatives: [] },
    },
  };
}
const NOT_YET: Verdict = {
  verdict: 'not-yet',
  reasons: [{ id: 'authorisation-required-missing', effect: 'unmet', text: 'Annonsen krever autorisasjon.', textEn: 'The ad requires authorisation.', evidence: { start: 0, end: 10, text: HOSTILE }, facts: ['F-10'] }],
  route: 'vgs-full',
  trace: [],
  asOf: '2026-11-28',
};
const actions = (): PopupActions => ({ openRoute: vi.fn(), openOptions: vi.fn(), openPrivacy: vi.fn(), toggleSite: vi.fn(), profileSaved: vi.fn() });

function render(state: TabState | null, profile = true, lang: 'nb' | 'en' = 'nb') {
  const root = document.createElement('main');
  const a = actions();
  const profileValue = profile ? { birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 0, educationAbroad: false, systems: [] } : null;
  renderPopup(root, { lang, rules: RULES, response: state ? { ok: true, state } : null, profile: profileValue, site: null }, a);
  return { root, actions: a };
}

describe('popup view', () => {
  it('order: verdict, then the route, then the reasons; each reason a short line with the ad’s words and its sources behind a disclosure', () => {
    const { root, actions } = render(stateWith(NOT_YET));
    expect(root.dataset).toMatchObject({ state: 'ready', verdict: 'not-yet', route: 'vgs-full' });
    expect(root.querySelector('#verdict-label')?.textContent).toBe('Ikke ennå');
    const sections = [...root.querySelectorAll('[data-section]')].map((el) => el.getAttribute('data-section'));
    expect(sections.slice(0, 3)).toEqual(['verdict', 'route', 'reasons']);
    const route = root.querySelector('[data-section="route"]')!;
    expect(route.querySelector('.route-title')?.textContent).toBe('Helsesekretær i videregående');
    expect(route.querySelector('.route-first-step')?.textContent).toBe('Søk Vg1 helse- og oppvekstfag');
    expect(route.querySelector('.route-duration')?.textContent).toBe('3 år');
    expect(route.querySelector('.route-cost')?.textContent).toBe('Gratis');
    (root.querySelector('a#route-link') as HTMLAnchorElement).click();
    expect(actions.openRoute).toHaveBeenCalledWith('vgs-full');

    const reason = root.querySelector('[data-section="reasons"] li[data-reason-id="authorisation-required-missing"]')!;
    expect(reason.getAttribute('data-effect')).toBe('unmet');
    expect(reason.querySelector('.reason-line')?.textContent).toBe('Mangler: Autorisasjon: Annonsen krever autorisasjon.');
    expect(reason.querySelector('.evidence')?.textContent).toContain('Autorisasjon som helsesekretær er et krav');
    const details = reason.querySelector('details.reason-details')!;
    const fact = details.querySelector('[data-fact-id="F-10"]')!;
    expect(fact.querySelector('a')?.getAttribute('href')).toBe('https://www.vilbli.no/');
    // Readable: the source's title and publisher, never the fact id.
    expect(fact.textContent).toBe('Yrkeskompetanse, vilbli.no (kontrollert 2026-11-01)');
    expect(root.textContent).not.toMatch(/F-\d/);
  });

  it('English: route title, first step, duration and cost from the route’s English fields; the guide link says it is Norwegian', () => {
    const { root } = render(stateWith(NOT_YET), true, 'en');
    const route = root.querySelector('[data-section="route"]')!;
    expect(route.querySelector('.route-title')?.textContent).toBe('Health secretary in upper secondary school');
    expect(route.querySelector('.route-first-step')?.textContent).toBe('Apply for Vg1 health');
    expect(route.querySelector('.route-duration')?.textContent).toBe('3 years');
    expect(route.querySelector('.route-cost')?.textContent).toBe('Free');
    expect(route.querySelector('#route-link')?.textContent).toMatch(/Norwegian/);
    expect(route.querySelector('#route-link')?.getAttribute('hreflang')).toBe('nb');
  });

  it('English with a route that has no English fields: the Norwegian text is shown marked lang="nb"', () => {
    const rules: Rules = { ...RULES, routes: RULES.routes.map((r) => ({ ...r, titleEn: '', durationEn: '', costEn: '' }) as Rules['routes'][number]) };
    const root = document.createElement('main');
    const profile = { birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 0, educationAbroad: false, systems: [] };
    renderPopup(root, { lang: 'en', rules, response: { ok: true, state: stateWith(NOT_YET) }, profile, site: null }, actions());
    const title = root.querySelector('[data-section="route"] .route-title span')!;
    expect(title.textContent).toBe('Helsesekretær i videregående');
    expect(title.getAttribute('lang')).toBe('nb');
  });

  it('shows the trace as the same readable steps the veiviser pages show', async () => {
    const { traceSteps } = await import('../../shared/lib/trace.ts');
    const trace: Verdict['trace'] = [
      { kind: 'predicate', rule: 'predicate:authorised', inputs: {}, result: false, facts: ['F-10'] },
      { kind: 'choose-route', rule: 'choose-route', inputs: {}, result: 'vgs-full', facts: ['F-10'] },
      { kind: 'verdict', rule: 'verdict', inputs: {}, result: 'not-yet', facts: [] },
    ];
    const { root } = render(stateWith({ ...NOT_YET, trace }));
    const items = [...root.querySelectorAll('details#trace li[data-rule]')];
    const expected = traceSteps(trace, 'nb', { 'vgs-full': 'Helsesekretær i videregående' });
    expect(items.map((li) => li.getAttribute('data-rule'))).toEqual(['predicate:authorised', 'choose-route', 'verdict']);
    expect(items.map((li) => li.textContent)).toEqual(expected.map((s) => `${s.text}: ${s.result}`));
    expect(items[1]!.textContent).toContain('Helsesekretær i videregående');
    expect(root.querySelector('details#trace summary')?.textContent).toBe('Slik kom vi fram til svaret');
    // No trace, no empty section.
    expect(render(stateWith(NOT_YET)).root.querySelector('details#trace')).toBeNull();
  });

  it('renders page text as text: a quoted <img onerror> stays characters', () => {
    const { root } = render(stateWith(NOT_YET));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.evidence')?.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('trace lines the core leaves as ids get words', () => {
    const trace: Verdict['trace'] = [
      { kind: 'requirement', rule: 'requirement:experience-years', inputs: { required: 1, have: 0 }, result: false, facts: [] },
      { kind: 'parameter', rule: 'parameter:processing-months-outside-eu', inputs: { validFrom: '2026-11-01' }, result: 11, facts: ['F-16'] },
    ];
    for (const lang of ['nb', 'en'] as const) {
      const { root } = render(stateWith({ ...NOT_YET, trace }), true, lang);
      const text = root.querySelector('details#trace')!.textContent!;
      expect(text).not.toMatch(/experience-years|processing-months|Regelverdi|Parameter /);
    }
    expect(render(stateWith({ ...NOT_YET, trace }), true, 'en').root.querySelector('details#trace li')?.textContent).toBe('Do you have the years of experience the ad asks for: no');
  });

  it('without a profile: what the ad asks for (authorisation sentence and level, years, systems, Norwegian), then the questions', () => {
    const state = stateWith(null, 'missing');
    state.reading = {
      ...state.reading,
      mentions: [{ title: 'helsesekretaer', text: 'Helsesekretær', start: 0, end: 13 }],
      minYearsExperience: { years: 1, strength: 'required', evidence: { start: 0, end: 5, text: 'Minst ett års erfaring' } },
      systems: [{ name: 'DIPS', evidence: { start: 0, end: 4, text: 'DIPS' } }],
      norwegian: { start: 0, end: 5, text: 'Gode norskkunnskaper' },
    };
    const { root } = render(state, false, 'en');
    expect(root.dataset.verdict).toBe('no-profile');
    expect(root.dataset.route).toBe('');
    const asks = root.querySelector('[data-section="ad-asks"]')!;
    expect(asks.querySelector('[data-authorisation-level="required"]')?.textContent).toBe('Required');
    expect(asks.textContent).toContain('Autorisasjon som helsesekretær er et krav');
    expect(asks.textContent).toContain('At least 1 year (required)');
    expect(asks.textContent).toContain('DIPS');
    expect(asks.textContent).toContain('Gode norskkunnskaper');
    expect(asks.textContent).toContain('Health secretary (helsesekretær)');
    const sections = [...root.querySelectorAll('[data-section]')].map((el) => el.getAttribute('data-section'));
    expect(sections.indexOf('ad-asks')).toBeLessThan(sections.indexOf('questions'));
    // The ad names a system, so the form asks for systems too.
    expect(root.querySelector('form#profile-form [name="systems"]')).not.toBeNull();
    const form = root.querySelector('form#profile-form')!;
    for (const name of ['birthYear', 'authorisedHelsesekretaer', 'yearsAsSecretaryInHealth', 'educationAbroad']) expect(form.querySelector(`[name="${name}"]`), name).not.toBeNull();
    expect(form.querySelectorAll('input[name="completed"]')).toHaveLength(4);
  });

  it('loading, and no target ad', () => {
    expect(render(null).root.dataset).toMatchObject({ state: 'loading', verdict: 'none' });
    const notTarget = stateWith(null);
    notTarget.reading = { ...notTarget.reading, isTargetJob: false };
    const { root } = render(notTarget);
    expect(root.dataset.verdict).toBe('none');
    expect(root.textContent).toContain('Ingen stilling som helsesekretær');
  });

  it('English where the browser is not Norwegian', () => {
    const { root } = render(stateWith(NOT_YET), true, 'en');
    expect(root.querySelector('#verdict-label')?.textContent).toBe('Not yet');
    expect(root.querySelector('li[data-reason-id] .reason-line')?.textContent).toBe('Missing: Authorisation: The ad requires authorisation.');
  });
});

describe('popup first paint (the stored verdict, before the rest of the popup loads)', () => {
  it('paints the verdict the background stored in storage.session, keeping data-state loading', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { paintStoredVerdict } = await import('../../extension/entrypoints/popup/first-paint.ts');
    fakeBrowser.reset();
    await fakeBrowser.storage.session.set({ 'tab-7': stateWith(NOT_YET) });
    const root = document.createElement('main');
    root.dataset.state = 'loading';
    expect(await paintStoredVerdict(root, 'nb', 7)).toBe(true);
    expect(root.dataset.state).toBe('loading');
    expect(root.dataset.verdict).toBe('not-yet');
    expect(root.dataset.route).toBe('vgs-full');
    expect(root.querySelector('#verdict-label')?.textContent).toBe(render(stateWith(NOT_YET)).root.querySelector('#verdict-label')?.textContent);
    // Nothing stored, or nothing to judge: no first paint (the full render follows).
    expect(await paintStoredVerdict(document.createElement('main'), 'nb', 8)).toBe(false);
    await fakeBrowser.storage.session.set({ 'tab-9': stateWith(null, 'missing') });
    expect(await paintStoredVerdict(document.createElement('main'), 'nb', 9)).toBe(false);
  });
});

describe('popup first paint from the URL the toolbar opens (popup.html?tab=…&v=…&route=…)', () => {
  it('paints a known verdict at once; anything else is left to the full render', async () => {
    const { paintUrlVerdict } = await import('../../extension/entrypoints/popup/first-paint.ts');
    const { popupPath } = await import('../../extension/entrypoints/background/badge.ts');
    const root = document.createElement('main');
    const search = new URL(popupPath(7, stateWith(NOT_YET)), 'https://x.invalid').search;
    expect(search).toBe('?tab=7&v=not-yet&route=vgs-full');
    expect(paintUrlVerdict(root, 'nb', search)).toBe(true);
    expect(root.dataset).toMatchObject({ verdict: 'not-yet', route: 'vgs-full' });
    expect(root.querySelector('#verdict-label')?.textContent).toBe(render(stateWith(NOT_YET)).root.querySelector('#verdict-label')?.textContent);
    // No verdict to carry (no profile yet): the tab only.
    expect(popupPath(7, stateWith(null, 'missing'))).toBe('/popup.html?tab=7');
    for (const bad of ['?tab=7', '?v=toString', '?v=__proto__', '?v=fits&route=<img>', '?v=fits&route=x%20y']) {
      expect(paintUrlVerdict(document.createElement('main'), 'nb', bad), bad).toBe(false);
    }
  });
});
