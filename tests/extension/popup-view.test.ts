import { describe, expect, it, vi } from 'vitest';
import type { Rules, Verdict } from '../../shared/lib/types.ts';
import type { TabState } from '../../extension/utils/messages.ts';
import { type PopupActions, renderPopup } from '../../extension/utils/popup-view.ts';

const RULES: Rules = {
  facts: [{ id: 'F-10', statement: 'Autorisasjon krever vitnemål.', sources: [{ title: 'Yrkeskompetanse', url: 'https://www.vilbli.no/', publisher: 'vilbli.no' }], checked: '2026-11-01', confidence: 'high' }],
  parameters: [],
  routes: [{ id: 'vgs-full', title: 'Helsesekretær i videregående', priority: 50, for: {}, steps: [], duration: '3 år', cost: 'Gratis', leadsToAuthorisation: true, facts: ['F-10'], body: '' }],
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
      mentions: [],
      related: [],
      isTargetJob: true,
      listing: false,
      authorisation: { level: 'required', evidence: { start: 0, end: 10, text: HOSTILE }, alternatives: [] },
      education: [],
      minYearsExperience: null,
      systems: [],
      norwegian: null,
      language: 'nb',
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
const actions = (): PopupActions => ({ openRoute: vi.fn(), openOptions: vi.fn(), toggleSite: vi.fn(), profileSaved: vi.fn() });

function render(state: TabState | null, profile = true, lang: 'nb' | 'en' = 'nb') {
  const root = document.createElement('main');
  const a = actions();
  const profileValue = profile ? { birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 0, educationAbroad: false, systems: [] } : null;
  renderPopup(root, { lang, rules: RULES, response: state ? { ok: true, state } : null, profile: profileValue, site: null }, a);
  return { root, actions: a };
}

describe('popup view', () => {
  it('shows verdict, reasons with the ad’s own sentence and sources, and the route; data attributes set', () => {
    const { root, actions } = render(stateWith(NOT_YET));
    expect(root.dataset).toMatchObject({ state: 'ready', verdict: 'not-yet', route: 'vgs-full' });
    expect(root.querySelector('#verdict-label')?.textContent).toBe('Ikke ennå');
    const reason = root.querySelector('li[data-reason-id="authorisation-required-missing"]')!;
    expect(reason.getAttribute('data-effect')).toBe('unmet');
    expect(reason.querySelector('.evidence')?.textContent).toContain('Autorisasjon som helsesekretær er et krav');
    expect(reason.querySelector('[data-fact-id="F-10"] a')?.getAttribute('href')).toBe('https://www.vilbli.no/');
    expect(root.querySelector('.route-title')?.textContent).toBe('Helsesekretær i videregående');
    (root.querySelector('a#route-link') as HTMLAnchorElement).click();
    expect(actions.openRoute).toHaveBeenCalledWith('vgs-full');
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
    expect(items.map((li) => li.textContent)).toEqual(expected.map((s) => `${s.text}: ${s.result}${s.facts.length ? ` (${s.facts.join(', ')})` : ''}`));
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

  it('without a profile: data-verdict=no-profile, the three titles, and the setup form', () => {
    const { root } = render(stateWith(null, 'missing'), false);
    expect(root.dataset.verdict).toBe('no-profile');
    expect(root.dataset.route).toBe('');
    expect(root.querySelectorAll('.titles dt')).toHaveLength(3);
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
    expect(root.querySelector('li[data-reason-id] p')?.textContent).toBe('The ad requires authorisation.');
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
