import { parseProfile, type Profile } from '../../shared/index.ts';
import { h } from './dom.ts';
import { type Lang, messages } from './i18n.ts';
import { profileForm } from './profile-form.ts';
import type { ProfileNotice } from './storage.ts';

/**
 * The options page. Stable hooks: #notice[data-notice=reset] (+ #dismiss-notice), form#profile-form,
 * ul#sites > li[data-origin] button.remove-site, #export-data, input#import-file, #import-message,
 * #delete-data, #delete-confirm (#delete-yes, #delete-no), #options-message (role=status, focusable),
 * #privacy-link.
 */
export interface OptionsModel {
  lang: Lang;
  profile: Profile | null;
  notice: ProfileNotice | null;
  sites: string[];
  message?: string;
  /** Where focus goes after this render (after delete, import, removing a site). */
  focus?: 'message' | 'sites' | 'import';
  importMessage?: { ok: boolean; text: string };
  /** URL of the bundled privacy page. */
  privacyUrl: string;
}

export interface OptionsActions {
  dismissNotice(): void;
  removeSite(origin: string): void;
  exportData(): void;
  importFile(file: File): void;
  deleteAll(): void;
}

/** Profile fields named in the core's error lines ("birthYear: …"), as the form labels them. */
export function noticeFields(errors: readonly string[], lang: Lang): string[] {
  const t = messages(lang).form;
  const labels: Record<string, string> = {
    birthYear: t.birthYear,
    authorisedHelsesekretaer: t.authorised,
    completed: t.completedLegend,
    yearsAsSecretaryInHealth: t.years,
    educationAbroad: t.abroad,
    systems: t.systems,
    foreignEducation: t.foreignLegend,
    otherUpperSecondaryCompleted: t.otherUpperSecondary,
    yearsOfWork: t.yearsOfWork,
  };
  const names = errors.map((e) => /^(\w+)/.exec(e)?.[1] ?? '').map((id) => labels[id]).filter((l): l is string => l !== undefined);
  return [...new Set(names)];
}

/** The largest file import reads: an export is a few kilobytes. */
export const MAX_IMPORT_BYTES = 1_000_000;

/**
 * A profile from an exported file ("Last ned dataene mine": {app, profile, …}) or a bare profile
 * (the CLI's JSON), validated by the core's schema; an error in the reader's words otherwise.
 */
export function profileFromImport(text: string, lang: Lang): { ok: true; profile: Profile } | { ok: false; message: string } {
  const t = messages(lang).options;
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, message: t.importTooLarge };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: t.importNotJson };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: t.importNoProfile };
  const record = data as Record<string, unknown>;
  const candidate = 'profile' in record ? record.profile : 'birthYear' in record ? record : null;
  if (candidate === null || candidate === undefined) return { ok: false, message: t.importNoProfile };
  const parsed = parseProfile(candidate);
  if (parsed.ok) return parsed;
  const fields = noticeFields(parsed.errors, lang);
  return { ok: false, message: t.importInvalid(fields.length > 0 ? fields : [messages(lang).form.errors.other]) };
}

export function renderOptions(root: HTMLElement, model: OptionsModel, actions: OptionsActions): void {
  const doc = root.ownerDocument;
  const t = messages(model.lang);
  const button = (attrs: Record<string, string>, label: string, onClick: () => void) => {
    const b = h(doc, 'button', { type: 'button', ...attrs }, label);
    b.addEventListener('click', onClick);
    return b;
  };

  const closeConfirm = () => {
    confirmBox.hidden = true;
    deleteButton.focus();
  };
  const confirmBox = h(
    doc,
    'div',
    { id: 'delete-confirm', role: 'group', 'aria-labelledby': 'delete-question', hidden: '' },
    h(doc, 'p', { id: 'delete-question' }, t.options.deleteConfirm),
    button({ id: 'delete-yes' }, t.options.deleteYes, () => actions.deleteAll()),
    ' ',
    button({ id: 'delete-no' }, t.options.deleteNo, closeConfirm),
  );
  // Escape cancels, as in any dialog.
  confirmBox.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeConfirm();
    }
  });
  const deleteButton = button({ id: 'delete-data' }, t.options.delete, () => {
    confirmBox.hidden = false;
    confirmBox.querySelector<HTMLButtonElement>('#delete-no')?.focus();
  });

  const importInput = h(doc, 'input', { type: 'file', id: 'import-file', accept: 'application/json,.json' });
  importInput.addEventListener('change', () => {
    const file = importInput.files?.[0];
    if (file) actions.importFile(file);
  });
  const importMessage = h(
    doc,
    'p',
    { id: 'import-message', role: model.importMessage && !model.importMessage.ok ? 'alert' : 'status', 'data-ok': model.importMessage ? String(model.importMessage.ok) : '' },
    model.importMessage?.text ?? '',
  );

  const message = h(doc, 'p', { id: 'options-message', role: 'status', tabindex: '-1' }, model.message ?? '');
  const sitesHeading = h(doc, 'h2', { id: 'sites-heading', tabindex: '-1' }, t.options.sitesHeading);
  const children: (Node | null)[] = [
    h(doc, 'h1', {}, t.options.title),
    message,
    model.notice
      ? h(
          doc,
          'div',
          { id: 'notice', 'data-notice': 'reset', role: 'alert' },
          h(doc, 'p', {}, t.options.resetNotice(noticeFields(model.notice.errors, model.lang))),
          button({ id: 'dismiss-notice' }, t.options.dismiss, () => actions.dismissNotice()),
        )
      : null,
    h(doc, 'h2', {}, t.options.profileHeading),
    h(doc, 'p', {}, t.options.profileIntro),
    profileForm(doc, { lang: model.lang, initial: model.profile, withSystems: true }),
    sitesHeading,
    model.sites.length === 0
      ? h(doc, 'p', {}, t.options.sitesNone)
      : h(
          doc,
          'ul',
          { id: 'sites', class: 'sites' },
          ...model.sites.map((origin) =>
            h(doc, 'li', { 'data-origin': origin }, origin, ' ', button({ class: 'remove-site', 'aria-label': `${t.options.remove}: ${origin}` }, t.options.remove, () => actions.removeSite(origin))),
          ),
        ),
    h(doc, 'h2', {}, t.options.dataHeading),
    h(doc, 'p', { class: 'actions' }, button({ id: 'export-data' }, t.options.export, () => actions.exportData()), deleteButton),
    confirmBox,
    h(doc, 'p', { class: 'import' }, h(doc, 'label', { for: 'import-file' }, t.options.importLabel), ' ', importInput),
    importMessage,
    h(doc, 'p', { class: 'privacy' }, h(doc, 'a', { id: 'privacy-link', href: model.privacyUrl, target: '_blank', hreflang: 'nb' }, t.options.privacyLink)),
  ];
  root.replaceChildren(...children.filter((c): c is Node => c !== null));
  if (model.focus === 'message') message.focus();
  else if (model.focus === 'sites') (root.querySelector<HTMLButtonElement>('button.remove-site') ?? sitesHeading).focus();
  else if (model.focus === 'import') importInput.focus();
}
