/**
 * The built site against the fact sheet (issue 11): fees are adopted, not "foreslått" (F-15); a
 * check date is shown as "kontrollert", never as "gjelder fra"; every route page links the official
 * page where its reader acts; the common questions answer each topic with its facts.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../generator/lib/content/load.ts';
import { buildSite } from '../../generator/lib/build.ts';
import type { ContentModel } from '../../generator/lib/model.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let out: string;
let model: ContentModel;
const pages = new Map<string, string>();

/** Where the reader of each route acts ("Useful official pages" in the fact sheet). */
const ACTION_LINKS: Record<string, string[]> = {
  'apply-authorisation': [
    'https://www.altinn.no/skjemaoversikt/helsedirektoratet/soknad-om-autorisasjon-og-lisens-som-helsepersonell/',
    'https://www.helsedirektoratet.no/tema/statistikk-registre-og-rapporter/helsedata-og-helseregistre/helsepersonellregisteret-hpr',
  ],
  'foreign-education': [
    'https://www.altinn.no/skjemaoversikt/helsedirektoratet/soknad-om-autorisasjon-og-lisens-som-helsepersonell/',
    'https://www.helsedirektoratet.no/english/authorisation-and-license-for-health-personnel/language-requirements-and-course-requirements',
  ],
  'vg3-direct': ['https://www.vigo.no', 'https://www.privatistweb.no', 'https://www.vilbli.no/nn/nn/no/fritak-for-fellesfag-i-yrkesfagleg-opplaering/a/036927'],
  'adult-rkv-vg3': ['https://www.vigo.no', 'https://www.vilbli.no/nb/th/no/voksenrett-lovfestet-rett-for-voksne/a/036533'],
  'vgs-full': ['https://www.vigo.no', 'https://www.privatistweb.no'],
  'medsek-course': ['https://www.helsedirektoratet.no/tema/statistikk-registre-og-rapporter/helsedata-og-helseregistre/helsepersonellregisteret-hpr'],
  'licence-after-80': ['https://www.helsedirektoratet.no/tema/autorisasjon-og-spesialistutdanning/autorisasjon-og-lisens/helsepersonell-over-80-ar'],
};

async function walk(dir: string, prefix = ''): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(path.join(dir, entry.name), rel);
    else if (entry.name.endsWith('.html')) pages.set(rel, await readFile(path.join(dir, entry.name), 'utf8'));
  }
}

beforeAll(async () => {
  const loaded = await loadContent(path.join(ROOT, 'content'));
  if (!loaded.model) throw new Error('content/ does not load');
  model = loaded.model;
  out = await mkdtemp(path.join(tmpdir(), 'site-facts-'));
  await buildSite(model, { outDir: out, baseUrl: 'https://example.no/', sourceRoot: ROOT });
  await walk(path.join(out, 'site'));
}, 120_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('the built site and the fact sheet', () => {
  it('no page calls the fees proposed (F-15: adopted by regulation since 1.3.2023)', () => {
    expect(pages.size).toBeGreaterThan(20);
    for (const [file, html] of pages) expect(html, file).not.toMatch(/foreslått|foreslåtte/i);
    expect(pages.get('ruter/apply-authorisation.html')).toMatch(/siden 1\.3\.2023|siden 1\. mars 2023/);
  });

  it('shows a check date as "kontrollert", never as the date a rule began', () => {
    const checkDates = model.rules.parameters.flatMap((p) => p.values.flatMap((v) => (v.checked ? [v.from, v.checked] : [])));
    expect(checkDates.length).toBeGreaterThan(0);
    for (const [file, html] of pages) {
      for (const date of new Set(checkDates)) expect(html, `${file}: ${date}`).not.toContain(`gjelder fra ${date}`);
    }
    const leaf = [...pages.entries()].find(([file, html]) => file.startsWith('veiviser/') && html.includes('data-rule="parameter:adult-right-age"'));
    expect(leaf?.[1]).toMatch(/Alder for voksenrett \(kontrollert 2026-12-06\)/);
  });

  it('every route page links the official page where its reader acts', () => {
    for (const route of model.rules.routes) {
      const html = pages.get(`ruter/${route.id}.html`) ?? '';
      const links = ACTION_LINKS[route.id];
      expect(links, route.id).toBeDefined();
      for (const url of links ?? []) expect(html, `${route.id} → ${url}`).toContain(`href="${url}"`);
    }
  });

  it('the medisinsk sekretær route says who it is for the right way round', () => {
    const html = pages.get('ruter/medsek-course.html') ?? '';
    const who = /<h2 id="hvem">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(who).toMatch(/har, eller vurderer, et kurs eller en utdanning som medisinsk sekretær/);
    expect(who).not.toMatch(/Ingen av disse kan stemme/);
  });

  it('the common questions answer every topic the issue lists, each with its sources', () => {
    const html = pages.get('sporsmal.html') ?? '';
    const topics: [RegExp, string][] = [
      [/Tjener en helsesekretær mer/, 'F-55'],
      [/Kan jeg kalle meg helsesekretær/, 'F-34'],
      [/er autorisert\?/, 'F-35'],
      [/Hva kan arbeidsgiveren kreve/, 'F-03'],
      [/som privatist\?/, 'F-42'],
      [/Lånekassen/, 'F-47'],
      [/strøk til eksamen/, 'F-46'],
      [/for lenge siden/, 'F-37'],
      [/Betalingslenken i Altinn/, 'F-39'],
      [/fyller 80/, 'F-52'],
      [/tannhelsesekretær/, 'F-36'],
      [/fagskole/, 'F-54'],
    ];
    const sections = html.split(/<h2[^>]*>/).slice(1);
    for (const [heading, fact] of topics) {
      const section = sections.find((s) => heading.test(s.split('</h2>')[0] ?? ''));
      expect(section, String(heading)).toBeDefined();
      expect(html, `${String(heading)} cites ${fact}`).toContain(`kilder.html#${fact}`);
      expect(section, String(heading)).toMatch(/Kildenote \d+/);
    }
  });
});
