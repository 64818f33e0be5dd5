import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, BOARD_MATCHES, adapterFor } from '../../extension/adapters/index.ts';
import { scanPage } from '../../extension/utils/scan.ts';
import { loadPage } from './helpers.ts';

/**
 * One small fixture per board, modelled on what the board's pages are known to look like (the
 * markup is a best guess where noted in the adapter). Each page carries noise around the ad —
 * navigation, "similar jobs", footer — that must not end up in the ad's text.
 */
const NOISE_HEAD = '<header><nav><a href="/">Forside</a> <a href="/jobb">Legesekretær-kurs</a></nav></header>';
const SIMILAR = '<aside><h2>Lignende annonser</h2><ul><li>Medisinsk sekretær, Bergen</li></ul></aside>';
const FOOTER = '<footer><p>© Portalen. Personvern.</p></footer>';
const AD_BODY = '<p>Vi søker helsesekretær i 80 % fast stilling.</p><h2>Kvalifikasjoner</h2><ul><li>Autorisasjon som helsesekretær</li><li>Erfaring med Infodoc</li></ul>';

interface Case {
  board: string;
  url: string;
  html: string;
  listing: boolean;
}

const cases: Case[] = [
  {
    board: 'finn',
    url: 'https://www.finn.no/job/ad/391234567',
    html: `${NOISE_HEAD}<main><div><h1>Helsesekretær</h1><section aria-label="Nøkkelinfo"><dl><dt>Arbeidsgiver</dt><dd>Byen legesenter</dd></dl></section>
      <section data-testid="ad-description">${AD_BODY}</section>${SIMILAR}</div></main>${FOOTER}`,
    listing: false,
  },
  {
    board: 'finn',
    url: 'https://www.finn.no/job/fulltime/ad.html?finnkode=391234567',
    html: `${NOISE_HEAD}<main><h1>Helsesekretær</h1><div class="import-decoration">${AD_BODY}</div>${SIMILAR}</main>${FOOTER}`,
    listing: false,
  },
  {
    board: 'nav',
    url: 'https://arbeidsplassen.nav.no/stillinger/stilling/63a3f05e-e584-4dd2-a452-d764b18b3989',
    html: `${NOISE_HEAD}<main id="main-content"><article><h1>Helsesekretær</h1><div class="job-posting-text">${AD_BODY}</div>
      <section><h2>Om bedriften</h2><p>Legesenteret har fem leger.</p></section></article>${SIMILAR}</main>${FOOTER}`,
    listing: false,
  },
  {
    board: 'jobbnorge',
    url: 'https://www.jobbnorge.no/ledige-stillinger/stilling/261234/helsesekretaer',
    html: `${NOISE_HEAD}<main><div class="job-header"><h1>Helsesekretær</h1></div><div class="job-description">${AD_BODY}</div>${SIMILAR}</main>${FOOTER}`,
    listing: false,
  },
  {
    board: 'webcruiter',
    url: 'https://candidate.webcruiter.com/nb-no/Ad/4598231',
    html: `${NOISE_HEAD}<main><app-root><h1>Helsesekretær</h1><div class="advert-text">${AD_BODY}</div>${SIMILAR}</app-root></main>${FOOTER}`,
    listing: false,
  },
  {
    board: 'hrmanager',
    url: 'https://candidate.hrmanager.com/job/detail/4870001/helsesekretaer',
    html: `${NOISE_HEAD}<main><h1>Helsesekretær</h1><div id="jobDescription">${AD_BODY}</div>${SIMILAR}</main>${FOOTER}`,
    listing: false,
  },
  {
    board: 'karriere',
    url: 'https://www.karriere.no/jobb/helsesekretaer-ved-byen-legesenter/1234567',
    html: `${NOISE_HEAD}<main><div class="job-view__header"><h1>Helsesekretær</h1></div><div class="job-view__description">${AD_BODY}</div>${SIMILAR}</main>${FOOTER}`,
    listing: false,
  },
];

describe('board adapters', () => {
  for (const c of cases) {
    it(`${c.board}: ${new URL(c.url).pathname} → title + ad body, no page chrome`, () => {
      const doc = loadPage(c.html);
      const scan = scanPage(doc, new URL(c.url))!;
      expect(scan.adapter).toBe(c.board);
      expect(scan.location.listing).toBe(c.listing);
      expect(scan.source.blocks[0]).toMatchObject({ kind: 'title' });
      expect(scan.source.text.slice(scan.source.blocks[0]!.start, scan.source.blocks[0]!.end)).toBe('Helsesekretær');
      expect(scan.source.text).toContain('Vi søker helsesekretær i 80 % fast stilling.');
      expect(scan.source.text).toContain('Erfaring med Infodoc');
      for (const noise of ['Forside', 'Lignende annonser', 'Medisinsk sekretær, Bergen', 'Personvern']) expect(scan.source.text).not.toContain(noise);
    });
  }

  it('listing pages are marked as listings', () => {
    const doc = loadPage(`${NOISE_HEAD}<main><ul><li><a href="/job/ad/1">Helsesekretær</a></li><li><a href="/job/ad/2">Medisinsk sekretær</a></li></ul></main>${FOOTER}`);
    for (const url of ['https://www.finn.no/job/search?q=helsesekret%C3%A6r', 'https://arbeidsplassen.nav.no/stillinger?q=helsesekret%C3%A6r', 'https://www.jobbnorge.no/search']) {
      const scan = scanPage(doc, new URL(url))!;
      expect(scan.location.listing, url).toBe(true);
      expect(scan.source.listingHint, url).toBe(true);
      expect(scan.source.text).toContain('Medisinsk sekretær');
    }
  });

  it('board pages that are neither ad nor listing fall back to the generic reader', () => {
    const doc = loadPage(`${NOISE_HEAD}<main><h1>Om oss</h1><p>Tekst.</p></main>`);
    const scan = scanPage(doc, new URL('https://arbeidsplassen.nav.no/om-oss'))!;
    expect(scan.adapter).toBe('generic');
    expect(scan.source.text).toBe('Om oss\nTekst.');
  });

  it('serves exactly the boards’ hosts', () => {
    expect(adapterFor('www.finn.no')?.id).toBe('finn');
    expect(adapterFor('arbeidsplassen.nav.no')?.id).toBe('nav');
    expect(adapterFor('www.jobbnorge.no')?.id).toBe('jobbnorge');
    expect(adapterFor('candidate.webcruiter.com')?.id).toBe('webcruiter');
    expect(adapterFor('www.webcruiter.no')?.id).toBe('webcruiter');
    expect(adapterFor('helse-bergen.hrmanager.no')?.id).toBe('hrmanager');
    expect(adapterFor('www.karriere.no')?.id).toBe('karriere');
    for (const host of ['finn.no.evil.example', 'notwebcruiter.com', 'nav.no', 'example.no', 'karriere.no.evil.example']) expect(adapterFor(host), host).toBeNull();
  });

  it('every adapter file is registered, and the manifest matches are exactly the adapters’ matches', () => {
    const dir = path.resolve(__dirname, '../../extension/adapters');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'generic.ts'].includes(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
    expect(BOARD_MATCHES).toEqual(ADAPTERS.flatMap((a) => a.matches));
    for (const pattern of BOARD_MATCHES) expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/.*\*$/);
  });
});
