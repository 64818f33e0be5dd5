import type { Profile } from '../../shared/index.ts';
import { h } from './dom.ts';
import { type Lang, messages } from './i18n.ts';
import { profileForm } from './profile-form.ts';

/**
 * The welcome page, opened once on install: what the extension does, the three titles, that the
 * profile stays on the device, how to pin the button, and the same questions the popup asks.
 * Stable hooks: section[data-section=what|titles|privacy|pin|questions], form#profile-form, #welcome-done.
 */
export function renderWelcome(root: HTMLElement, model: { lang: Lang; profile: Profile | null }): void {
  const doc = root.ownerDocument;
  const t = messages(model.lang);
  const w = t.welcome;
  doc.title = w.title;
  const done = h(doc, 'p', { id: 'welcome-done', role: 'status', tabindex: '-1' });
  const section = (name: string, heading: string, ...content: (Node | string)[]) =>
    h(doc, 'section', { 'data-section': name, 'aria-labelledby': `${name}-heading` }, h(doc, 'h2', { id: `${name}-heading` }, heading), ...content);
  root.replaceChildren(
    h(doc, 'h1', {}, w.title),
    h(doc, 'p', { 'data-section': 'what', class: 'lead' }, w.what),
    section('questions', w.questionsHeading, h(doc, 'p', {}, w.questionsIntro), profileForm(doc, {
      lang: model.lang,
      initial: model.profile,
      withSystems: true,
      onSaved: () => {
        done.textContent = w.done;
        done.focus();
      },
    }), done),
    section('privacy', w.privacyHeading, h(doc, 'p', {}, w.privacy)),
    section('pin', w.pinHeading, h(doc, 'p', {}, w.pin)),
    section('titles', w.titlesHeading, h(doc, 'dl', { class: 'titles' }, ...w.titles.flatMap((title) => [h(doc, 'dt', { lang: 'nb' }, title.term), h(doc, 'dd', {}, title.text)]))),
  );
}
