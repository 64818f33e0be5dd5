import { browser } from 'wxt/browser';
import { ADAPTERS } from '../adapters/index.ts';
import { boardTexts } from './board-texts.ts';
import { h } from './dom.ts';
import type { Lang } from './i18n.ts';
import type { AdapterMiss } from './page-info.ts';

/**
 * "Rapporter et problem med denne siden": when a board adapter's selectors missed, the popup
 * offers a short report for a bug report — board, URL path shape, adapter, selectors that matched
 * and missed, extension version. No ad text, no profile, no full URL. It is copied to the
 * clipboard when the reader clicks; nothing is sent anywhere.
 * Hooks: button#report-problem, #report-status, pre#report-text.
 */
export function problemReport(miss: AdapterMiss, version: string): string {
  const board = ADAPTERS.find((a) => a.id === miss.adapter);
  return [
    'Sekretærsjekk: board adapter missed',
    `board: ${board ? board.name : miss.adapter}`,
    `url path: ${miss.pathShape}`,
    `adapter: ${miss.adapter} (fell back to the generic reader)`,
    `selectors matched: ${miss.matched.join(' | ') || '(none)'}`,
    `selectors missed: ${miss.missed.join(' | ') || '(none)'}`,
    `extension version: ${version}`,
  ].join('\n');
}

export function reportSection(
  doc: Document,
  lang: Lang,
  miss: AdapterMiss,
  version: string,
  copy: (text: string) => Promise<void>,
): HTMLElement {
  const t = boardTexts(lang);
  const text = problemReport(miss, version);
  const status = h(doc, 'p', { id: 'report-status', role: 'status' });
  const button = h(doc, 'button', { type: 'button', id: 'report-problem', class: 'link' }, t.report);
  const section = h(doc, 'section', { class: 'report' }, h(doc, 'p', {}, button), status);
  button.addEventListener('click', () => {
    copy(text).then(
      () => {
        status.textContent = t.reportCopied;
      },
      () => {
        status.textContent = t.reportFailed;
        if (!section.querySelector('#report-text')) section.append(h(doc, 'pre', { id: 'report-text', tabindex: '0' }, text));
      },
    );
  });
  return section;
}

/** The extension's version from its manifest ('unknown' where there is none, as in some tests). */
export function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The clipboard of the popup's own document (a user gesture: the click on the button). */
export function copyToClipboard(text: string): Promise<void> {
  return globalThis.navigator?.clipboard ? globalThis.navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard'));
}
