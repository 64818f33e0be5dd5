import { describe, expect, it } from 'vitest';
import { findTitles } from '../../shared/lib/lexicon.ts';
import { domPosition, rangeForSpan, readDomText } from '../../extension/utils/dom-text.ts';
import { loadPage, rangeText } from './helpers.ts';

const blockTexts = (html: string, title?: string) => {
  const doc = loadPage(html);
  const map = readDomText([doc.body], { title: title ? doc.querySelector(title) : null });
  return { map, blocks: map.blocks.map((b) => [b.kind, b.level, map.text.slice(b.start, b.end)]) };
};

describe('readDomText: blocks', () => {
  it('splits headings, list items and paragraphs, joined by newlines, with the title block marked', () => {
    const { map, blocks } = blockTexts(
      `<h1>Helsesekretær, 80 %</h1>
       <p>Vi søker en <strong>helsesekretær</strong>
          til legekontoret.</p>
       <h2>Kvalifikasjoner</h2>
       <ul><li>Autorisasjon som helsesekretær</li><li>Erfaring fra   <em>Infodoc</em></li></ul>`,
      'h1',
    );
    expect(blocks).toEqual([
      ['title', 0, 'Helsesekretær, 80 %'],
      ['paragraph', 0, 'Vi søker en helsesekretær til legekontoret.'],
      ['heading', 2, 'Kvalifikasjoner'],
      ['list-item', 0, 'Autorisasjon som helsesekretær'],
      ['list-item', 0, 'Erfaring fra Infodoc'],
    ]);
    expect(map.text).toBe(blocks.map((b) => b[2]).join('\n'));
  });

  it('skips scripts, styles, hidden and aria-hidden content, and form controls', () => {
    const { map } = blockTexts(
      `<p>Synlig tekst</p><script>var legesekretær = 1</script><style>p{}</style>
       <div hidden>Skjult helsesekretær</div><p aria-hidden="true">Også skjult</p>
       <p style="display: none">Usynlig</p><button>Søk her</button><template><p>Mal</p></template>`,
    );
    expect(map.text).toBe('Synlig tekst');
  });

  it('starts a new block after <br>, and treats bullet lines as list items without their bullet', () => {
    const { blocks } = blockTexts('<p>Krav:<br>- Autorisasjon<br>• Erfaring<br>● DIPS</p><p>Frist<br><b>Send søknad</b></p>');
    expect(blocks).toEqual([
      ['paragraph', 0, 'Krav:'],
      ['list-item', 0, 'Autorisasjon'],
      ['list-item', 0, 'Erfaring'],
      ['list-item', 0, 'DIPS'],
      ['paragraph', 0, 'Frist'],
      ['heading', 4, 'Send søknad'],
    ]);
  });

  it('reads <br> as a line break in a list item and a space in a heading, as the core does', () => {
    const { blocks } = blockTexts('<ul><li>Du liker å vere aktiv <br>\n Personlege eigenskapar</li></ul><h2>Om<br>stillingen</h2>');
    expect(blocks).toEqual([
      ['list-item', 0, 'Du liker å vere aktiv\nPersonlege eigenskapar'],
      ['heading', 2, 'Om stillingen'],
    ]);
  });

  it('gives nested blocks the kind around them, and reads all-bold short paragraphs as headings', () => {
    const { blocks } = blockTexts(
      '<ul><li><p>Timebestilling</p></li></ul><h2><div>Ferdigheter <div>AI-generert</div></div></h2><dl><dt>Frist</dt><dd>1. mars</dd></dl>' +
        '<p><strong>Kvalifikasjoner</strong></p><p><b>Ikke</b> en overskrift</p><p>Slutt\u202f</p><button>Søk</button><video>Ingen video</video>',
    );
    expect(blocks).toEqual([
      ['list-item', 0, 'Timebestilling'],
      ['heading', 2, 'Ferdigheter'],
      ['heading', 2, 'AI-generert'],
      ['list-item', 0, 'Frist'],
      ['list-item', 0, '1. mars'],
      ['heading', 4, 'Kvalifikasjoner'],
      ['paragraph', 0, 'Ikke en overskrift'],
      ['paragraph', 0, 'Slutt'],
    ]);
  });

  it('keeps text before and after a nested block as separate blocks', () => {
    const { blocks } = blockTexts('<div>Før<p>Inni</p>Etter</div>');
    expect(blocks.map((b) => b[2])).toEqual(['Før', 'Inni', 'Etter']);
  });

  it('normalises tabs, newlines and no-break spaces to single spaces, keeping soft hyphens', () => {
    const { map } = blockTexts('<p>medisinsk\u00a0\n\t sekre\u00adtær</p>');
    expect(map.text).toBe('medisinsk sekre\u00adtær');
  });

  it('stops at maxChars and says so', () => {
    const doc = loadPage(`<p>${'a'.repeat(50)}</p><p>${'b'.repeat(50)}</p>`);
    const map = readDomText([doc.body], { maxChars: 80 });
    expect(map.truncated).toBe(true);
    expect(map.text).toBe('a'.repeat(50));
  });

  it('survives very deep nesting without recursion', () => {
    // Detached: happy-dom itself recurses when connecting such a tree to the document.
    const root = document.createElement('div');
    root.append(document.createElement('p'));
    root.firstElementChild!.append('start');
    let el: Element = root;
    for (let i = 0; i < 20_000; i++) el = el.appendChild(document.createElement('span'));
    el.append('helsesekretær');
    const map = readDomText([root]);
    expect(map.text).toBe('start\nhelsesekretær');
  });
});

describe('readDomText: offsets to Ranges', () => {
  it('maps every title mention back to exactly its DOM text, across element boundaries', () => {
    const doc = loadPage(
      `<main><h1>Medisinsk   sekretær</h1><p>Vi trenger en <b>helse</b>sekretær og en
       <a href="#">lege-<br>sekretær</a>.</p><p>Legesekretærer\n søkes.</p></main>`,
    );
    const map = readDomText([doc.querySelector('main')!]);
    const { mentions } = findTitles(map.text);
    expect(mentions.length).toBeGreaterThanOrEqual(3);
    for (const m of mentions) {
      const range = rangeForSpan(map, m)!;
      expect(range).not.toBeNull();
      // Block separators ("\n") have no DOM text of their own: a mention across <br> covers "lege-" + "sekretær".
      expect(rangeText(range)).toBe(m.text.replace(/\n/g, '').replace(/\s+/g, ' '));
    }
  });

  it('round-trips every word of a messy document', () => {
    const doc = loadPage(
      `<article>  <h2> Om  stillingen </h2>\n<p>Tekst <i>med</i>  <b> mange </b>\n\n mellomrom, og\ttabber.</p>
       <ul><li> Ett</li><li>To <span>tre</span></li></ul></article>`,
    );
    const map = readDomText([doc.querySelector('article')!]);
    for (const match of map.text.matchAll(/\S+/g)) {
      const span = { start: match.index, end: match.index + match[0].length };
      expect(rangeText(rangeForSpan(map, span)!)).toBe(match[0]);
    }
  });

  it('returns null for empty or out-of-range spans', () => {
    const doc = loadPage('<p>abc</p>');
    const map = readDomText([doc.body]);
    expect(rangeForSpan(map, { start: 1, end: 1 })).toBeNull();
    expect(rangeForSpan(map, { start: 0, end: 10 })).toBeNull();
    expect(domPosition(map, 0)?.offset).toBe(0);
  });
});
