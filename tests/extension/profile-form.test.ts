import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../shared/lib/profile.ts';
import { profileForm, readProfileForm } from '../../extension/utils/profile-form.ts';

function formWithYears(typed: string): HTMLFormElement {
  const form = profileForm(document, { lang: 'nb', initial: null, withSystems: true });
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
    const data = readProfileForm(formWithYears(typed), null);
    expect(data['yearsAsSecretaryInHealth']).toBe(years);
    expect(parseProfile(data).ok).toBe(true);
  });

  it.each(['to', '2,5,1', '-1', '1e3'])('refuses %j instead of guessing', (typed) => {
    const parsed = parseProfile(readProfileForm(formWithYears(typed), null));
    expect(parsed.ok).toBe(false);
  });

  it('shows a saved half year the Norwegian way', () => {
    const form = profileForm(document, {
      lang: 'nb',
      initial: { birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 2.5, educationAbroad: false, systems: [] },
      withSystems: false,
    });
    expect((form.elements.namedItem('yearsAsSecretaryInHealth') as HTMLInputElement).value).toBe('2,5');
  });
});

describe('profile form: errors', () => {
  it('names the field by its label, not its id', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    const form = formWithYears('to');
    form.requestSubmit();
    await expect.poll(() => form.querySelector('#profile-errors li')?.textContent ?? '').toMatch(/^År som sekretær i helsetjenesten: /);
  });
});
