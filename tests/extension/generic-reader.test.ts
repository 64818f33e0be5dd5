import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTitles } from '../../shared/lib/lexicon.ts';
import { readAd } from '../../shared/lib/read.ts';
import { sourceFromHtml } from '../../shared/lib/source/index.ts';
import type { TitleId } from '../../shared/lib/types.ts';
import { collectJobPostings } from '../../extension/adapters/generic.ts';
import { rangeForSpan } from '../../extension/utils/dom-text.ts';
import { withPageKind } from '../../extension/utils/page-kind.ts';
import { scanPage } from '../../extension/utils/scan.ts';
import { loadPage, rangeText } from './helpers.ts';
import { CORPUS_DIR, HAS_CORPUS, NEEDS_CORPUS } from '../helpers/corpus.ts';

/**
 * The generic reader on the real ads of the corpus (tests/helpers/corpus.ts): each ad's stored HTML is put into a
 * page (with navigation and footer around it), read from the DOM, and compared with the labels
 * and with the rules core's own HTML path (sourceFromHtml) — the two faces must agree.
 */
const CORPUS = CORPUS_DIR;
const LABEL_IDS: Record<string, TitleId> = { helsesekretær: 'helsesekretaer', 'medisinsk sekretær': 'medisinsk-sekretaer', legesekretær: 'legesekretaer' };

interface RawAd {
  title: string;
  employer: string;
  description_as_stored: string;
  employer_description_as_stored: string;
}
interface Label {
  id: string;
  titles_mentioned: string[];
  is_target_job: boolean;
}

const labels = new Map<string, Label>(
  (HAS_CORPUS ? readFileSync(path.join(CORPUS, 'labels.jsonl'), 'utf8') : '')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Label)
    .map((l) => [l.id, l]),
);
const ads = (HAS_CORPUS ? readdirSync(path.join(CORPUS, 'raw')) : [])
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ id: f.slice(0, -5), raw: JSON.parse(readFileSync(path.join(CORPUS, 'raw', f), 'utf8')) as RawAd }));

function pageFor(ad: RawAd): { doc: Document; adHtml: string } {
  const adHtml = `${ad.description_as_stored}${ad.employer_description_as_stored}`;
  const doc = loadPage(`<header><nav><a href="/">Hjem</a></nav></header><main><h1></h1>${adHtml}</main><footer><p>Kontakt oss</p></footer>`);
  doc.querySelector('h1')!.textContent = ad.title;
  return { doc, adHtml };
}

const titleSet = (ids: TitleId[]) => [...new Set(ids)].sort();

describe.skipIf(!HAS_CORPUS)(`generic reader on the real corpus ${NEEDS_CORPUS}`, () => {
  it('has the corpus', () => {
    expect(ads.length).toBeGreaterThanOrEqual(28);
  });

  for (const { id, raw } of ads) {
    it(`ad ${id}: titles as labelled, ranges round-trip, DOM path agrees with the HTML path`, () => {
      const { doc, adHtml } = pageFor(raw);
      const scan = scanPage(doc, new URL(`https://example.no/stilling/${id}`))!;
      expect(scan.adapter).toBe('generic');
      // Every real ad (target or not) says how to apply, by when or what position it is.
      expect(withPageKind(scan.info, scan.source).kind).toBe('ad');
      expect(scan.source.text).not.toContain('Kontakt oss');
      expect(scan.source.blocks[0]?.kind).toBe('title');

      const mentions = findTitles(scan.dom.text).mentions;
      const label = labels.get(id)!;
      expect(titleSet(mentions.map((m) => m.title))).toEqual(titleSet(label.titles_mentioned.map((t) => LABEL_IDS[t]!)));
      for (const m of mentions) {
        expect(rangeText(rangeForSpan(scan.dom, m)!)).toBe(m.text.replace(/\n/g, '').replace(/\s+/g, ' '));
      }

      const fromDom = readAd(scan.source);
      const fromHtml = readAd(sourceFromHtml(`<h1>${raw.title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</h1>${adHtml}`));
      expect(fromDom.isTargetJob).toBe(fromHtml.isTargetJob);
      expect(fromDom.authorisation.level).toBe(fromHtml.authorisation.level);
      expect(fromDom.minYearsExperience?.years ?? null).toBe(fromHtml.minYearsExperience?.years ?? null);
      expect(fromDom.systems.map((s) => s.name)).toEqual(fromHtml.systems.map((s) => s.name));
      expect(titleSet(fromDom.mentions.map((m) => m.title))).toEqual(titleSet(fromHtml.mentions.map((m) => m.title)));
    });
  }
});

describe('JSON-LD JobPosting collection', () => {
  it('finds JobPostings at top level, in arrays and in @graph, and ignores broken JSON and other types', () => {
    const doc = loadPage(`<p>x</p>
      <script type="application/ld+json">{"@type":"JobPosting","title":"Helsesekretær"}</script>
      <script type="application/ld+json">[{"@type":"Organization"},{"@type":["JobPosting"],"title":"B"}]</script>
      <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"JobPosting","title":"C"}]}</script>
      <script type="application/ld+json">{"@type":"JobPosting", broken</script>`);
    expect(collectJobPostings(doc).map((p) => (p as { title: string }).title)).toEqual(['Helsesekretær', 'B', 'C']);
  });

  it('puts them into the AdSource the background reads', () => {
    const doc = loadPage(`<main><h1>Stilling</h1><p>Tekst</p></main><script type="application/ld+json">{"@type":"JobPosting","title":"Helsesekretær","description":"<p>Autorisasjon som helsesekretær er et krav.</p>"}</script>`);
    const scan = scanPage(doc, new URL('https://example.no/'))!;
    expect(scan.source.jobPostings).toHaveLength(1);
    expect(readAd(scan.source).authorisation.level).toBe('required');
  });
});

describe('the generic reader reads only the employer’s words', () => {
  it('leaves out AI summaries, similar-ad cards, employer blurbs, keywords, cookie banners, apply forms and browser warnings', () => {
    const doc = loadPage(`<main>
      <div id="cookie-consent"><p>Vi bruker informasjonskapsler. Autorisasjon er et krav.</p></div>
      <p class="browser-warning-banner">Nettleseren din er for gammel.</p>
      <h1>Helsesekretær</h1>
      <section><h2>Kortversjonen <span class="ai-badge">AI-generert</span></h2><p>Autorisasjon er et krav.</p></section>
      <div class="ad"><p>Vi søker helsesekretær i 60 % fast stilling.</p><ul><li>Autorisasjon som helsesekretær er ønskelig</li></ul></div>
      <section><h2>Om arbeidsgiveren</h2><p>Hos oss er autorisasjon alltid et krav.</p></section>
      <aside><h3>Lignende stillinger</h3><ul><li>Legesekretær – krav om autorisasjon</li></ul></aside>
      <div><h2>Nøkkelord</h2><p>autorisasjon krav</p></div>
      <form><h2>Søk nå</h2><label>E-post <input type="email"></label><label>Motivasjon <textarea></textarea></label></form>
    </main>`);
    const scan = scanPage(doc, new URL('https://legesenter.example/jobb'))!;
    expect(scan.source.text).toBe('Helsesekretær\nVi søker helsesekretær i 60 % fast stilling.\nAutorisasjon som helsesekretær er ønskelig');
    expect(readAd(scan.source).authorisation.level).toBe('preferred');
  });

  it('a page that is part of the ad is kept even when a blurb heading sits inside it', () => {
    const doc = loadPage('<main><div class="ad"><h1>Helsesekretær</h1><p>Vi søker helsesekretær. Søknadsfrist 1. mars.</p><h2>Om arbeidsgiveren</h2><p>Et lite legesenter.</p></div></main>');
    const text = scanPage(doc, new URL('https://legesenter.example/jobb'))!.source.text;
    expect(text).toContain('Vi søker helsesekretær. Søknadsfrist 1. mars.');
  });
});
