// The content script's JSON-LD side: it only finds the script elements and parses them; the search
// is the core's findJobPostings, so it agrees with the HTML-string path on the same page.
import { describe, expect, it } from 'vitest';
import { collectJobPostings } from '../../extension/adapters/generic.ts';
import { sourceFromHtml } from '../../shared/lib/source/index.ts';
import { loadPage } from './helpers.ts';

describe('collectJobPostings (DOM)', () => {
  it('finds wrapped, graph and IRI-typed postings like the HTML-string path, skipping broken JSON', () => {
    const html = `
      <script type="application/ld+json">{"script:ld+json":{"@type":"JobPosting","title":"A"}}</script>
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"http://schema.org/JobPosting","title":"B"}]}</script>
      <script type="application/ld+json">{"@type":"JobPosting", broken</script>
      <script type="APPLICATION/LD+JSON">//<![CDATA[
        {"@type":"WebPage","mainEntity":{"@type":["JobPosting"],"title":"C"}}
      //]]></script>
      <script>{"@type":"JobPosting","title":"not JSON-LD"}</script>
      <p>Tekst</p>`;
    const dom = collectJobPostings(loadPage(html)) as Record<string, unknown>[];
    expect(dom.map((p) => p['title'])).toEqual(['A', 'B', 'C']);
    expect(dom).toEqual(sourceFromHtml(html).jobPostings);
  });

  it('keeps at most the limit', () => {
    const one = '<script type="application/ld+json">[{"@type":"JobPosting","title":"1"},{"@type":"JobPosting","title":"2"}]</script>';
    expect(collectJobPostings(loadPage(one.repeat(8)))).toHaveLength(10);
    expect(collectJobPostings(loadPage(one), 1)).toHaveLength(1);
  });
});
