import { getReason, traceSteps, type AdReading, type Evidence, type Profile, type Reason, type Rules, type TitleId, type TraceEntry, type Verdict } from '../../shared/index.ts';
import { h, quote } from './dom.ts';
import { type Lang, messages } from './i18n.ts';
import type { TabStateResponse } from './messages.ts';
import { listingSection, notAdNotes } from './popup-listing.ts';
import { copyToClipboard, extensionVersion, reportSection } from './popup-report.ts';
import { popupVerdict } from './popup-verdict.ts';
import { profileForm } from './profile-form.ts';
import { type Localised, factName, factsById, readableStep, routeText, routeTitles } from './rules-text.ts';

/**
 * The popup, as a pure render of its model into #app, in the order a reader acts on it: the
 * verdict in one line, the one thing to do next (the route), then the reasons as short lines with
 * the ad's own words, each with its sources and rules behind a disclosure. Without a profile: what
 * the ad asks for, then a few questions. Stable hooks for tests:
 *   #app[data-state=loading|ready|unavailable][data-verdict][data-route]
 *   [data-section=verdict|route|reasons|ad-asks|questions|site|footer], #verdict-label,
 *   li[data-reason-id][data-effect] (.evidence, details.reason-details [data-fact-id]),
 *   a#route-link[data-route-link], details#trace li[data-rule], form#profile-form,
 *   button#always-on-site[aria-pressed], #site-message[data-site-status], #open-options, #privacy-link.
 */
export { type PopupVerdict, popupVerdict } from './popup-verdict.ts';

export interface SiteInfo {
  origin: string;
  host: string;
  /** The reader enabled "always on this site" for it. */
  enabled: boolean;
  /** What happened to the permission: the reader declined the prompt, or the browser removed it later. */
  status?: 'denied' | 'removed';
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
  openPrivacy(): void;
  toggleSite(site: SiteInfo): void;
  profileSaved(profile: Profile): void;
}

type Doc = Document;

export function renderPopup(root: HTMLElement, model: PopupModel, actions: PopupActions): void {
  const doc = root.ownerDocument;
  const t = messages(model.lang);
  const lang = model.lang;
  const response = model.response;
  const state = response?.ok ? response.state : null;
  const verdict = popupVerdict(state);
  const routeId = verdict !== 'none' && verdict !== 'no-profile' ? (state?.verdict?.route ?? '') : '';

  root.dataset.state = response === null ? 'loading' : response.ok ? 'ready' : 'unavailable';
  root.dataset.verdict = verdict;
  root.dataset.route = routeId;

  const status = h(doc, 'div', { id: 'status', 'aria-live': 'polite' });
  const parts: (Node | null)[] = [h(doc, 'h1', {}, t.appName), status];

  if (response === null) {
    status.append(h(doc, 'p', {}, t.loading));
  } else if (!response.ok) {
    status.append(h(doc, 'p', {}, response.reason === 'restricted' ? t.restricted : t.noReading));
  } else if (verdict === 'none') {
    const { reading, info } = response.state;
    if (info?.kind === 'not-ad') status.append(...notAdNotes(doc, model.lang));
    else status.append(h(doc, 'p', {}, reading.listing ? t.listing : t.noTarget));
    if (info?.kind === 'listing') status.append(listingSection(doc, model.lang, info.items ?? []));
    if (response.state.highlights.count > 0) status.append(h(doc, 'p', { class: 'muted' }, t.mentionsOnPage(response.state.highlights.count)));
  } else if (verdict === 'no-profile') {
    status.append(adAsksSection(response.state.reading));
  } else {
    const v = response.state.verdict;
    status.append(verdictLine(v?.verdict ?? 'cannot-tell'));
  }
  // A very long page was read only in part: the answer says so.
  if (response?.ok && response.state.truncated) status.append(h(doc, 'p', { id: 'truncated', class: 'muted' }, t.truncated));
  // Next to the answer, where a reader looks for it.
  if (model.site && response !== null) status.append(siteControl(model.site));
  if (response?.ok && verdict !== 'none' && verdict !== 'no-profile' && response.state.verdict) {
    const v = response.state.verdict;
    if (v.route) status.append(routeSection(v.route));
    if (v.reasons.length > 0) status.append(reasonsSection(v));
    if (v.trace.length > 0) status.append(traceSection(v.trace));
  }

  if (!model.profile && response !== null) {
    // Keep the form (and what the reader typed) across re-renders caused by page updates.
    const reading = response.ok ? response.state.reading : null;
    const withSystems = String((reading?.systems.length ?? 0) > 0);
    const existing = root.querySelector<HTMLElement>(`section[data-section="questions"][data-with-systems="${withSystems}"]`);
    parts.push(existing ?? questionsSection(reading));
  }

  const miss = state?.info?.miss;
  if (miss) parts.push(reportSection(doc, model.lang, miss, extensionVersion(), copyToClipboard));
  parts.push(footer());

  root.replaceChildren(...parts.filter((p): p is Node => p !== null));

  function verdictLine(kind: Verdict['verdict']): HTMLElement {
    return h(
      doc,
      'section',
      { 'data-section': 'verdict', 'aria-labelledby': 'verdict-heading' },
      h(doc, 'h2', { id: 'verdict-heading', class: 'visually-hidden' }, t.verdictHeading),
      h(doc, 'p', { id: 'verdict-label', class: `verdict verdict-${kind}` }, t.verdict[kind]),
    );
  }

  function routeSection(id: string): HTMLElement {
    const route = routeText(model.rules, id, lang);
    const link = h(doc, 'a', { id: 'route-link', 'data-route-link': id, href: '#', hreflang: 'nb' }, t.readRoute);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      actions.openRoute(id);
    });
    return h(
      doc,
      'section',
      { 'data-section': 'route', class: 'route', 'aria-labelledby': 'route-heading' },
      h(doc, 'h2', { id: 'route-heading' }, t.routeHeading),
      h(doc, 'p', { class: 'route-title' }, route ? text(route.title) : id),
      route
        ? h(
            doc,
            'dl',
            {},
            ...(route.firstStep ? [h(doc, 'dt', {}, t.firstStep), h(doc, 'dd', { class: 'route-first-step' }, text(route.firstStep))] : []),
            h(doc, 'dt', {}, t.duration),
            h(doc, 'dd', { class: 'route-duration' }, text(route.duration)),
            h(doc, 'dt', {}, t.cost),
            h(doc, 'dd', { class: 'route-cost' }, text(route.cost)),
          )
        : null,
      h(doc, 'p', {}, link),
    );
  }

  function reasonsSection(v: Verdict): HTMLElement {
    return h(
      doc,
      'section',
      { 'data-section': 'reasons', 'aria-labelledby': 'reasons-heading' },
      h(doc, 'h2', { id: 'reasons-heading' }, t.reasonsHeading),
      h(doc, 'ul', { class: 'reasons' }, ...v.reasons.map((r) => reasonItem(r, v.trace))),
    );
  }

  function reasonItem(reason: Reason, trace: readonly TraceEntry[]): HTMLElement {
    const full = lang === 'nb' ? reason.text : reason.textEn;
    const [first, rest] = splitFirstSentence(full);
    const li = h(
      doc,
      'li',
      { 'data-reason-id': reason.id, 'data-effect': reason.effect },
      h(doc, 'p', { class: 'reason-line' }, h(doc, 'span', { class: 'visually-hidden' }, `${t.effects[reason.effect]}: `), h(doc, 'strong', {}, `${topicOf(reason.id)}: `), first),
    );
    if (reason.evidence) li.append(evidenceQuote(reason.evidence));
    const facts = factsById(model.rules, reason.facts);
    const steps = traceSteps(
      trace.filter((e) => e.rule === `reason:${reason.id}`),
      lang,
      routeTitles(model.rules, lang),
    ).map((s) => readableStep(s, lang));
    if (rest || facts.length > 0 || steps.length > 0) {
      li.append(
        h(
          doc,
          'details',
          { class: 'reason-details' },
          h(doc, 'summary', {}, t.details),
          rest ? h(doc, 'p', {}, rest) : null,
          facts.length > 0 ? sourceList(facts) : null,
          steps.length > 0 ? h(doc, 'p', { class: 'reason-rule' }, `${t.ruleHeading}: `, ...steps.flatMap((s, i) => [i > 0 ? '; ' : '', `${s.text}: ${s.result}`])) : null,
        ),
      );
    }
    return li;
  }

  function sourceList(facts: ReturnType<typeof factsById>): HTMLElement {
    return h(
      doc,
      'ul',
      { class: 'facts', 'aria-label': t.sourcesHeading },
      ...facts.map((fact) => {
        const name = factName(fact);
        return h(
          doc,
          'li',
          { 'data-fact-id': fact.id },
          name.url ? h(doc, 'a', { href: name.url, target: '_blank', rel: 'noopener noreferrer', lang: 'nb' }, name.title) : h(doc, 'span', { lang: 'nb' }, name.title),
          name.publisher ? `, ${name.publisher}` : '',
          ` (${t.checked(fact.checked)})`,
        );
      }),
    );
  }

  /** The same steps the veiviser pages show (shared/lib/trace.ts), without internal ids. */
  function traceSection(trace: readonly TraceEntry[]): HTMLElement {
    const steps = traceSteps(trace, lang, routeTitles(model.rules, lang)).map((s) => readableStep(s, lang));
    return h(
      doc,
      'details',
      { id: 'trace' },
      h(doc, 'summary', {}, t.traceHeading),
      h(doc, 'ol', {}, ...steps.map((step) => h(doc, 'li', { 'data-rule': step.rule }, `${step.text}: `, h(doc, 'strong', {}, step.result)))),
    );
  }

  /** First run: what this ad asks for, read before any profile exists. */
  function adAsksSection(reading: AdReading): HTMLElement {
    const rows: Node[] = [];
    const row = (term: string, ...value: (Node | string | null)[]) => rows.push(h(doc, 'dt', {}, term), h(doc, 'dd', {}, ...value));
    const titles = [...new Set(reading.mentions.map((m) => m.title))] as TitleId[];
    if (titles.length > 0) row(t.adAsks.title, titles.map((id) => t.titleNames[id]).join(', '));
    const auth = reading.authorisation;
    if (auth.level !== 'not-mentioned' || auth.evidence) {
      row(t.adAsks.authorisation, h(doc, 'span', { 'data-authorisation-level': auth.level }, t.authorisationLevel[auth.level]), auth.evidence ? evidenceQuote(auth.evidence) : null);
    }
    for (const education of reading.education) {
      row(t.adAsks.education, education.strength === 'required' ? t.requiredWord : t.preferredWord, evidenceQuote(education.evidence));
    }
    const years = reading.minYearsExperience;
    if (years) row(t.adAsks.years, `${t.atLeastYears(years.years)} (${years.strength === 'required' ? t.requiredWord : t.preferredWord})`, evidenceQuote(years.evidence));
    if (reading.systems.length > 0) row(t.adAsks.systems, reading.systems.map((s) => s.name).join(', '));
    if (reading.norwegian) row(t.adAsks.norwegian, evidenceQuote(reading.norwegian));
    return h(
      doc,
      'section',
      { 'data-section': 'ad-asks', 'aria-labelledby': 'ad-asks-heading' },
      h(doc, 'h2', { id: 'ad-asks-heading' }, t.adAsksHeading),
      rows.length > 0 ? h(doc, 'dl', { class: 'ad-asks' }, ...rows) : h(doc, 'p', {}, t.adAsks.nothing),
    );
  }

  function questionsSection(reading: AdReading | null): HTMLElement {
    return h(
      doc,
      'section',
      { 'data-section': 'questions', 'data-with-systems': String((reading?.systems.length ?? 0) > 0), class: 'setup', 'aria-labelledby': 'questions-heading' },
      h(doc, 'h2', { id: 'questions-heading' }, t.questionsHeading),
      h(doc, 'p', { class: 'muted' }, t.questionsIntro),
      profileForm(doc, { lang, initial: null, withSystems: (reading?.systems.length ?? 0) > 0, onSaved: (p) => actions.profileSaved(p) }),
    );
  }

  function siteControl(site: SiteInfo): HTMLElement {
    const message = site.status === 'denied' ? t.permissionDenied(site.host) : site.status === 'removed' ? t.permissionRemoved(site.host) : '';
    return h(
      doc,
      'div',
      { 'data-section': 'site', class: 'site' },
      h(doc, 'p', {}, button(doc, { id: 'always-on-site', 'aria-pressed': String(site.enabled) }, site.enabled ? t.alwaysOnSiteOn(site.host) : t.alwaysOnSite(site.host), () => actions.toggleSite(site))),
      h(doc, 'p', { id: 'site-message', role: 'status', 'data-site-status': site.status ?? '' }, message),
    );
  }

  function footer(): HTMLElement {
    const privacy = h(doc, 'a', { id: 'privacy-link', href: '#', hreflang: 'nb' }, t.privacy);
    privacy.addEventListener('click', (event) => {
      event.preventDefault();
      actions.openPrivacy();
    });
    return h(
      doc,
      'footer',
      { 'data-section': 'footer' },
      model.profile ? button(doc, { id: 'open-options', class: 'link' }, t.openOptions, () => actions.openOptions()) : null,
      model.profile ? ' · ' : null,
      privacy,
    );
  }

  function evidenceQuote(evidence: Evidence): HTMLElement {
    return h(doc, 'blockquote', { class: 'evidence' }, h(doc, 'span', { class: 'visually-hidden' }, `${t.adSays}: `), `«${quote(evidence.text, 200)}»`);
  }

  /** Text in the language it is in: a Norwegian fallback inside the English popup says so. */
  function text(value: Localised): Node | string {
    return value.lang === lang ? value.text : h(doc, 'span', { lang: value.lang }, value.text);
  }

  function topicOf(id: string): string {
    return t.reasonTopics[getReason(id)?.topic ?? 'ad'];
  }
}

/** "First sentence. The rest." → ["First sentence.", "The rest."]; one sentence → [it, ""]. */
export function splitFirstSentence(text: string): [string, string] {
  const match = /[.!?](?=\s+[A-ZÆØÅ«"“])/.exec(text);
  if (!match) return [text, ''];
  return [text.slice(0, match.index + 1), text.slice(match.index + 1).trim()];
}

function button(doc: Doc, attrs: Record<string, string>, label: string, onClick: () => void): HTMLButtonElement {
  const b = h(doc, 'button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}
