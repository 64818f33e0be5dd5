/**
 * Editors may start a body at "#"; the page already has its own headings, so shift every heading
 * down until the highest sits at `file.data.site.headingTop` (default <h2>), keeping their relative
 * levels, capped at <h6>.
 */
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export function remarkDemoteHeadings() {
  return (tree: Root, file: VFile): void => {
    const top = file.data.site?.headingTop ?? 2;
    const headings: Heading[] = [];
    visit(tree, 'heading', (heading) => {
      headings.push(heading);
    });
    const highest = Math.min(...headings.map((h) => h.depth));
    const shift = top - highest;
    if (!Number.isFinite(shift) || shift <= 0) return;
    for (const heading of headings) heading.depth = Math.min(6, heading.depth + shift) as Heading['depth'];
  };
}
