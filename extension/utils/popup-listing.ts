import { boardTexts } from './board-texts.ts';
import { h } from './dom.ts';
import type { Lang } from './i18n.ts';
import type { ListingItem } from './page-info.ts';

/**
 * The popup on a listing page: the ads whose titles name one of the three jobs (title, employer
 * where the board shows it, link), not a verdict. Hooks: section#listing, li[data-listing-item].
 */
export function listingSection(doc: Document, lang: Lang, items: readonly ListingItem[]): HTMLElement {
  const t = boardTexts(lang);
  const section = h(doc, 'section', { id: 'listing', 'aria-labelledby': 'listing-heading' });
  if (items.length === 0) {
    section.append(h(doc, 'p', { id: 'listing-heading' }, t.listingNone));
    return section;
  }
  section.append(
    h(doc, 'h2', { id: 'listing-heading' }, t.listingHeading(items.length)),
    h(
      doc,
      'ul',
      { class: 'listing' },
      ...items.map((item) =>
        h(
          doc,
          'li',
          { 'data-listing-item': '' },
          // parsePageInfo let only https URLs through; the link opens a new tab, as any link in the popup.
          h(doc, 'a', { href: item.url, target: '_blank', rel: 'noopener noreferrer' }, item.title),
          item.employer ? h(doc, 'span', { class: 'muted' }, ` – ${item.employer}`) : null,
        ),
      ),
    ),
    h(doc, 'p', { class: 'muted' }, t.listingHint),
  );
  return section;
}

/** The popup on a page that talks about the titles but is not a job ad. Hook: p#not-an-ad. */
export function notAdNotes(doc: Document, lang: Lang): HTMLElement[] {
  const t = boardTexts(lang);
  return [h(doc, 'p', { id: 'not-an-ad' }, t.notAd), h(doc, 'p', { class: 'muted' }, t.notAdHint)];
}
