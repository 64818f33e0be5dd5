// The two faces read a page into the same blocks: the content script's DOM reader
// (extension/utils/dom-text.ts, here on happy-dom) and the rules core's HTML-string reader
// (shared/lib/source/html.ts) share one vocabulary (shared/lib/source/vocabulary.ts: which elements
// hold no text, which are blocks, list items, headings, bold; what a bullet is; how white space
// collapses). Every block's kind, level and text must agree on every fixture page, every real ad of
// the corpus and the boards' real markup. Deliberate differences: none.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFromHtml } from '../../shared/lib/source/index.ts';
import { readDomText } from '../../extension/utils/dom-text.ts';
import { BOARDS_MARKUP_DIR, CORPUS_DIR, HAS_BOARDS_MARKUP, HAS_CORPUS, NEEDS_BOARDS_MARKUP, NEEDS_CORPUS } from '../helpers/corpus.ts';

const FIXTURES = path.resolve(__dirname, '../fixtures');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? htmlFiles(p) : f.endsWith('.html') ? [p] : [];
  });
}

/** [kind, level, text] of each block, from the DOM path and from the HTML-string path. */
function bothFaces(html: string): { dom: string[]; core: string[] } {
  // The fixtures of ads embedded by a kommune hold iframes pointing at the real boards: a test must
  // fetch nothing, and neither face reads an iframe's content, so their addresses are taken out.
  const doc = new DOMParser().parseFromString(html.replace(/(<iframe\b[^>]*?\s)src\s*=/gi, '$1data-src='), 'text/html');
  const map = readDomText([doc.body]);
  const source = sourceFromHtml(html);
  return {
    dom: map.blocks.map((b) => `${b.kind} ${b.level} ${map.text.slice(b.start, b.end)}`),
    core: source.blocks.map((b) => `${b.kind} ${b.level} ${source.text.slice(b.start, b.end)}`),
  };
}

describe('the DOM path and the HTML-string path make the same blocks', () => {
  const fixtures = [...htmlFiles(path.join(FIXTURES, 'boards')), ...htmlFiles(path.join(FIXTURES, 'ads'))];

  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  it.each(fixtures.map((f) => [path.relative(FIXTURES, f), f]))('fixture %s', (_name, file) => {
    const { dom, core } = bothFaces(readFileSync(file, 'utf8'));
    expect(dom).toEqual(core);
  });

  it.skipIf(!HAS_CORPUS)(`every real ad of the corpus, as stored and as a pool page ${NEEDS_CORPUS}`, () => {
    const raw = readdirSync(path.join(CORPUS_DIR, 'raw')).filter((f) => f.endsWith('.json'));
    const pool = readFileSync(path.join(CORPUS_DIR, 'pool.jsonl'), 'utf8').split('\n').filter(Boolean);
    const pages = [
      ...raw.map((f) => {
        const ad = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'raw', f), 'utf8')) as Record<string, string>;
        return [f, `${ad['description_as_stored'] ?? ''}${ad['employer_description_as_stored'] ?? ''}`];
      }),
      ...pool.map((line, i) => [`pool ${i}`, (JSON.parse(line) as { raw_html: string }).raw_html]),
    ];
    expect(pages.length).toBeGreaterThanOrEqual(240);
    for (const [name, html] of pages) {
      const { dom, core } = bothFaces(html!);
      expect(dom, name).toEqual(core);
    }
  }, 120_000);

  it.skipIf(!HAS_BOARDS_MARKUP)(`the boards' real markup ${NEEDS_BOARDS_MARKUP}`, () => {
    const pages = readdirSync(BOARDS_MARKUP_DIR).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const f of pages) {
      const { dom, core } = bothFaces(readFileSync(path.join(BOARDS_MARKUP_DIR, f), 'utf8'));
      expect(dom, f).toEqual(core);
    }
  });
});
