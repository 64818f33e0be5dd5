import { traceSteps, type Fact, type Profile, type Reason, type Rules, type Verdict } from '../../shared/index.ts';
import { h, quote } from './dom.ts';
import { type Lang, messages } from './i18n.ts';
import type { TabStateResponse } from './messages.ts';
import { popupVerdict } from './popup-verdict.ts';
import { profileForm } from './profile-form.ts';

/**
 * The popup, as a pure render of its model into #app. Stable hooks for tests:
 *   #app[data-state=loading|ready|unavailable][data-verdict][data-route]
 *   #verdict-label, li[data-reason-id][data-effect], .evidence, [data-fact-id],
 *   a#route-link[data-route-link], details#trace li[data-rule], form#profile-form,
 *   button#always-on-site[aria-pressed], #open-options.
 */
export { type PopupVerdict, popupVerdict } from './popup-verdict.ts';

export interface SiteInfo {
  origin: string;
  host: string;
  /** The reader enabled "always on this site" for it. */
  enabled: boolean;
}

export interface PopupModel {
  lang: Lang;
  rules: Rules;
  /** null while loading. */
  response: TabStateResponse | null;
  profile: Profile | null;
  /** Not a board, an http(s) page: the "always on this site" toggle is offered. */
  site: SiteInfo | null;
}

export interface PopupActions {
  openRoute(routeId: string): void;
  openOptions(): void;
  toggleSite(site: SiteInfo): void;
  profileSaved(profile: Profile): void;
}

export function renderPopup(root: HTMLElement, model: PopupModel, actions: PopupActions): void {
  const doc = root.ownerDocument;
  const t = messages(model.lang);
  const response = model.response;
  const state = response?.ok ? response.state : null;
  const verdict = popupVerdict(state);
  const routeId = verdict !== 'none' && verdict !== 'no-profile' ? (state?.verdict?.route ?? '') : '';

  root.dataset.state = response === null ? 'loading' : response.ok ? 'ready' : 'unavailable';
  root.dataset.verdict = verdict;
  root.dataset.route = routeId;

  const parts: (Node | null)[] = [h(doc, 'h1', {}, t.appName)];
  const status = h(doc, 'div', { id: 'status', 'aria-live': 'polite' });
  parts.push(status);

  if (response === null) {
    status.append(h(doc, 'p', {}, t.loading));
  } else if (!response.ok) {
    status.append(h(doc, 'p', {}, response.reason === 'restricted' ? t.restricted : t.noReading));
  } else if (verdict === 'none') {
    const reading = response.state.reading;
    status.append(h(doc, 'p', {}, reading.listing ? t.listing : t.noTarget));
    if (response.state.highlights.count > 0) status.append(h(doc, 'p', { class: 'muted' }, t.mentionsOnPage(response.state.highlights.count)));
  } else if (verdict !== 'no-profile' && response.state.verdict) {
    status.append(verdictSection(doc, model, response.state.verdict));
  } else if (verdict === 'cannot-tell') {
    status.append(h(doc, 'p', { id: 'verdict-label', class: 'verdict verdict-cannot-tell' }, t.verdict['cannot-tell']));
  }

  if (!model.profile) {
    // Keep the form (and what the reader typed) across re-renders caused by page updates.
    parts.push(root.querySelector<HTMLElement>('section.setup') ?? noProfileSection(doc, model, actions));
  } else {
    parts.push(h(doc, 'p', {}, button(doc, { id: 'open-options', class: 'link' }, t.openOptions, () => actions.openOptions())));
  }

  if (model.site) {
    const site = model.site;
    parts.push(
      h(doc, 'p', { class: 'site' }, button(doc, { id: 'always-on-site', 'aria-pressed': String(site.enabled) }, site.enabled ? t.alwaysOnSiteOn(site.host) : t.alwaysOnSite(site.host), () => actions.toggleSite(site))),
    );
  }

  root.replaceChildren(...parts.filter((p): p is Node => p !== null));

  function verdictSection(doc: Document, model: PopupModel, v: Verdict): HTMLElement {
    const section = h(doc, 'section', { 'aria-labelledby': 'verdict-heading' });
    section.append(
      h(doc, 'h2', { id: 'verdict-heading' }, t.verdictHeading),
      h(doc, 'p', { id: 'verdict-label', class: `verdict verdict-${v.verdict}` }, t.verdict[v.verdict]),
    );
    if (v.reasons.length > 0) {
      section.append(h(doc, 'h3', {}, t.reasonsHeading), h(doc, 'ul', { class: 'reasons' }, ...v.reasons.map((r) => reasonItem(doc, model, r))));
    }
    if (v.route) section.append(routeSection(doc, model.rules, v.route));
    if (v.trace.length > 0) section.append(traceSection(doc, model, v));
    return section;
  }

  /** The same steps the veiviser pages show (shared/lib/trace.ts). */
  function traceSection(doc: Document, model: PopupModel, v: Verdict): HTMLElement {
    const routeTitles = Object.fromEntries(model.rules.routes.map((r) => [r.id, r.title]));
    const steps = traceSteps(v.trace, model.lang, routeTitles);
    return h(
      doc,
      'details',
      { id: 'trace' },
      h(doc, 'summary', {}, t.traceHeading),
      h(
        doc,
        'ol',
        {},
        ...steps.map((step) =>
          h(doc, 'li', { 'data-rule': step.rule }, `${step.text}: `, h(doc, 'strong', {}, step.result), step.facts.length > 0 ? ` (${step.facts.join(', ')})` : ''),
        ),
      ),
    );
  }

  function reasonItem(doc: Document, model: PopupModel, reason: Reason): HTMLElement {
    const li = h(doc, 'li', { 'data-reason-id': reason.id, 'data-effect': reason.effect }, h(doc, 'p', {}, model.lang === 'nb' ? reason.text : reason.textEn));
    if (reason.evidence) {
      li.append(h(doc, 'blockquote', { class: 'evidence' }, h(doc, 'span', { class: 'visually-hidden' }, `${t.adSays}: `), `«${quote(reason.evidence.text)}»`));
    }
    const facts = reason.facts.map((id) => model.rules.facts.find((f) => f.id === id)).filter((f): f is Fact => f !== undefined);
    if (facts.length > 0) li.append(factList(doc, facts));
    return li;
  }

  function factList(doc: Document, facts: Fact[]): HTMLElement {
    return h(
      doc,
      'ul',
      { class: 'facts' },
      ...facts.map((fact) =>
        h(
          doc,
          'li',
          { 'data-fact-id': fact.id },
          `${t.source} (${fact.id}): `,
          ...fact.sources.flatMap((s, i) => [
            i > 0 ? '; ' : '',
            s.url && /^https:\/\//.test(s.url) ? h(doc, 'a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title) : s.title,
            `, ${s.publisher}`,
          ]),
        ),
      ),
    );
  }

  function routeSection(doc: Document, rules: Rules, id: string): HTMLElement {
    const route = rules.routes.find((r) => r.id === id);
    const link = h(doc, 'a', { id: 'route-link', 'data-route-link': id, href: '#' }, t.readRoute);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      actions.openRoute(id);
    });
    return h(
      doc,
      'section',
      { class: 'route', 'aria-labelledby': 'route-heading' },
      h(doc, 'h3', { id: 'route-heading' }, t.routeHeading),
      h(doc, 'p', { class: 'route-title' }, route?.title ?? id),
      route
        ? h(doc, 'dl', {}, h(doc, 'dt', {}, t.duration), h(doc, 'dd', {}, route.duration), h(doc, 'dt', {}, t.cost), h(doc, 'dd', {}, route.cost))
        : null,
      h(doc, 'p', {}, link),
    );
  }

  function noProfileSection(doc: Document, model: PopupModel, actions: PopupActions): HTMLElement {
    const facts = (ids: string[]) => ids.map((id) => model.rules.facts.find((f) => f.id === id)).filter((f): f is Fact => f !== undefined);
    return h(
      doc,
      'section',
      { class: 'setup', 'aria-labelledby': 'setup-heading' },
      h(doc, 'h2', { id: 'setup-heading' }, t.noProfileHeading),
      h(doc, 'p', {}, t.noProfileIntro),
      h(
        doc,
        'details',
        {},
        h(doc, 'summary', {}, t.titlesHeading),
        h(doc, 'dl', { class: 'titles' }, ...t.titles.flatMap((title) => [h(doc, 'dt', {}, title.term), h(doc, 'dd', {}, title.text, factList(doc, facts(title.facts)))])),
      ),
      profileForm(doc, { lang: model.lang, initial: null, withSystems: false, onSaved: (p) => actions.profileSaved(p) }),
    );
  }
}

function button(doc: Document, attrs: Record<string, string>, label: string, onClick: () => void): HTMLButtonElement {
  const b = h(doc, 'button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}
