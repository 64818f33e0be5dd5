import { COURSE_IDS, MAX_SYSTEMS, MAX_SYSTEM_NAME_LENGTH, MAX_YEARS_EXPERIENCE, type Profile } from '../../shared/index.ts';
import { h } from './dom.ts';
import { type FieldName, type Lang, messages } from './i18n.ts';
import { saveProfile } from './storage.ts';

export interface ProfileFormOptions {
  lang: Lang;
  initial: Profile | null;
  /** The options page always asks for systems; the popup only when the ad names some. */
  withSystems: boolean;
  onSaved?: (profile: Profile) => void;
  /** Overrides "this year" (tests). */
  thisYear?: number;
}

/** A reader between 15 and 80 this year: anything else is a typo (1909 for 1990, 2019 for 1990). */
export const MIN_AGE = 15;
export const MAX_AGE = 80;

export type FieldErrors = Partial<Record<FieldName, string>>;

export interface FormValues {
  birthYear: string;
  authorisedHelsesekretaer: boolean;
  completed: string[];
  yearsAsSecretaryInHealth: string;
  educationAbroad: boolean;
  /** null: keep what the stored profile has (the field is not on the form). */
  systems: string | null;
}

/**
 * Checks the form's values the way a person would (a plausible birth year, years that fit the
 * age, numbers typed the Norwegian way) and says what is wrong in the reader's language, per field.
 * The stored profile is still checked by the core's schema on save.
 */
export function validateProfileForm(values: FormValues, lang: Lang, keepSystems: string[], thisYear = new Date().getFullYear()): { data: Record<string, unknown>; errors: FieldErrors } {
  const t = messages(lang).form.errors;
  const errors: FieldErrors = {};
  const minYear = thisYear - MAX_AGE;
  const maxYear = thisYear - MIN_AGE;

  let birthYear: number | undefined;
  const rawYear = values.birthYear.trim();
  if (rawYear === '') errors.birthYear = t.birthYearMissing;
  else if (!/^\d{4}$/.test(rawYear)) errors.birthYear = t.birthYearNotNumber;
  else {
    birthYear = Number(rawYear);
    if (birthYear < minYear || birthYear > maxYear) errors.birthYear = t.birthYearRange(minYear, maxYear);
  }

  let years = 0;
  const rawYears = values.yearsAsSecretaryInHealth.trim();
  if (rawYears !== '') {
    if (/^-/.test(rawYears)) errors.yearsAsSecretaryInHealth = t.yearsNegative;
    // "2,5" and "2.5" are both 2.5.
    else if (!/^\d+(?:[.,]\d+)?$/.test(rawYears)) errors.yearsAsSecretaryInHealth = t.yearsNotNumber;
    else {
      years = Number(rawYears.replace(',', '.'));
      const max = Math.min(MAX_YEARS_EXPERIENCE, birthYear !== undefined && !errors.birthYear ? Math.max(0, thisYear - birthYear - MIN_AGE) : MAX_YEARS_EXPERIENCE);
      if (years > max) errors.yearsAsSecretaryInHealth = t.yearsTooMany(max);
    }
  }

  const systems = values.systems === null ? keepSystems : values.systems.split(',').map((s) => s.trim()).filter(Boolean);
  if (systems.length > MAX_SYSTEMS) errors.systems = t.systemsTooMany(MAX_SYSTEMS);
  else if (systems.some((s) => s.length > MAX_SYSTEM_NAME_LENGTH)) errors.systems = t.systemTooLong(MAX_SYSTEM_NAME_LENGTH);

  return {
    data: {
      birthYear,
      authorisedHelsesekretaer: values.authorisedHelsesekretaer,
      completed: values.completed,
      yearsAsSecretaryInHealth: years,
      educationAbroad: values.educationAbroad,
      systems,
    },
    errors,
  };
}

/**
 * The profile form (popup and options page). Stable hooks: form#profile-form, inputs by name
 * (birthYear, authorisedHelsesekretaer, completed ×4, yearsAsSecretaryInHealth, educationAbroad,
 * systems), #<name>-error next to each field, #profile-status (role=status) and #profile-errors
 * (role=alert).
 */
export function profileForm(doc: Document, options: ProfileFormOptions): HTMLFormElement {
  const t = messages(options.lang).form;
  const p = options.initial;
  const thisYear = options.thisYear ?? new Date().getFullYear();
  const errorSlots = new Map<FieldName, HTMLElement>();
  const inputs = new Map<FieldName, HTMLInputElement>();

  const field = (name: FieldName, label: string, input: HTMLInputElement) => {
    const slot = h(doc, 'span', { id: `${name}-error`, class: 'field-error' });
    input.id = `field-${name}`;
    input.setAttribute('aria-describedby', slot.id);
    errorSlots.set(name, slot);
    inputs.set(name, input);
    return h(doc, 'p', { class: 'field' }, h(doc, 'label', { for: input.id }, label), ' ', input, slot);
  };
  const check = (name: string, label: string, checked: boolean, value?: string) => {
    const input = h(doc, 'input', { type: 'checkbox', name, value });
    input.checked = checked;
    return h(doc, 'p', { class: 'check' }, h(doc, 'label', {}, input, ' ', label));
  };
  const birthYear = h(doc, 'input', { type: 'text', name: 'birthYear', inputmode: 'numeric', autocomplete: 'bday-year', maxlength: '4', required: '', value: p ? String(p.birthYear) : undefined });
  birthYear.classList.add('year');
  // Text, not type=number: Norwegians type "2,5", which a number input in an English browser reads as 25.
  const years = h(doc, 'input', { type: 'text', name: 'yearsAsSecretaryInHealth', inputmode: 'decimal', autocomplete: 'off', value: String(p?.yearsAsSecretaryInHealth ?? 0).replace('.', options.lang === 'nb' ? ',' : '.') });
  years.classList.add('year');
  const systems = h(doc, 'input', { type: 'text', name: 'systems', value: p?.systems.join(', ') ?? '' });
  const status = h(doc, 'p', { id: 'profile-status', role: 'status' });
  const errors = h(doc, 'div', { id: 'profile-errors', role: 'alert' });
  const save = h(doc, 'button', { type: 'submit' }, t.save);

  const form = h(
    doc,
    'form',
    { id: 'profile-form', novalidate: '' },
    field('birthYear', t.birthYear, birthYear),
    check('authorisedHelsesekretaer', t.authorised, p?.authorisedHelsesekretaer ?? false),
    h(doc, 'fieldset', {}, h(doc, 'legend', {}, t.completedLegend), ...COURSE_IDS.map((id) => check('completed', t.courses[id], p?.completed.includes(id) ?? false, id))),
    field('yearsAsSecretaryInHealth', t.years, years),
    check('educationAbroad', t.abroad, p?.educationAbroad ?? false),
    options.withSystems ? field('systems', t.systems, systems) : null,
    h(doc, 'p', {}, save),
    status,
    errors,
  );

  const showErrors = (fieldErrors: FieldErrors) => {
    for (const [name, slot] of errorSlots) {
      const message = fieldErrors[name] ?? '';
      slot.textContent = message;
      const input = inputs.get(name);
      if (message) input?.setAttribute('aria-invalid', 'true');
      else input?.removeAttribute('aria-invalid');
    }
    const list = (Object.entries(fieldErrors) as [FieldName, string][]).map(([name, message]) => h(doc, 'li', {}, `${labelOf(name)}: ${message}`));
    errors.replaceChildren(...(list.length > 0 ? [h(doc, 'p', {}, t.invalid), h(doc, 'ul', {}, ...list)] : []));
    const first = (Object.keys(fieldErrors) as FieldName[]).map((name) => inputs.get(name)).find((input) => input !== undefined);
    first?.focus();
  };
  const labelOf = (name: FieldName) =>
    ({ birthYear: t.birthYear, yearsAsSecretaryInHealth: t.years, systems: t.systems, completed: t.completedLegend, profile: t.save })[name];

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = '';
    const { data, errors: fieldErrors } = validateProfileForm(readProfileForm(form, options.withSystems), options.lang, p?.systems ?? [], thisYear);
    if (Object.keys(fieldErrors).length > 0) {
      showErrors(fieldErrors);
      return;
    }
    void saveProfile(data).then((result) => {
      if (result.ok) {
        showErrors({});
        status.textContent = t.saved;
        // Focus stays where the reader was; if that element is gone, on the save button.
        if (!doc.activeElement || doc.activeElement === doc.body) save.focus();
        options.onSaved?.(result.profile);
      } else {
        // The core refused what the form accepted: name the field, in the reader's language.
        const fromCore: FieldErrors = {};
        for (const e of result.errors) {
          const name = /^(\w+)/.exec(e)?.[1];
          const key: FieldName = name === 'birthYear' || name === 'yearsAsSecretaryInHealth' || name === 'systems' || name === 'completed' ? name : 'profile';
          fromCore[key] = messages(options.lang).form.errors.other;
        }
        showErrors(fromCore);
      }
    });
  });
  return form;
}

/** The form's raw values. */
export function readProfileForm(form: HTMLFormElement, withSystems: boolean): FormValues {
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
  const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
  return {
    birthYear: value('birthYear'),
    authorisedHelsesekretaer: checked('authorisedHelsesekretaer'),
    completed: [...form.querySelectorAll<HTMLInputElement>('input[name="completed"]')].filter((i) => i.checked).map((i) => i.value),
    yearsAsSecretaryInHealth: value('yearsAsSecretaryInHealth'),
    educationAbroad: checked('educationAbroad'),
    systems: withSystems ? value('systems') : null,
  };
}
