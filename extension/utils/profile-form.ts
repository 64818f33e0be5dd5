import { COURSE_IDS, type Profile } from '../../shared/index.ts';
import { h } from './dom.ts';
import { type Lang, messages } from './i18n.ts';
import { saveProfile } from './storage.ts';

export interface ProfileFormOptions {
  lang: Lang;
  initial: Profile | null;
  /** The options page asks for systems too; the popup keeps its form short. */
  withSystems: boolean;
  onSaved?: (profile: Profile) => void;
}

/**
 * The profile form (popup and options page). Stable hooks: form#profile-form, inputs by name
 * (birthYear, authorisedHelsesekretaer, completed ×4, yearsAsSecretaryInHealth, educationAbroad,
 * systems), #profile-status (role=status) and #profile-errors (role=alert).
 */
export function profileForm(doc: Document, options: ProfileFormOptions): HTMLFormElement {
  const t = messages(options.lang).form;
  const p = options.initial;
  const field = (label: string, input: HTMLElement) => h(doc, 'p', {}, h(doc, 'label', {}, label, ' ', input));
  const check = (name: string, label: string, checked: boolean, value?: string) => {
    const input = h(doc, 'input', { type: 'checkbox', name, value });
    input.checked = checked;
    return h(doc, 'p', { class: 'check' }, h(doc, 'label', {}, input, ' ', label));
  };
  const thisYear = new Date().getFullYear();
  const birthYear = h(doc, 'input', { type: 'number', name: 'birthYear', min: '1900', max: String(thisYear), inputmode: 'numeric', required: '', value: p ? String(p.birthYear) : undefined });
  // Text, not type=number: Norwegians type "2,5", which a number input in an English browser reads as 25.
  const years = h(doc, 'input', { type: 'text', name: 'yearsAsSecretaryInHealth', inputmode: 'decimal', autocomplete: 'off', value: String(p?.yearsAsSecretaryInHealth ?? 0).replace('.', ',') });
  const systems = h(doc, 'input', { type: 'text', name: 'systems', value: p?.systems.join(', ') ?? '' });
  const status = h(doc, 'p', { id: 'profile-status', role: 'status' });
  const errors = h(doc, 'div', { id: 'profile-errors', role: 'alert' });

  const form = h(
    doc,
    'form',
    { id: 'profile-form', novalidate: '' },
    field(t.birthYear, birthYear),
    check('authorisedHelsesekretaer', t.authorised, p?.authorisedHelsesekretaer ?? false),
    h(doc, 'fieldset', {}, h(doc, 'legend', {}, t.completedLegend), ...COURSE_IDS.map((id) => check('completed', t.courses[id], p?.completed.includes(id) ?? false, id))),
    field(t.years, years),
    check('educationAbroad', t.abroad, p?.educationAbroad ?? false),
    options.withSystems ? field(t.systems, systems) : null,
    h(doc, 'p', {}, h(doc, 'button', { type: 'submit' }, t.save)),
    status,
    errors,
  );

  // The core's messages start with the field id ("birthYear: ..."); the reader sees the label.
  const labels: Record<string, string> = { birthYear: t.birthYear, yearsAsSecretaryInHealth: t.years, completed: t.completedLegend, systems: t.systems };
  const withFieldLabel = (error: string) => error.replace(/^(\w+)(?=:)/, (id) => labels[id] ?? id);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = readProfileForm(form, options.withSystems ? null : (p?.systems ?? []));
    status.textContent = '';
    errors.replaceChildren();
    void saveProfile(data).then((result) => {
      if (result.ok) {
        status.textContent = t.saved;
        options.onSaved?.(result.profile);
      } else {
        errors.append(h(doc, 'p', {}, t.invalid), h(doc, 'ul', {}, ...result.errors.map((e) => h(doc, 'li', {}, withFieldLabel(e)))));
      }
    });
  });
  return form;
}

/** The form's values as profile data (unvalidated: parseProfile decides). */
export function readProfileForm(form: HTMLFormElement, keepSystems: string[] | null): Record<string, unknown> {
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
  const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
  // "2,5" and "2.5" are both 2.5; anything else that is not a plain number is NaN, which the schema refuses.
  const number = (raw: string) => (raw === '' ? undefined : /^\d+(?:[.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN);
  const completed = [...form.querySelectorAll<HTMLInputElement>('input[name="completed"]')].filter((i) => i.checked).map((i) => i.value);
  return {
    birthYear: number(value('birthYear')),
    authorisedHelsesekretaer: checked('authorisedHelsesekretaer'),
    completed,
    yearsAsSecretaryInHealth: number(value('yearsAsSecretaryInHealth')) ?? 0,
    educationAbroad: checked('educationAbroad'),
    systems: keepSystems ?? value('systems').split(',').map((s) => s.trim()).filter(Boolean),
  };
}
