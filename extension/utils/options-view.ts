import type { Profile } from '../../shared/index.ts';
import { h } from './dom.ts';
import { type Lang, messages } from './i18n.ts';
import { profileForm } from './profile-form.ts';
import type { ProfileNotice } from './storage.ts';

/**
 * The options page. Stable hooks: #notice[data-notice=reset] (+ #dismiss-notice), form#profile-form,
 * ul#sites > li[data-origin] button.remove-site, #export-data, #delete-data, #delete-confirm
 * (#delete-yes, #delete-no), #options-message (role=status).
 */
export interface OptionsModel {
  lang: Lang;
  profile: Profile | null;
  notice: ProfileNotice | null;
  sites: string[];
  message?: string;
}

export interface OptionsActions {
  dismissNotice(): void;
  removeSite(origin: string): void;
  exportData(): void;
  deleteAll(): void;
}

export function renderOptions(root: HTMLElement, model: OptionsModel, actions: OptionsActions): void {
  const doc = root.ownerDocument;
  const t = messages(model.lang);
  const button = (attrs: Record<string, string>, label: string, onClick: () => void) => {
    const b = h(doc, 'button', { type: 'button', ...attrs }, label);
    b.addEventListener('click', onClick);
    return b;
  };

  const confirmBox = h(
    doc,
    'div',
    { id: 'delete-confirm', role: 'group', hidden: '' },
    h(doc, 'p', {}, t.options.deleteConfirm),
    button({ id: 'delete-yes' }, t.options.deleteYes, () => actions.deleteAll()),
    ' ',
    button({ id: 'delete-no' }, t.options.deleteNo, () => {
      confirmBox.hidden = true;
      deleteButton.focus();
    }),
  );
  const deleteButton = button({ id: 'delete-data' }, t.options.delete, () => {
    confirmBox.hidden = false;
    confirmBox.querySelector<HTMLButtonElement>('#delete-no')?.focus();
  });

  const children: (Node | null)[] = [
    h(doc, 'h1', {}, t.options.title),
    h(doc, 'p', { id: 'options-message', role: 'status' }, model.message ?? ''),
    model.notice
      ? h(
          doc,
          'div',
          { id: 'notice', 'data-notice': 'reset', role: 'alert' },
          h(doc, 'p', {}, t.options.resetNotice(model.notice.errors.join('; '))),
          button({ id: 'dismiss-notice' }, t.options.dismiss, () => actions.dismissNotice()),
        )
      : null,
    h(doc, 'h2', {}, t.options.profileHeading),
    h(doc, 'p', {}, t.options.profileIntro),
    profileForm(doc, { lang: model.lang, initial: model.profile, withSystems: true }),
    h(doc, 'h2', {}, t.options.sitesHeading),
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
  ];
  root.replaceChildren(...children.filter((c): c is Node => c !== null));
}
