/**
 * `[tekst](route:apply-authorisation)` → a relative link to that route's page.
 * Links to routes that do not exist are reported with their position and left unlinked.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const PREFIX = 'route:';

export function remarkRouteLinks() {
  return (tree: Root, file: VFile): void => {
    const site = file.data.site;
    if (!site) throw new Error('remarkRouteLinks: file.data.site is missing');
    visit(tree, ['link', 'definition'], (node) => {
      if ((node.type !== 'link' && node.type !== 'definition') || !node.url.startsWith(PREFIX)) return;
      const id = node.url.slice(PREFIX.length);
      if (site.routeIds.has(id)) node.url = site.routeHref(id);
      else file.message(`lenke til ukjent rute «${id}» (${node.url})`, { place: node.position, ruleId: 'unknown-route', source: 'route-links' });
    });
  };
}
