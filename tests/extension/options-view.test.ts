import { describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../extension/utils/i18n.ts';
import { profileFromImport, renderOptions } from '../../extension/utils/options-view.ts';

const PROFILE = { birthYear: 1985, authorisedHelsesekretaer: false, completed: ['medisinsk-sekretaer-course'], yearsAsSecretaryInHealth: 7, educationAbroad: false, systems: ['DIPS'] };
const actions = () => ({ dismissNotice: vi.fn(), removeSite: vi.fn(), exportData: vi.fn(), importFile: vi.fn(), deleteAll: vi.fn() });

describe('options: import of an exported profile', () => {
  it('takes the profile from an export, or a bare profile (the CLI’s JSON)', () => {
    expect(profileFromImport(JSON.stringify({ app: 'Sekretærsjekk', profile: PROFILE, alwaysSites: [] }), 'nb')).toEqual({ ok: true, profile: PROFILE });
    expect(profileFromImport(JSON.stringify(PROFILE), 'en')).toEqual({ ok: true, profile: PROFILE });
  });

  it('a wrong file gets a clear message in the reader’s language', () => {
    expect(profileFromImport('{', 'en')).toEqual({ ok: false, message: MESSAGES.en.options.importNotJson });
    expect(profileFromImport('[1,2]', 'nb')).toEqual({ ok: false, message: MESSAGES.nb.options.importNoProfile });
    expect(profileFromImport('{"profile":null}', 'nb')).toEqual({ ok: false, message: MESSAGES.nb.options.importNoProfile });
    const invalid = profileFromImport(JSON.stringify({ profile: { ...PROFILE, birthYear: 'x', yearsAsSecretaryInHealth: -1 } }), 'en');
    expect(invalid).toEqual({ ok: false, message: MESSAGES.en.options.importInvalid([MESSAGES.en.form.birthYear, MESSAGES.en.form.years]) });
    expect(profileFromImport('x'.repeat(1_000_001), 'nb')).toEqual({ ok: false, message: MESSAGES.nb.options.importTooLarge });
  });
});

describe('options: the corrupt-profile notice in words', () => {
  it('names the fields by their labels, never the schema’s text', () => {
    const root = document.createElement('main');
    const errors = ['birthYear: må være et helt tall mellom 1900 og 2026', 'completed[0]: ukjent utdanningssteg "x"; gyldige verdier: vg1-helse-oppvekst'];
    renderOptions(root, { lang: 'en', profile: null, notice: { at: '2026-12-06T12:00:00Z', errors }, sites: [], privacyUrl: 'chrome-extension://x/guide/personvern.html' }, actions());
    const notice = root.querySelector('#notice')!.textContent!;
    expect(notice).toBe(`${MESSAGES.en.options.resetNotice([MESSAGES.en.form.birthYear, MESSAGES.en.form.completedLegend])}${MESSAGES.en.options.dismiss}`);
    expect(notice).not.toMatch(/må være|birthYear|vg1-helse/);
  });

  it('links the privacy page, and Escape closes the delete confirmation with focus back on the delete button', () => {
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    renderOptions(root, { lang: 'nb', profile: null, notice: null, sites: [], privacyUrl: 'chrome-extension://x/guide/personvern.html' }, actions());
    expect(root.querySelector('#privacy-link')?.getAttribute('href')).toBe('chrome-extension://x/guide/personvern.html');
    (root.querySelector('#delete-data') as HTMLButtonElement).click();
    const confirm = root.querySelector<HTMLElement>('#delete-confirm')!;
    expect(confirm.hidden).toBe(false);
    confirm.querySelector('#delete-no')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(confirm.hidden).toBe(true);
    expect(document.activeElement?.id).toBe('delete-data');
  });
});
