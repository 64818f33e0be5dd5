/// <reference types="vite/client" />
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAdUnguarded } from '../../shared/lib/read.ts';
import { ADAPTERS, BOARD_MATCHES, adapterFor, adapterForUrl } from '../../extension/adapters/index.ts';
import type { Example } from '../../extension/adapters/types.ts';
import { locate, pathShape } from '../../extension/adapters/locate.ts';
import { withPageKind } from '../../extension/utils/page-kind.ts';
import { scanPage } from '../../extension/utils/scan.ts';
import { loadPage } from './helpers.ts';
import { BOARDS_MARKUP_DIR, HAS_BOARDS_MARKUP } from '../helpers/corpus.ts';

/** Every board file's own exports (its examples), found by name: adding a board adds nothing here. */
const BOARD_FILES = import.meta.glob<{ examples: Example[] }>(['../../extension/adapters/*.ts', '!**/{index,types,generic,locate}.ts'], { eager: true });

const BOARD_FIXTURES = path.resolve(__dirname, '../fixtures/boards');
/** The team's saved excerpts of real board pages, read in place (never copied into the repository). */
const MARKUP = BOARDS_MARKUP_DIR;

interface Fixture {
  id: string;
  board: string;
  adapter: string;
  kind: 'ad' | 'listing' | 'not-ad';
  file: string;
  url: string;
  target: boolean;
  matching?: number;
  authorization: string;
  embeds?: string;
  rendersAfterMs?: number;
}
const fixtures = (JSON.parse(readFileSync(path.join(BOARD_FIXTURES, 'fixtures.json'), 'utf8')) as { fixtures: Fixture[] }).fixtures;
const html = (f: Fixture) => readFileSync(path.join(BOARD_FIXTURES, f.file), 'utf8');

/** Text that only the page around the employer's words says (AI summaries, blurbs, cards, banners). */
const NOT_EMPLOYER = [
  'Kortversjonen',
  'ikke nødvendig',
  'Ferdigheter',
  'Nøkkelord',
  'Om arbeidsgiveren',
  'Om bedriften',
  'Lignende annonser',
  'uten autorisasjon',
  'et krav for alle i skranken',
  'Alle våre helsesekretærer må ha',
  'informasjonskapsler',
  'Nettleseren din er utdatert',
  'Andre stillinger',
  'Minst 3 års erfaring er et krav',
  'autorisasjon påkrevd',
];

describe('board registry', () => {
  it('every adapter file is registered, and the manifest matches are exactly the adapters’ matches', () => {
    const dir = path.resolve(__dirname, '../../extension/adapters');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'generic.ts', 'locate.ts'].includes(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
    expect(Object.keys(BOARD_FILES).map((f) => path.basename(f, '.ts')).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
    expect(BOARD_MATCHES).toEqual(ADAPTERS.flatMap((a) => a.matches));
    // https only, a fixed host (or *.host), and a path narrower than the whole site.
    for (const pattern of BOARD_MATCHES) expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/(?!\*$).+$/);
  });

  // Each board file lists real URLs of its own (examples); one file per board, as registered.
  for (const board of ADAPTERS) {
    it(`${board.id}: its example URLs are served exactly as their kind says`, () => {
      const { examples } = BOARD_FILES[`../../extension/adapters/${board.id}.ts`]!;
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const url = new URL(example.url);
        if (example.kind === 'other') {
          // Not served at all, or served but neither ad nor listing (nothing is read there).
          expect(adapterForUrl(url) === null || locate(loadPage('<main><h1>x</h1></main>'), url)?.status === 'skip', example.url).toBe(true);
          continue;
        }
        expect(adapterForUrl(url)?.id, example.url).toBe(board.id);
        expect(board[example.kind]?.path.test(url.pathname), example.url).toBe(true);
        // Only one shape claims a URL.
        expect(board[example.kind === 'ad' ? 'listing' : 'ad']?.path.test(url.pathname) ?? false, example.url).toBe(false);
      }
    });
  }

  it('hosts belong to their board; look-alikes to none', () => {
    expect(adapterFor('www.finn.no')?.id).toBe('finn');
    expect(adapterFor('arbeidsplassen.nav.no')?.id).toBe('nav');
    expect(adapterFor('www.jobbnorge.no')?.id).toBe('jobbnorge');
    expect(adapterFor('398280.webcruiter.no')?.id).toBe('webcruiter');
    expect(adapterFor('candidate.webcruiter.com')?.id).toBe('webcruiter');
    expect(adapterFor('candidate.hr-manager.net')?.id).toBe('hrmanager');
    expect(adapterFor('www.karriere.no')?.id).toBe('karriere');
    for (const host of ['finn.no.evil.example', 'notwebcruiter.no', 'nav.no', 'example.no', 'karriere.no.evil.example', 'hr-manager.net.evil.example', 'candidate.hrmanager.com']) {
      expect(adapterFor(host), host).toBeNull();
    }
  });

  it('the URL path shape in a problem report keeps no ids or slugs', () => {
    expect(pathShape('/job/ad/476382378')).toBe('/job/ad/<id>');
    expect(pathShape('/stillinger/stilling/0009f8c4-0122-4d19-ba9b-bfe18a0c90b0')).toBe('/stillinger/stilling/<id>');
    expect(pathShape('/jobb/helsesekretaer-ved-nordfjord-legekontor-1234567.html')).toBe('/jobb/<id>.html');
    expect(pathShape('/ledige-stillinger/stilling/261234/helsesekretaer-ved-byen')).toBe('/ledige-stillinger/stilling/<id>/<slug>');
  });
});

describe('board fixtures (built from the real markup) reach their own adapter', () => {
  // (A page that renders its ad after load, and one that embeds another, are read in e2e.)
  for (const f of fixtures.filter((f) => f.embeds === undefined && f.rendersAfterMs === undefined)) {
    it(`${f.id}: ${f.adapter}, ${f.kind}`, () => {
      const scan = scanPage(loadPage(html(f)), new URL(f.url));
      expect(scan).not.toBeNull();
      expect(scan!.info.adapter).toBe(f.adapter);
      expect(withPageKind(scan!.info, scan!.source).kind).toBe(f.kind);
      if (f.adapter !== 'generic') expect(scan!.info.miss).toBeUndefined();
      if (f.kind === 'listing') expect(scan!.info.items?.length ?? 0).toBe(f.matching);
      for (const trap of NOT_EMPLOYER) expect(scan!.source.text, trap).not.toContain(trap);
      const reading = readAdUnguarded(scan!.source);
      expect(reading.isTargetJob && f.kind === 'ad').toBe(f.target);
      if (f.target && f.kind === 'ad') {
        const level = { required: 'required', preferred: 'preferred', not_mentioned: 'not-mentioned' }[f.authorization];
        expect(reading.authorisation.level).toBe(level);
      }
    });
  }

  it('finn: the employer’s text, not FINN’s AI summary that contradicts it', () => {
    const f = fixtures.find((x) => x.id === 'finn-ad-preferred')!;
    const scan = scanPage(loadPage(html(f)), new URL(f.url))!;
    expect(scan.source.text).toContain('Autorisasjon som helsesekretær er ønskelig');
    expect(scan.source.text).not.toContain('Autorisasjon som helsesekretær er et krav');
    // The key facts are read as their own blocks; the title is the job's h1.
    expect(scan.source.text).toContain('Søknadsfrist');
    const title = scan.source.blocks.find((b) => b.kind === 'title')!;
    expect(scan.source.text.slice(title.start, title.end)).toBe('Helsesekretær 80 %');
  });

  it('finn and NAV listings: the matching ads with title, employer and link', () => {
    const finn = fixtures.find((x) => x.id === 'finn-listing')!;
    expect(scanPage(loadPage(html(finn)), new URL(finn.url))!.info.items).toEqual([
      { title: 'Helsesekretær til Storgata legesenter', employer: 'Storgata Legesenter AS', url: 'https://www.finn.no/job/ad/398765432' },
      { title: 'Medisinsk sekretær – poliklinikk', employer: 'Sykehuset Innlandet HF', url: 'https://www.finn.no/job/ad/398765433' },
      { title: 'Legesekretær, vikariat 80 %', employer: 'Elverum legesenter', url: 'https://www.finn.no/job/ad/398765434' },
    ]);
    const nav = fixtures.find((x) => x.id === 'arbeidsplassen-listing')!;
    expect(scanPage(loadPage(html(nav)), new URL(nav.url))!.info.items?.map((i) => i.url)).toEqual([
      'https://arbeidsplassen.nav.no/stillinger/stilling/0b9c8d7e-1111-4a2b-9c3d-aaaaaaaaaaaa',
      'https://arbeidsplassen.nav.no/stillinger/stilling/0b9c8d7e-5555-4a2b-9c3d-eeeeeeeeeeee',
    ]);
  });

  it('Webcruiter and HR Manager listings: the links to ads whose text names the jobs', () => {
    const wc = loadPage(`<main><ul role="listbox"><li><a href="/nb-NO/home/companyadverts?sort=1">Helsesekretær (sorter)</a></li></ul>
      <a href="https://722400.webcruiter.no/Main/Recruit/Public/4466508031?language=NB">Medisinsk sekretær – poliklinikk</a>
      <a href="https://722400.webcruiter.no/Main/Recruit/Public/4466508032">Renholder</a></main>`);
    expect(scanPage(wc, new URL('https://candidate.webcruiter.com/nb-NO/home/companyadverts?companylock=722400'))!.info).toMatchObject({
      adapter: 'webcruiter',
      kind: 'listing',
      items: [{ title: 'Medisinsk sekretær – poliklinikk', employer: null, url: 'https://722400.webcruiter.no/Main/Recruit/Public/4466508031?language=NB' }],
    });
    const hrm = loadPage('<form id="aspnetForm"><table><tr><td><a href="../ApplicationInit.aspx?cid=5123&amp;ProjectId=187654">Helsesekretær - vikariat</a></td></tr></table></form>');
    expect(scanPage(hrm, new URL('https://candidate.hr-manager.net/Vacancies/List.aspx?customer=klinikknord'))!.info.items).toEqual([
      { title: 'Helsesekretær - vikariat', employer: null, url: 'https://candidate.hr-manager.net/ApplicationInit.aspx?cid=5123&ProjectId=187654' },
    ]);
  });

  it('an ad page whose selectors all miss falls back to the generic reader and says which missed', () => {
    const doc = loadPage('<main><h1>Helsesekretær</h1><div class="new-ad-body"><p>Vi søker helsesekretær i 100 % stilling.</p></div></main>');
    const scan = scanPage(doc, new URL('https://www.finn.no/job/ad/400000001'))!;
    expect(scan.info).toMatchObject({ adapter: 'generic', kind: 'ad', miss: { adapter: 'finn', pathShape: '/job/ad/<id>', matched: ['main h1'] } });
    expect(scan.info.miss!.missed).toContain('#ad-content h1 ~ .import-decoration');
    expect(scan.source.text).toContain('Vi søker helsesekretær i 100 % stilling.');
  });

  it('a jobbnorge shell ("Laster...") is not read until the ad is rendered', () => {
    const url = new URL('https://www.jobbnorge.no/ledige-stillinger/stilling/271300/helsesekretaer');
    expect(locate(loadPage('<app-root><div class="loading">Laster...</div></app-root>'), url)).toEqual({ status: 'pending', adapter: 'jobbnorge' });
    expect(scanPage(loadPage('<app-root><div class="loading">Laster...</div></app-root>'), url)).toBeNull();
    expect(locate(loadPage(`<header>${'Meny '.repeat(60)}</header><app-root>Laster...</app-root>`), url)?.status).toBe('pending');
    expect(locate(loadPage(`<app-root></app-root><script>${'var x = 1; '.repeat(60)}</script>`), url)?.status).toBe('pending');
    expect(scanPage(loadPage('<app-root><main><h1>Helsesekretær</h1><p>Søknadsfrist 1. mars.</p></main></app-root>'), url)?.info.adapter).toBe('jobbnorge');
    // Rendered without a heading: read once there is more than a shell.
    const noHeading = `<app-root><main><p class="title">Helsesekretær</p><p>${'Vi søker helsesekretær i fast stilling. '.repeat(8)}</p></main></app-root>`;
    expect(scanPage(loadPage(noHeading), url)?.source.text).toContain('Vi søker helsesekretær');
  });

  it('a board page that is neither ad nor listing is not read at all (also when an SPA got there from an ad)', () => {
    const portal = '<main><h1>Min side</h1><p>CV og søknader. Søknadsfrist 1. mars.</p></main>';
    for (const url of ['https://arbeidsplassen.nav.no/stillinger/lagrede', 'https://arbeidsplassen.nav.no/minside', 'https://candidate.webcruiter.com/nb-NO/cv', 'https://candidate.hr-manager.net/Candidate/Profile.aspx']) {
      expect(scanPage(loadPage(portal), new URL(url)), url).toBeNull();
    }
    expect(scanPage(loadPage(portal), new URL('https://legesenter.example/minside'))?.info.adapter).toBe('generic');
  });
});

describe('adapters on the real board markup (../shared/boards-markup)', () => {
  if (!HAS_BOARDS_MARKUP) {
    it.skip('../shared/boards-markup is absent beside the checkout: real-markup checks skipped', () => undefined);
    return;
  }
  const real = (file: string) => readFileSync(path.join(MARKUP, file), 'utf8');

  it('finn ad (2026-09): title = the job h1, body = the .import-decoration after it; no AI summary, skills, blurb or keywords', () => {
    const doc = loadPage(real('finn-ad-2026-09.excerpt.html'));
    const located = locate(doc, new URL('https://www.finn.no/job/ad/476382378'));
    expect(located).toMatchObject({ status: 'found', adapter: 'finn', kind: 'ad' });
    if (located?.status !== 'found') return;
    const { roots, title } = located.location;
    expect(title?.localName).toBe('h1');
    expect(title?.textContent).toBe('Investor Relations Manager');
    const body = roots.find((r) => r.classList.contains('import-decoration'));
    expect(body?.previousElementSibling).toBe(title);
    expect(body?.textContent).toContain('Legal authorization to work in Norway is required');
    for (const root of roots) {
      expect(root.closest('#ad-summary-content, [aria-labelledby="ad-summary-heading"]')).toBeNull();
      expect(root.querySelector('#ad-summary-content')).toBeNull();
      expect(root.textContent).not.toMatch(/Ferdigheter|Om arbeidsgiveren|Nøkkelord|Kortversjonen|AI-generert/);
    }
    const text = scanPage(doc, new URL('https://www.finn.no/job/ad/476382378'))!.source.text;
    expect(text).toContain('Søknadsfrist');
    expect(text).not.toMatch(/Elopak ASA\n|Manage investor relations/);
  });

  it('finn search (2026-09): the root is #search-results, one article per ad, not the combobox or the filters', () => {
    const doc = loadPage(real('finn-search-2026-09.excerpt.html'));
    const located = locate(doc, new URL('https://www.finn.no/job/search?q=analyst'));
    expect(located).toMatchObject({ status: 'found', adapter: 'finn', kind: 'listing' });
    if (located?.status !== 'found') return;
    expect(located.location.roots.map((r) => r.id)).toEqual(['search-results']);
    expect(located.items?.map((i) => i.title.textContent)).toEqual(['Nyutdannet høsten 2027, Stavanger']);
    expect(located.items?.[0]?.employer?.textContent).toBe('Capgemini Norge AS');
  });

  it('NAV ad (2024 and 2026): the first .job-posting-text, never the about-company blurb or "Lignende annonser"', () => {
    const doc = loadPage(real('arbeidsplassen-ad-2024-2026.excerpt.html'));
    const url = new URL('https://arbeidsplassen.nav.no/stillinger/stilling/0009f8c4-0122-4d19-ba9b-bfe18a0c90b0');
    const located = locate(doc, url);
    expect(located).toMatchObject({ status: 'found', adapter: 'nav', kind: 'ad' });
    if (located?.status !== 'found') return;
    const body = located.location.roots.find((r) => r.classList.contains('job-posting-text'));
    expect(body?.closest('.about-company')).toBeNull();
    expect(body?.textContent).toContain('Gyldendal Rettsdata er');
    expect(located.location.title?.textContent).toBe('Vil du jobbe med salg av anerkjente digitale produkter?');
    const text = scanPage(doc, url)!.source.text;
    expect(text).toContain('Stillingstittel');
    expect(text).not.toMatch(/Norges største bokkonsern|Lignende annonser/);
    // The 2024 capture alone (Aksel v6 classes, no about-company class): still the ad, not the blurb.
    const old = real('arbeidsplassen-ad-2024-2026.excerpt.html').split('<!-- (B) 2024')[1]!;
    const oldScan = scanPage(loadPage(`<main><article>${old}`), url)!;
    expect(oldScan.info.adapter).toBe('nav');
    expect(oldScan.source.text).toContain('Vi ønsker oss deg som er');
    expect(oldScan.source.text).not.toContain('Bodø Andelslandbruk startet i 2013');
  });

  it('Webcruiter (2026-09): the ad URL the portal hands out is the adapter’s ad; its apply URL is not matched', () => {
    const answer = JSON.parse(real('webcruiter-companysearch-2026-09.excerpt.json')) as { Data: { OpenAdvertUrl: string; ApplyUrl: string }[] };
    for (const ad of answer.Data) {
      const url = new URL(ad.OpenAdvertUrl);
      expect(adapterForUrl(url)?.id).toBe('webcruiter');
      expect(adapterForUrl(url)?.ad?.path.test(url.pathname)).toBe(true);
      expect(adapterForUrl(new URL(ad.ApplyUrl, 'https://candidate.webcruiter.com'))).toBeNull();
    }
  });
});
