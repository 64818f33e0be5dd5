import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../generator/lib/content/load.ts';
import { CHOSEN_ROUTE_IDS, SITUATIONS } from '../../shared/lib/route-choice.ts';
import type { Rules } from '../../shared/lib/types.ts';
import { CONTENT_PATH, loadShippedRules } from '../helpers/rules.ts';

let rules: Rules;
beforeAll(async () => {
  rules = await loadShippedRules();
});

const ROUTE_IDS = ['vgs-full', 'vg3-direct', 'adult-rkv-vg3', 'apply-authorisation', 'foreign-education', 'medsek-course', 'licence-after-80'];
/** Publishable facts on the sheet (../shared/domain/facts.md beside the checkout); the "not to be published" items have no id. */
const SHEET_FACT_IDS = [
  'F-01', 'F-02', 'F-03', 'F-04', 'F-05', 'F-06', 'F-34', 'F-35', 'F-36',
  'F-10', 'F-11', 'F-12', 'F-13', 'F-14', 'F-15', 'F-16', 'F-37', 'F-38', 'F-39',
  'F-40', 'F-41', 'F-42', 'F-43', 'F-44', 'F-45', 'F-46',
  'F-20', 'F-21', 'F-22', 'F-23', 'F-24', 'F-25', 'F-47',
  'F-48', 'F-49', 'F-50', 'F-51', 'F-52', 'F-53', 'F-54',
  'F-30', 'F-31', 'F-32', 'F-33', 'F-55', 'F-56',
];
/** Facts the sheet marks unverified as a whole (re-check 2026-12-06): kept with their status, never cited. */
const UNVERIFIED = ['F-30', 'F-31', 'F-33'];
/** The official page where the reader of each route acts ("Useful official pages" in the sheet). */
const ACTION_PAGES: Record<string, string[]> = {
  'apply-authorisation': ['https://www.altinn.no/skjemaoversikt/helsedirektoratet/soknad-om-autorisasjon-og-lisens-som-helsepersonell/'],
  'foreign-education': [
    'https://www.altinn.no/skjemaoversikt/helsedirektoratet/soknad-om-autorisasjon-og-lisens-som-helsepersonell/',
    'https://www.helsedirektoratet.no/veiledere/ansettelse-av-helsepersonell/helsemyndighetenes-ansvar/godkjenning-av-helsepersonell-med-utdanning-fra-utlandet',
  ],
  'vg3-direct': ['https://www.vigo.no', 'https://www.privatistweb.no'],
  'adult-rkv-vg3': ['https://www.vigo.no', 'https://www.vilbli.no/nb/th/no/voksenrett-lovfestet-rett-for-voksne/a/036533'],
  'vgs-full': ['https://www.vigo.no', 'https://www.privatistweb.no'],
  'medsek-course': ['https://www.helsedirektoratet.no/tema/statistikk-registre-og-rapporter/helsedata-og-helseregistre/helsepersonellregisteret-hpr'],
  'licence-after-80': ['https://www.helsedirektoratet.no/tema/autorisasjon-og-spesialistutdanning/autorisasjon-og-lisens/helsepersonell-over-80-ar'],
};
/** LK20 programme-subject codes exactly as F-12 lists them. */
const LK20 = {
  vg1: ['HSF1006', 'HSF1007', 'HSF1008'],
  vg1Privatist: 'HSF1009',
  vg2: ['HES2005', 'HES2006', 'HES2007', 'HES2008'],
  vg3: ['HSE3005', 'HSE3006', 'HSE3007', 'HSE3008'],
};

const route = (id: string) => {
  const found = rules.routes.find((r) => r.id === id);
  if (!found) throw new Error(`no route ${id}`);
  return found;
};
const markers = (markdown: string) => [...markdown.matchAll(/\{\{(F-\d\d)\}\}/g)].map((m) => m[1]!);
const routeLinks = (markdown: string) => [...markdown.matchAll(/\]\(route:([a-z0-9-]+)\)/g)].map((m) => m[1]!);

describe('routes', () => {
  it('every listed route exists, with a unique priority', () => {
    expect(rules.routes.map((r) => r.id).sort()).toEqual([...ROUTE_IDS].sort());
    expect(new Set(rules.routes.map((r) => r.priority)).size).toBe(rules.routes.length);
  });

  it('every route is chosen for some situation, and every chosen route has a file', () => {
    expect([...CHOSEN_ROUTE_IDS].sort()).toEqual([...ROUTE_IDS].sort());
    for (const s of SITUATIONS) expect(s.facts.length, s.id).toBeGreaterThan(0);
  });

  it('every route links the official page where its reader acts', () => {
    for (const r of rules.routes) {
      const text = [r.body, ...r.steps.map((s) => s.description)].join('\n');
      for (const url of ACTION_PAGES[r.id] ?? ['(no action page listed)']) expect(text, r.id).toContain(`](${url})`);
    }
  });

  it('has English title, duration, cost and step titles for every route', () => {
    for (const r of rules.routes) {
      for (const [field, value] of [['titleEn', r.titleEn], ['durationEn', r.durationEn], ['costEn', r.costEn]] as const) {
        expect(value.trim().length, `${r.id}.${field}`).toBeGreaterThan(2);
        expect(value, `${r.id}.${field}`).not.toMatch(/\b(og|eller|måneder|gebyr|gratis)\b/i);
      }
      for (const s of r.steps) expect(s.titleEn.trim().length, `${r.id}/${s.id}`).toBeGreaterThan(2);
    }
  });

  it('every fact id a route refers to (route, steps, body markers) exists in facts.yaml', () => {
    const factIds = new Set(rules.facts.map((f) => f.id));
    for (const r of rules.routes) {
      const referenced = [...r.facts, ...r.steps.flatMap((s) => s.facts), ...markers(r.body)];
      expect(referenced.length, r.id).toBeGreaterThan(0);
      for (const id of referenced) expect(factIds, `${r.id} → ${id}`).toContain(id);
    }
  });

  it("a route's fact list covers every fact its body cites", () => {
    for (const r of rules.routes) {
      for (const id of markers(r.body)) expect(r.facts, `${r.id} body cites ${id}`).toContain(id);
    }
  });

  it('route: links point to routes that exist, and never to the route itself', () => {
    for (const r of rules.routes) {
      for (const target of routeLinks(r.body)) {
        expect(ROUTE_IDS, `${r.id} → ${target}`).toContain(target);
        expect(target).not.toBe(r.id);
      }
    }
  });

  it('bodies are Norwegian prose of 100–700 words', () => {
    for (const r of rules.routes) {
      const words = r.body.replace(/\{\{F-\d\d\}\}/g, '').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      expect(words, r.id).toBeGreaterThanOrEqual(100);
      expect(words, r.id).toBeLessThanOrEqual(700);
      expect(r.body).toMatch(/ og | ikke | du /);
    }
  });

  it('every route leads to authorisation but the medisinsk sekretær route and the licence after 80 (a lisens, F-52)', () => {
    for (const r of rules.routes) expect(r.leadsToAuthorisation, r.id).toBe(!['medsek-course', 'licence-after-80'].includes(r.id));
    expect(route('medsek-course').cost).toMatch(/ingen autorisasjon/);
    expect(route('licence-after-80').title).toMatch(/lisens/);
  });

  it('every subject code is one F-12 lists, and the school route has them all in order', () => {
    const all = [...LK20.vg1, LK20.vg1Privatist, ...LK20.vg2, ...LK20.vg3];
    for (const r of rules.routes) for (const s of r.steps) for (const code of s.subjectCodes) expect(all, `${r.id}/${s.id}`).toContain(code);
    expect(route('vgs-full').steps.map((s) => s.subjectCodes).filter((c) => c.length > 0)).toEqual([
      [...LK20.vg1, LK20.vg1Privatist],
      LK20.vg2,
      LK20.vg3,
    ]);
    const f12 = rules.facts.find((f) => f.id === 'F-12')!.statement;
    for (const code of all) expect(f12).toContain(code);
  });

  it('adult-rkv-vg3 assesses Vg1/Vg2 (F-20), but Vg3 is taken with HSE3008 for privatists (F-13, F-21)', () => {
    const steps = route('adult-rkv-vg3').steps;
    const vg3 = steps.find((s) => s.subjectCodes.includes('HSE3008'))!;
    expect(vg3.facts).toEqual(expect.arrayContaining(['F-13', 'F-21']));
    expect(vg3.description).toMatch(/privatist/);
    expect(steps.filter((s) => s.facts.includes('F-20')).flatMap((s) => s.subjectCodes)).toEqual(
      expect.arrayContaining([...LK20.vg1, ...LK20.vg2]),
    );
    expect(route('adult-rkv-vg3').body).toMatch(/aldri automatisk/);
  });

  it('states fees as adopted (F-15), never "foreslått", with their basis or year', () => {
    for (const r of rules.routes) {
      expect(JSON.stringify(r), r.id).not.toMatch(/foreslått|foreslåtte/i);
      // An authorisation fee names the regulation date; a privatist fee its year (F-42).
      if (/(750|2 000|2 500|3 500) kr/.test(r.cost)) expect(r.cost, r.id).toMatch(/forskrift siden 1\.3\.2023|autorisasjon/);
      if (/1 251 kr/.test(r.cost)) expect(r.cost, r.id).toMatch(/2023/);
    }
  });

  it('vg3-direct: pupil via vigo.no, privatist HSE3008 via privatistweb.no, the windows, the fee with its year, fellesfag', () => {
    const r = route('vg3-direct');
    const text = [r.body, ...r.steps.map((s) => `${s.title} ${s.description}`)].join('\n');
    expect(text).toMatch(/vigo\.no/);
    expect(text).toMatch(/HSE3008/);
    expect(text).toMatch(/15\. januar til 1\. februar/);
    expect(text).toMatch(/1\. til 15\. september/);
    expect(text).toMatch(/1 251 kr per eksamen i et fag/);
    expect(text).toMatch(/I 2023/);
    expect(text).toMatch(/fellesfag/);
    expect(r.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['pupil', 'privatist', 'fellesfag']));
  });

  it('says "for deg med norsk utdanning" wherever the vitnemål is called the only way (F-10)', () => {
    const texts = [...rules.routes.map((r) => r.body), ...rules.facts.map((f) => f.statement)];
    for (const t of texts) {
      for (const m of t.matchAll(/eneste vei[^.]*\./gi)) {
        const start = m.index ?? 0;
        const sentence = t.slice(t.lastIndexOf('.', start) + 1, start + m[0].length);
        expect(sentence).toMatch(/norsk utdanning|utdanning fra utlandet|Den norske veien/i);
      }
    }
  });

  it('repeats none of the claims the sheet says not to publish', () => {
    const everything = JSON.stringify(rules);
    expect(everything).not.toMatch(/IS-2248|vetalt/i);
    expect(everything).not.toMatch(/aldri (vil )?bli (et )?krav/i);
    expect(everything).not.toMatch(/gir (et )?fagbrev/i);
  });
});

describe('facts.yaml', () => {
  it('holds every publishable fact of the sheet, once', () => {
    expect(rules.facts.map((f) => f.id)).toEqual(SHEET_FACT_IDS);
  });

  it('every fact has a statement, at least one source with title and publisher, and the check date', () => {
    for (const f of rules.facts) {
      expect(f.statement.length, f.id).toBeGreaterThan(40);
      expect(f.sources.length, f.id).toBeGreaterThan(0);
      for (const s of f.sources) {
        expect(s.title.length).toBeGreaterThan(0);
        expect(s.publisher.length).toBeGreaterThan(0);
        if (s.url) expect(s.url).toMatch(/^https:\/\//);
      }
      expect(f.checked).toBe('2026-12-06');
    }
  });

  it('carries the dates the sheet states', () => {
    const byId = (id: string) => rules.facts.find((f) => f.id === id)!;
    expect(byId('F-15').validFrom).toBe('2023-03-01');
    expect(byId('F-12').validFrom).toBe('2022-08-01');
    expect(byId('F-25').validFrom).toBe('2024-08-01');
    expect(byId('F-10').validFrom).toBe('2008-01-01');
    expect(byId('F-10').statement).toContain('31.12.2007');
  });

  it('says so where the sheet marks a fact as unchecked or unverified', () => {
    const byId = (id: string) => rules.facts.find((f) => f.id === id)!;
    expect(byId('F-15')).toMatchObject({ confidence: 'high' });
    expect(byId('F-15').statement).toMatch(/siden 1\.3\.2023/);
    expect(byId('F-15').statement).not.toMatch(/foreslått/i);
    expect(byId('F-25').statement).toMatch(/Ikke bekreftet/);
    expect(byId('F-05').statement).toMatch(/som regel/);
    for (const id of UNVERIFIED) {
      expect(byId(id).confidence, id).toBe('unverified');
      expect(byId(id).statement, id).toMatch(/ikke bekreftet/i);
    }
  });

  it('publishes no unverified fact: none is cited by a route, page, title or change', async () => {
    const cited = JSON.stringify(rules.routes);
    const files = ['titles.yaml', 'changes.yaml', 'pages/front.md', 'pages/om.md', 'pages/sporsmal.md', 'pages/veiviser.md', 'pages/endringer.md'];
    const other = (await Promise.all(files.map((f) => readFile(path.join(CONTENT_PATH, f), 'utf8')))).join('\n');
    for (const id of UNVERIFIED) {
      expect(cited, id).not.toContain(id);
      expect(other, id).not.toContain(id);
    }
  });

  it('the raw file is plain YAML data without code', async () => {
    const text = await readFile(path.join(CONTENT_PATH, 'facts.yaml'), 'utf8');
    expect(text).not.toMatch(/<script|!!js|function\s*\(/);
  });
});

describe('parameters.yaml', () => {
  it('every parameter cites existing facts and has ordered, non-overlapping periods', () => {
    const factIds = new Set(rules.facts.map((f) => f.id));
    for (const p of rules.parameters) {
      expect(p.facts.length, p.id).toBeGreaterThan(0);
      for (const id of p.facts) expect(factIds, `${p.id} → ${id}`).toContain(id);
      p.values.forEach((v, i) => {
        if (v.to) expect(v.to >= v.from, p.id).toBe(true);
        const next = p.values[i + 1];
        if (next) expect(v.to !== undefined && v.to < next.from, p.id).toBe(true);
      });
    }
  });

  it('has the values the sheet states', () => {
    const value = (id: string) => rules.parameters.find((p) => p.id === id)?.values.at(-1)?.value;
    expect(value('adult-right-age')).toBe(25);
    expect(value('authorisation-fee-innmeldingsliste')).toBe(750);
    expect(value('authorisation-fee-self-norwegian')).toBe(2000);
    expect(value('authorisation-fee-eu')).toBe(2500);
    expect(value('authorisation-fee-outside-eu')).toBe(3500);
    expect(value('processing-months-norwegian')).toBe(3);
    expect(value('processing-months-outside-eu')).toBe(11);
    expect(value('experience-years-fellesfag-exemption')).toBe(5);
    expect(value('authorisation-valid-until-age')).toBe(80);
    expect(value('licence-fee-after-80')).toBe(2000);
    expect(value('processing-months-uk')).toBe(3);
    expect(value('transitional-rule-open')).toBe(false);
  });
});

describe('English route fields are validated like the Norwegian ones', () => {
  it.each(['titleEn', 'durationEn', 'costEn'])('a route without %s is a content error naming the field', async (field) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rc-en-'));
    try {
      await cp(CONTENT_PATH, dir, { recursive: true });
      const file = path.join(dir, 'routes', 'vg3-direct.md');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(new RegExp(`^${field}: .*\\n`, 'm'), ''));
      const { model, messages } = await loadContent(dir);
      expect(model).toBeNull();
      expect(messages.some((m) => m.severity === 'error' && m.field === field && m.file.endsWith('vg3-direct.md'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a step without titleEn is a content error naming the step', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rc-en-'));
    try {
      await cp(CONTENT_PATH, dir, { recursive: true });
      const file = path.join(dir, 'routes', 'vg3-direct.md');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/^ {4}titleEn: .*\n/m, ''));
      const { model, messages } = await loadContent(dir);
      expect(model).toBeNull();
      expect(messages.some((m) => m.severity === 'error' && m.field === 'steps[0].titleEn')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
