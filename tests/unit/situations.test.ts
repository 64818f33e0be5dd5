/**
 * Every situation of the fact sheet's "Situations the routes must cover", run through the CLI's
 * `fit --json` (the command itself, in process): the verdict, the route, and the situation and
 * advice the core's route choice found, for a helsesekretær ad that requires authorisation.
 * Profiles are version-1 profiles plus only the new fields a case needs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { command as fitCommand } from '../../generator/cli/fit.ts';
import { authorisationGoalReading, fit } from '../../shared/lib/fit.ts';
import { foreignEducationOf, yearsOfWorkOf } from '../../shared/lib/profile.ts';
import { getPredicate } from '../../shared/lib/predicates.ts';
import { ADVICE_NOTES, SITUATIONS } from '../../shared/lib/route-choice.ts';
import { COURSE_IDS, type CourseId, type Profile, type Rules, type TraceEntry } from '../../shared/lib/types.ts';
import { CONTENT_PATH, loadShippedRules } from '../helpers/rules.ts';

const FIXTURES = path.resolve('tests/fixtures/situations');

interface Case {
  id: string;
  sheet: string;
  facts: string[];
  profile: Partial<Profile>;
  verdict: string;
  route: string | null;
  situation: string;
  advice: string[];
}
interface Cases {
  asOf: string;
  ad: string;
  cases: Case[];
}

let cases: Cases;
let rules: Rules;
beforeAll(async () => {
  cases = JSON.parse(await readFile(path.join(FIXTURES, 'cases.json'), 'utf8')) as Cases;
  rules = await loadShippedRules();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const V1_DEFAULTS: Profile = { birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 0, educationAbroad: false, systems: [] };

/** `sekretaersjekk fit --profile <file> --json --as-of <date> <ad>`, its parsed stdout. */
async function fitJson(profileFile: string, adFile: string, asOf: string): Promise<{ verdict: string; route: string | null; trace: TraceEntry[] }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const code = await fitCommand.run(['--profile', profileFile, '--json', '--as-of', asOf, adFile]);
  vi.restoreAllMocks();
  expect(code).toBe(0);
  return JSON.parse(out) as { verdict: string; route: string | null; trace: TraceEntry[] };
}

describe('the situations of the fact sheet, through fit --json', () => {
  it('covers every situation the route choice knows, and each case cites facts that exist', async () => {
    const factIds = new Set(rules.facts.map((f) => f.id));
    const used = new Set(cases.cases.map((c) => c.situation));
    for (const s of SITUATIONS.filter((s) => s.need !== 'medsek-course')) expect(used.has(s.id), s.id).toBe(true);
    for (const c of cases.cases) for (const id of c.facts) expect(factIds.has(id), `${c.id} → ${id}`).toBe(true);
  });

  it('every situation and advice note is written in known predicates and cites facts that exist', () => {
    const factIds = new Set(rules.facts.map((f) => f.id));
    for (const entry of [...SITUATIONS, ...ADVICE_NOTES]) {
      for (const name of [...(entry.when.all ?? []), ...(entry.when.any ?? []), ...(entry.when.none ?? [])]) expect(getPredicate(name), `${entry.id}: ${name}`).toBeDefined();
      expect(entry.facts.length, entry.id).toBeGreaterThan(0);
      for (const id of entry.facts) expect(factIds.has(id), `${entry.id} → ${id}`).toBe(true);
    }
  });

  it('every case: the verdict, the route, the situation and the advice', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(path.join(tmpdir(), 'situations-'));
    try {
      for (const c of cases.cases) {
        const file = path.join(dir, `${c.id}.json`);
        await writeFile(file, JSON.stringify({ ...V1_DEFAULTS, ...c.profile }));
        const v = await fitJson(file, path.join(FIXTURES, cases.ad), cases.asOf);
        expect({ id: c.id, verdict: v.verdict, route: v.route }).toEqual({ id: c.id, verdict: c.verdict, route: c.route });
        expect(v.trace.filter((t) => t.rule.startsWith('situation:')).map((t) => t.rule), c.id).toEqual([`situation:${c.situation}`]);
        expect(v.trace.filter((t) => t.rule.startsWith('advice:')).map((t) => t.rule.slice('advice:'.length)).sort(), c.id).toEqual([...c.advice].sort());
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a revoked or suspended authorisation is not a profile answer: the common questions send the reader to Statens helsetilsyn (F-53)', async () => {
    const faq = await readFile(path.join(CONTENT_PATH, 'pages/sporsmal.md'), 'utf8');
    expect(faq).toMatch(/tilbakekalt eller suspendert[\s\S]*Statens helsetilsyn[\s\S]*\{\{F-53\}\}/);
  });
});

describe('profiles without the new fields', () => {
  const courses = fc.subarray([...COURSE_IDS] as CourseId[]);
  const v1Profile: fc.Arbitrary<Profile> = fc.record({
    birthYear: fc.integer({ min: 1930, max: 2011 }),
    authorisedHelsesekretaer: fc.boolean(),
    completed: courses,
    yearsAsSecretaryInHealth: fc.integer({ min: 0, max: 45 }),
    educationAbroad: fc.boolean(),
    systems: fc.constant([]),
  });
  const asOfArb = fc.constantFrom('2026-06-01', '2026-12-06', '2027-01-01', '2030-03-15');

  /** The route the rules gave before version 2 (route files' `for` and priorities), written out. */
  function routeBefore(p: Profile, asOf: string): string | null {
    if (p.authorisedHelsesekretaer) return null;
    if (p.completed.includes('vg3-helsesekretaer')) return 'apply-authorisation';
    if (p.educationAbroad) return 'foreign-education';
    return Number(asOf.slice(0, 4)) - p.birthYear >= 25 ? 'adult-rkv-vg3' : 'vgs-full';
  }
  /** Where a version-2 rule changes the answer on purpose: Vg1+Vg2 (F-40) and the 80-year limit (F-52). */
  function newRuleApplies(p: Profile, asOf: string): boolean {
    const vg1vg2 = p.completed.includes('vg1-helse-oppvekst') && p.completed.includes('vg2-helseservice') && !p.completed.includes('vg3-helsesekretaer');
    return (!p.authorisedHelsesekretaer && !p.educationAbroad && vg1vg2) || (p.authorisedHelsesekretaer && Number(asOf.slice(0, 4)) - p.birthYear >= 80);
  }

  it('give the same verdict and route as before wherever the new rules do not apply', () => {
    const reading = authorisationGoalReading();
    fc.assert(
      fc.property(v1Profile, asOfArb, (p, asOf) => {
        fc.pre(!newRuleApplies(p, asOf));
        const v = fit(p, reading, asOf, rules);
        expect(v.route).toBe(routeBefore(p, asOf));
        expect(v.verdict).toBe(p.authorisedHelsesekretaer ? 'fits' : 'not-yet');
      }),
      { numRuns: 400 },
    );
  });

  it('mean the same as the profile with the defaults written out, on any ad', () => {
    const reading = authorisationGoalReading();
    fc.assert(
      fc.property(v1Profile, asOfArb, (p, asOf) => {
        const explicit: Profile = { ...p, otherUpperSecondaryCompleted: false, yearsOfWork: yearsOfWorkOf(p) };
        const foreign = foreignEducationOf(p);
        if (foreign) explicit.foreignEducation = foreign;
        const a = fit(p, reading, asOf, rules);
        const b = fit(explicit, reading, asOf, rules);
        expect(b.route).toBe(a.route);
        expect(b.verdict).toBe(a.verdict);
        expect(b.reasons.map((r) => r.id)).toEqual(a.reasons.map((r) => r.id));
      }),
      { numRuns: 300 },
    );
  });
});
