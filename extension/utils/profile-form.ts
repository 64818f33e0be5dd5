import { COURSE_IDS, FOREIGN_COMPLETIONS, FOREIGN_REGIONS, MAX_SYSTEMS, MAX_SYSTEM_NAME_LENGTH, MAX_YEARS_EXPERIENCE, type ForeignEducation, type Profile } from '../../shared/index.ts';
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
  /** The questions asked only where they matter: null when not asked (hidden). */
  otherUpperSecondaryCompleted: boolean | null;
  yearsOfWork: string | null;
  foreignEducation: ForeignEducation | null;
}

/** The age from which the adult right (voksenrett) can apply: content/parameters.yaml adult-right-age (F-24). */
const ADULT_AGE = 25;

/**
 * Which of the optional questions matter for these answers: upper secondary completed otherwise and
 * years of any work decide the adult routes (voksenrett, F-24; fellesfag exemption, F-22), so only
 * for a reader of that age without authorisation or a Vg3 vitnemål; the education abroad only
 * when there is one.
 */
export function questionsThatMatter(
  values: Pick<FormValues, 'birthYear' | 'authorisedHelsesekretaer' | 'completed' | 'educationAbroad'>,
  thisYear = new Date().getFullYear(),
): { adult: boolean; foreign: boolean } {
  const birthYear = /^\d{4}$/.test(values.birthYear.trim()) ? Number(values.birthYear.trim()) : null;
  return {
    adult: birthYear !== null && thisYear - birthYear >= ADULT_AGE && !values.authorisedHelsesekretaer && !values.completed.includes('vg3-helsesekretaer'),
    foreign: values.educationAbroad && !values.authorisedHelsesekretaer,
  };
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

  const maxYears = Math.min(MAX_YEARS_EXPERIENCE, birthYear !== undefined && !errors.birthYear ? Math.max(0, thisYear - birthYear - MIN_AGE) : MAX_YEARS_EXPERIENCE);
  const readYears = (raw: string, field: 'yearsAsSecretaryInHealth' | 'yearsOfWork'): number => {
    const text = raw.trim();
    if (text === '') return 0;
    if (/^-/.test(text)) errors[field] = t.yearsNegative;
    // "2,5" and "2.5" are both 2.5.
    else if (!/^\d+(?:[.,]\d+)?$/.test(text)) errors[field] = t.yearsNotNumber;
    else {
      const years = Number(text.replace(',', '.'));
      if (years > maxYears) errors[field] = t.yearsTooMany(maxYears);
      return years;
    }
    return 0;
  };
  const years = readYears(values.yearsAsSecretaryInHealth, 'yearsAsSecretaryInHealth');
  const yearsOfWork = values.yearsOfWork === null || values.yearsOfWork.trim() === '' ? undefined : readYears(values.yearsOfWork, 'yearsOfWork');

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
      ...(values.otherUpperSecondaryCompleted === null ? {} : { otherUpperSecondaryCompleted: values.otherUpperSecondaryCompleted }),
      ...(yearsOfWork === undefined ? {} : { yearsOfWork }),
      ...(values.foreignEducation === null || !values.educationAbroad ? {} : { foreignEducation: values.foreignEducation }),
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
  const yearsOfWork = h(doc, 'input', { type: 'text', name: 'yearsOfWork', inputmode: 'decimal', autocomplete: 'off', value: p?.yearsOfWork === undefined ? '' : String(p.yearsOfWork).replace('.', options.lang === 'nb' ? ',' : '.') });
  yearsOfWork.classList.add('year');
  const foreign = p?.foreignEducation;
  const region = h(doc, 'select', { name: 'foreignRegion', id: 'field-foreignRegion' }, ...FOREIGN_REGIONS.map((r) => h(doc, 'option', { value: r }, t.regions[r])));
  region.value = foreign?.region ?? 'other';
  // Shown only where the answer changes the advice (questionsThatMatter).
  const adultQuestions = h(
    doc,
    'div',
    { class: 'conditional', 'data-questions': 'adult' },
    check('otherUpperSecondaryCompleted', t.otherUpperSecondary, p?.otherUpperSecondaryCompleted ?? false),
  );
  const workQuestion = h(doc, 'div', { class: 'conditional', 'data-questions': 'adult' }, field('yearsOfWork', t.yearsOfWork, yearsOfWork));
  const foreignQuestions = h(
    doc,
    'fieldset',
    { class: 'conditional', 'data-questions': 'foreign' },
    h(doc, 'legend', {}, t.foreignLegend),
    ...FOREIGN_COMPLETIONS.map((c) => {
      const radio = h(doc, 'input', { type: 'radio', name: 'foreignCompleted', value: c });
      radio.checked = (foreign?.completed ?? 'full-equivalent') === c;
      return h(doc, 'p', { class: 'check' }, h(doc, 'label', {}, radio, ' ', t.foreignCompleted[c]));
    }),
    h(doc, 'p', { class: 'field' }, h(doc, 'label', { for: region.id }, t.foreignRegion), ' ', region),
  );
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
    adultQuestions,
    field('yearsAsSecretaryInHealth', t.years, years),
    workQuestion,
    check('educationAbroad', t.abroad, p?.educationAbroad ?? false),
    foreignQuestions,
    options.withSystems ? field('systems', t.systems, systems) : null,
    h(doc, 'p', {}, save),
    status,
    errors,
  );

  const showRelevant = () => {
    const matter = questionsThatMatter(readProfileForm(form, false), thisYear);
    adultQuestions.hidden = !matter.adult;
    workQuestion.hidden = !matter.adult;
    foreignQuestions.hidden = !matter.foreign;
  };
  showRelevant();
  form.addEventListener('change', showRelevant);
  birthYear.addEventListener('input', showRelevant);

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
    ({ birthYear: t.birthYear, yearsAsSecretaryInHealth: t.years, yearsOfWork: t.yearsOfWork, systems: t.systems, completed: t.completedLegend, profile: t.save })[name];

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = '';
    const { data, errors: fieldErrors } = validateProfileForm(readProfileForm(form, options.withSystems), options.lang, p?.systems ?? [], thisYear);
    if (Object.keys(fieldErrors).length > 0) {
      showErrors(fieldErrors);
      return;
    }
    // Answers to questions hidden now (they do not matter for these answers) are kept, not dropped.
    const kept: Partial<Profile> = {
      ...(p?.otherUpperSecondaryCompleted === undefined ? {} : { otherUpperSecondaryCompleted: p.otherUpperSecondaryCompleted }),
      ...(p?.yearsOfWork === undefined ? {} : { yearsOfWork: p.yearsOfWork }),
      ...(p?.foreignEducation === undefined || !data['educationAbroad'] ? {} : { foreignEducation: p.foreignEducation }),
    };
    void saveProfile({ ...kept, ...data }).then((result) => {
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
          const key: FieldName = name === 'birthYear' || name === 'yearsAsSecretaryInHealth' || name === 'yearsOfWork' || name === 'systems' || name === 'completed' ? name : 'profile';
          fromCore[key] = messages(options.lang).form.errors.other;
        }
        showErrors(fromCore);
      }
    });
  });
  return form;
}

/** The form's raw values; questions hidden because they do not matter read as null (not asked). */
export function readProfileForm(form: HTMLFormElement, withSystems: boolean): FormValues {
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  const value = (name: string) => input(name)?.value ?? '';
  const checked = (name: string) => input(name)?.checked ?? false;
  const shown = (name: string) => {
    const el = input(name);
    return el !== null && el.closest('[hidden]') === null;
  };
  const completion = form.querySelector<HTMLInputElement>('input[name="foreignCompleted"]:checked')?.value;
  const region = (form.elements.namedItem('foreignRegion') as HTMLSelectElement | null)?.value;
  return {
    birthYear: value('birthYear'),
    authorisedHelsesekretaer: checked('authorisedHelsesekretaer'),
    completed: [...form.querySelectorAll<HTMLInputElement>('input[name="completed"]')].filter((i) => i.checked).map((i) => i.value),
    yearsAsSecretaryInHealth: value('yearsAsSecretaryInHealth'),
    educationAbroad: checked('educationAbroad'),
    systems: withSystems ? value('systems') : null,
    otherUpperSecondaryCompleted: shown('otherUpperSecondaryCompleted') ? checked('otherUpperSecondaryCompleted') : null,
    yearsOfWork: shown('yearsOfWork') ? value('yearsOfWork') : null,
    foreignEducation:
      shown('foreignRegion') && completion && region
        ? { completed: completion as ForeignEducation['completed'], region: region as ForeignEducation['region'] }
        : null,
  };
}
