import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PREDICATE_NAMES } from '../../shared/lib/predicates.ts';
import type { Rules } from '../../shared/lib/types.ts';
import { CONTENT_PATH, loadShippedRules } from '../helpers/rules.ts';

let rules: Rules;
beforeAll(async () => {
  rules = await loadShippedRules();
});

const ROUTE_IDS = ['vgs-full', 'adult-rkv-vg3', 'apply-authorisation', 'foreign-education', 'medsek-course'];
/** Publishable facts on the sheet (../shared/domain/facts.md beside the checkout); the "not to be published" items have no id. */
const SHEET_FACT_IDS = [
  'F-01', 'F-02', 'F-03', 'F-04', 'F-05', 'F-06',
  'F-10', 'F-11', 'F-12', 'F-13', 'F-14', 'F-15', 'F-16',
  'F-20', 'F-21', 'F-22', 'F-23', 'F-24', 'F-25',
  'F-30', 'F-31', 'F-32', 'F-33',
];
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

  it('every predicate in a `for` condition is a known predicate', () => {
    for (const r of rules.routes) {
      for (const name of [...(r.for.all ?? []), ...(r.for.any ?? []), ...(r.for.none ?? [])]) {
        expect(PREDICATE_NAMES, `${r.id}: ${name}`).toContain(name);
      }
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

  it('bodies are Norwegian prose of 150–400 words', () => {
    for (const r of rules.routes) {
      const words = r.body.replace(/\{\{F-\d\d\}\}/g, '').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      expect(words, r.id).toBeGreaterThanOrEqual(150);
      expect(words, r.id).toBeLessThanOrEqual(400);
      expect(r.body).toMatch(/ og | ikke | du /);
    }
  });

  it('only the medisinsk sekretær course route does not lead to authorisation', () => {
    for (const r of rules.routes) expect(r.leadsToAuthorisation, r.id).toBe(r.id !== 'medsek-course');
    expect(route('medsek-course').cost).toMatch(/ingen autorisasjon/);
  });

  it('every subject code is one F-12 lists, and the school route has them all in order', () => {
    const all = [...LK20.vg1, LK20.vg1Privatist, ...LK20.vg2, ...LK20.vg3];
    for (const r of rules.routes) for (const s of r.steps) for (const code of s.subjectCodes) expect(all, `${r.id}/${s.id}`).toContain(code);
    expect(route('vgs-full').steps.map((s) => s.subjectCodes).filter((c) => c.length > 0)).toEqual([LK20.vg1, LK20.vg2, LK20.vg3]);
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

  it('states fees only as unverified proposed amounts (F-15, medium)', () => {
    for (const r of rules.routes) {
      if (/\d\s?\d{3} kr|\d{3} kr/.test(r.cost)) expect(r.cost, r.id).toMatch(/ikke verifisert/);
      if (/kr\b/.test(r.body)) expect(r.body, r.id).toMatch(/ikke (har )?kontrollert|ikke verifisert/);
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
      expect(f.checked).toBe('2026-11-01');
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
    expect(byId('F-15')).toMatchObject({ confidence: 'medium' });
    expect(byId('F-15').statement).toMatch(/Foreslåtte.*ikke verifisert/s);
    expect(byId('F-25').statement).toMatch(/ikke verifisert/);
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
    expect(value('transitional-rule-open')).toBe(false);
  });
});
