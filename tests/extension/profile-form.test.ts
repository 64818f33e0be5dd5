import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../shared/lib/profile.ts';
import { type FormValues, profileForm, readProfileForm, validateProfileForm } from '../../extension/utils/profile-form.ts';
import { MESSAGES } from '../../extension/utils/i18n.ts';

const YEAR = 2026;
const values = (over: Partial<FormValues> = {}): FormValues => ({
  birthYear: '1990',
  authorisedHelsesekretaer: false,
  completed: [],
  yearsAsSecretaryInHealth: '0',
  educationAbroad: false,
  systems: '',
  otherUpperSecondaryCompleted: null,
  yearsOfWork: null,
  foreignEducation: null,
  ...over,
});

function formWithYears(typed: string): HTMLFormElement {
  const form = profileForm(document, { lang: 'nb', initial: null, withSystems: true, thisYear: YEAR });
  document.body.replaceChildren(form);
  (form.elements.namedItem('birthYear') as HTMLInputElement).value = '1990';
  (form.elements.namedItem('yearsAsSecretaryInHealth') as HTMLInputElement).value = typed;
  return form;
}

describe('profile form: years of work', () => {
  it.each([
    ['2,5', 2.5],
    ['2.5', 2.5],
    ['3', 3],
    ['', 0],
  ])('reads %j as %d years', (typed, years) => {
    const { data, errors } = validateProfileForm(readProfileForm(formWithYears(typed), true), 'nb', [], YEAR);
    expect(errors).toEqual({});
    expect(data['yearsAsSecretaryInHealth']).toBe(years);
    expect(parseProfile(data).ok).toBe(true);
  });

  it.each(['to', '2,5,1', '-1', '1e3'])('refuses %j instead of guessing, with a message for that field', (typed) => {
    const { errors } = validateProfileForm(readProfileForm(formWithYears(typed), true), 'nb', [], YEAR);
    expect(Object.keys(errors)).toEqual(['yearsAsSecretaryInHealth']);
  });

  it('shows a saved half year the reader’s way', () => {
    const initial = { birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 2.5, educationAbroad: false, systems: [] };
    const nb = profileForm(document, { lang: 'nb', initial, withSystems: false });
    expect((nb.elements.namedItem('yearsAsSecretaryInHealth') as HTMLInputElement).value).toBe('2,5');
    const en = profileForm(document, { lang: 'en', initial, withSystems: false });
    expect((en.elements.namedItem('yearsAsSecretaryInHealth') as HTMLInputElement).value).toBe('2.5');
  });
});

describe('profile form: plausible values', () => {
  it.each([
    ['1946', true],
    ['1945', false],
    ['2011', true],
    ['2012', false],
    ['1700', false],
    ['19900', false],
    ['', false],
  ])('birth year %s in %i: accepted = %s (age 15–80 this year)', (birthYear, ok) => {
    const { errors } = validateProfileForm(values({ birthYear }), 'nb', [], YEAR);
    expect(errors.birthYear === undefined).toBe(ok);
  });

  it('years must fit the age: born 2000, at most 11 years (from age 15)', () => {
    expect(validateProfileForm(values({ birthYear: '2000', yearsAsSecretaryInHealth: '11' }), 'nb', [], YEAR).errors).toEqual({});
    const { errors } = validateProfileForm(values({ birthYear: '2000', yearsAsSecretaryInHealth: '12' }), 'en', [], YEAR);
    expect(errors.yearsAsSecretaryInHealth).toBe(MESSAGES.en.form.errors.yearsTooMany(11));
    expect(errors.yearsAsSecretaryInHealth).toContain('at most 11 years');
  });

  it('plural: "at most 1 year", not "1 years"', () => {
    const { errors } = validateProfileForm(values({ birthYear: '2010', yearsAsSecretaryInHealth: '2' }), 'en', [], YEAR);
    expect(errors.yearsAsSecretaryInHealth).toContain('at most 1 year ');
  });

  it('messages are in the reader’s language, never schema text', () => {
    const nb = validateProfileForm(values({ birthYear: '1700' }), 'nb', [], YEAR).errors.birthYear!;
    const en = validateProfileForm(values({ birthYear: '1700' }), 'en', [], YEAR).errors.birthYear!;
    expect(nb).toBe('Fødselsåret må være mellom 1946 og 2011 (du må være mellom 15 og 80 år i år).');
    expect(en).toBe('The year of birth must be between 1946 and 2011 (you must be between 15 and 80 this year).');
  });

  it('keeps the stored systems when the form has no systems field', () => {
    const { data } = validateProfileForm(values({ systems: null }), 'nb', ['CGM'], YEAR);
    expect(data['systems']).toEqual(['CGM']);
  });
});

describe('profile form: errors next to the field', () => {
  it('puts the message next to the field, marks it invalid, focuses it, and saves nothing', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    const form = formWithYears('to');
    form.requestSubmit();
    const slot = form.querySelector('#yearsAsSecretaryInHealth-error')!;
    expect(slot.textContent).toBe(MESSAGES.nb.form.errors.yearsNotNumber);
    const input = form.querySelector<HTMLInputElement>('input[name="yearsAsSecretaryInHealth"]')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('yearsAsSecretaryInHealth-error');
    expect(document.activeElement).toBe(input);
    expect(form.querySelector('#profile-errors li')?.textContent).toMatch(/^År som sekretær i helsetjenesten: /);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a valid form is saved and the messages cleared', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    const form = formWithYears('to');
    form.requestSubmit();
    (form.elements.namedItem('yearsAsSecretaryInHealth') as HTMLInputElement).value = '2';
    form.requestSubmit();
    await expect.poll(() => form.querySelector('#profile-status')?.textContent).toBe('Lagret.');
    expect(form.querySelector('#yearsAsSecretaryInHealth-error')?.textContent).toBe('');
    expect((await fakeBrowser.storage.local.get('profile'))['profile']).toMatchObject({ birthYear: 1990, yearsAsSecretaryInHealth: 2 });
  });
});

describe('profile form: the questions that matter only where they matter', () => {
  const form = (initial: Parameters<typeof profileForm>[1]['initial'] = null) => {
    const f = profileForm(document, { lang: 'nb', initial, withSystems: true, thisYear: YEAR });
    document.body.replaceChildren(f);
    return f;
  };
  const shown = (f: HTMLFormElement, name: string) => (f.elements.namedItem(name) as HTMLElement).closest('[hidden]') === null;

  it('upper secondary completed otherwise and years of any work: for a reader of 25 or more without authorisation or Vg3', () => {
    const f = form();
    expect(shown(f, 'otherUpperSecondaryCompleted')).toBe(false);
    const year = f.elements.namedItem('birthYear') as HTMLInputElement;
    year.value = '1990';
    year.dispatchEvent(new Event('input', { bubbles: true }));
    expect(shown(f, 'otherUpperSecondaryCompleted')).toBe(true);
    expect(shown(f, 'yearsOfWork')).toBe(true);
    year.value = '2005';
    year.dispatchEvent(new Event('input', { bubbles: true }));
    expect(shown(f, 'otherUpperSecondaryCompleted')).toBe(false);
    year.value = '1990';
    year.dispatchEvent(new Event('input', { bubbles: true }));
    const vg3 = f.querySelector<HTMLInputElement>('input[value="vg3-helsesekretaer"]')!;
    vg3.checked = true;
    vg3.dispatchEvent(new Event('change', { bubbles: true }));
    expect(shown(f, 'otherUpperSecondaryCompleted')).toBe(false);
    expect(shown(f, 'yearsOfWork')).toBe(false);
  });

  it('where and how far the education abroad went: only with education abroad', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    const f = form();
    expect(shown(f, 'foreignRegion')).toBe(false);
    (f.elements.namedItem('birthYear') as HTMLInputElement).value = '1990';
    const abroad = f.elements.namedItem('educationAbroad') as HTMLInputElement;
    abroad.checked = true;
    abroad.dispatchEvent(new Event('change', { bubbles: true }));
    expect(shown(f, 'foreignRegion')).toBe(true);
    f.querySelector<HTMLInputElement>('input[name="foreignCompleted"][value="partial"]')!.checked = true;
    (f.elements.namedItem('foreignRegion') as HTMLSelectElement).value = 'eu-eea';
    f.requestSubmit();
    await expect.poll(async () => (await fakeBrowser.storage.local.get('profile'))['profile']).toMatchObject({
      educationAbroad: true,
      foreignEducation: { completed: 'partial', region: 'eu-eea' },
    });
  });

  it('answers to questions that stopped mattering are kept, not dropped', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    const f = form({ birthYear: 1990, authorisedHelsesekretaer: false, completed: ['vg3-helsesekretaer'], yearsAsSecretaryInHealth: 1, educationAbroad: false, systems: [], yearsOfWork: 8, otherUpperSecondaryCompleted: true });
    expect(shown(f, 'yearsOfWork')).toBe(false);
    f.requestSubmit();
    await expect.poll(async () => (await fakeBrowser.storage.local.get('profile'))['profile']).toMatchObject({ yearsOfWork: 8, otherUpperSecondaryCompleted: true });
  });
});
