/**
 * The veiviser's static pages against fit(): crawl the built pages by their answer links, and for
 * every leaf check that every profile consistent with the answers given gets the route the page
 * names (data-route), the verdict it shows, and that its reasons and trace are fit()'s own.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../generator/lib/content/load.ts';
import type { ContentModel } from '../../generator/lib/model.ts';
import { buildSite } from '../../generator/lib/build.ts';
import { authorisationGoalReading, fit } from '../../shared/lib/fit.ts';
import { evaluatePredicate, parameterAt } from '../../shared/lib/predicates.ts';
import { traceSteps } from '../../shared/lib/trace.ts';
import type { CourseId, ForeignEducation, Profile, Verdict } from '../../shared/lib/types.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let model: ContentModel;
let out: string;
let asOf: string;
let year: number;
let adultAge: number;

interface Leaf {
  page: string;
  answers: Map<string, string>;
  route: string;
  verdict: string;
  html: string;
}

const leaves: Leaf[] = [];
const questionPages: { page: string; question: string; children: string[] }[] = [];
/** Every answer id seen on the pages, per question id, in page order. */
const seen = new Map<string, string[]>();
/** Every question the veiviser may ask, with all its answers, including questions pruned everywhere. */
let universe = new Map<string, string[]>();
const pageCache = new Map<string, string>();

async function page(file: string): Promise<string> {
  let html = pageCache.get(file);
  if (html === undefined) {
    html = await readFile(path.join(out, 'site', file), 'utf8');
    pageCache.set(file, html);
  }
  return html;
}

function answerLinks(html: string): { href: string; question: string; answer: string }[] {
  return [...html.matchAll(/<a href="([^"]+)" data-question="([^"]+)" data-answer="([^"]+)">/g)].map((m) => ({
    href: m[1] ?? '',
    question: m[2] ?? '',
    answer: m[3] ?? '',
  }));
}

async function crawl(file: string, answers: Map<string, string>): Promise<void> {
  const html = await page(file);
  const verdict = /data-route="([^"]*)" data-verdict="([^"]*)"/.exec(html);
  if (verdict) {
    leaves.push({ page: file, answers, route: verdict[1] ?? '', verdict: verdict[2] ?? '', html });
    return;
  }
  const links = answerLinks(html);
  expect(links.length, `${file} is neither a question nor a leaf`).toBeGreaterThan(1);
  const question = links[0]?.question ?? '';
  expect(answers.has(question), `${file} asks ${question} twice`).toBe(false);
  seen.set(question, [...new Set([...(seen.get(question) ?? []), ...links.map((l) => l.answer)])]);
  questionPages.push({ page: file, question, children: links.map((l) => path.posix.join(path.posix.dirname(file), l.href)) });
  for (const link of links) {
    await crawl(path.posix.join(path.posix.dirname(file), link.href), new Map(answers).set(question, link.answer));
  }
}

type Part = Omit<Partial<Profile>, 'foreignEducation'> & { foreignEducation?: Partial<ForeignEducation> };

/**
 * The profiles an answer stands for, written from the facts, not from the veiviser's own samples:
 * F-24 (the age counts in the year one applies), F-52 (authorisation until 80), F-22 (five years
 * of any work), F-51 (foreign: completed or not, and where).
 */
function valuesFor(question: string, answer: string): Part[] {
  const courses: Record<string, CourseId[]> = {
    ingen: [],
    vg1: ['vg1-helse-oppvekst'],
    vg2: ['vg1-helse-oppvekst', 'vg2-helseservice'],
    vg3: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
    medsek: ['medisinsk-sekretaer-course'],
  };
  switch (question) {
    case 'autorisasjon':
      return [{ authorisedHelsesekretaer: answer === 'autorisert' }];
    case 'utland': {
      const completed = { fullfort: 'full-equivalent', 'medsek-utland': 'medical-secretary', 'ikke-fullfort': 'partial' } as const;
      if (answer === 'nei') return [{ educationAbroad: false }];
      const value = completed[answer as keyof typeof completed];
      if (!value) throw new Error(`unknown abroad answer ${answer}`);
      return [{ educationAbroad: true, foreignEducation: { completed: value } }];
    }
    case 'land': {
      const regions = { norden: 'nordic', 'eu-eos': 'eu-eea', storbritannia: 'uk', sveits: 'switzerland', annet: 'other' } as const;
      const region = regions[answer as keyof typeof regions];
      if (!region) throw new Error(`unknown country answer ${answer}`);
      return [{ foreignEducation: { region } }];
    }
    case 'utdanning': {
      const completed = courses[answer];
      if (!completed) throw new Error(`unknown education answer ${answer}`);
      return [{ completed }];
    }
    case 'alder': {
      const ages = answer === 'under-voksen' ? [15, 20, adultAge - 1] : answer === 'voksen' ? [adultAge, 40, 79] : answer === 'over-grensen' ? [80, 85] : null;
      if (!ages) throw new Error(`unknown age answer ${answer}`);
      return ages.map((age) => ({ birthYear: year - age }));
    }
    case 'annen-vgs':
      return [{ otherUpperSecondaryCompleted: answer === 'ja' }];
    case 'arbeid':
      return (answer === 'ja' ? [5, 12, 40] : [0, 2, 4.5]).map((yearsOfWork) => ({ yearsOfWork }));
    default:
      throw new Error(`unknown question ${question}`);
  }
}

/** Every profile consistent with `answers` (unasked questions: every answer). */
function profiles(answers: Map<string, string>): Profile[] {
  let out: Part[][] = [[]];
  for (const [question, all] of universe) {
    const given = answers.get(question);
    const options = (given ? [given] : all).flatMap((a) => valuesFor(question, a));
    out = out.flatMap((parts) => options.map((o) => [...parts, o]));
  }
  return out.map((parts) => {
    const p: Profile = { birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 0, educationAbroad: false, systems: [] };
    let foreign: Partial<ForeignEducation> = {};
    for (const { foreignEducation, ...rest } of parts) {
      Object.assign(p, rest);
      foreign = { ...foreign, ...foreignEducation };
    }
    if (p.educationAbroad) p.foreignEducation = { completed: foreign.completed ?? 'full-equivalent', region: foreign.region ?? 'other' };
    return p;
  });
}

function reasonsOnPage(html: string): string[] {
  const list = /<ul class="reasons">\n([\s\S]*?)\n<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<\/span> (.*?)(?:<sup>.*?)?<\/li>/g)].map((m) =>
    (m[1] ?? '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  );
}

beforeAll(async () => {
  const loaded = await loadContent(path.join(ROOT, 'content'));
  if (!loaded.model) throw new Error('content/ does not load');
  model = loaded.model;
  out = await mkdtemp(path.join(tmpdir(), 'veiviser-'));
  await buildSite(model, { outDir: out, baseUrl: 'https://example.no/', sourceRoot: ROOT });
  const firstLeafHtml = async (): Promise<void> => {
    await crawl('veiviser/index.html', new Map());
  };
  await firstLeafHtml();
  asOf = /data-as-of="([^"]+)"/.exec(leaves[0]?.html ?? '')?.[1] ?? '';
  year = Number(asOf.slice(0, 4));
  const age = parameterAt(model.rules, 'adult-right-age', asOf)?.value;
  if (typeof age !== 'number') throw new Error('adult-right-age missing');
  adultAge = age;
  universe = new Map([
    ['autorisasjon', ['autorisert', 'ikke-autorisert']],
    ['utdanning', ['ingen', 'vg1', 'vg2', 'vg3', 'medsek']],
    ['utland', ['nei', 'fullfort', 'medsek-utland', 'ikke-fullfort']],
    ['land', ['norden', 'eu-eos', 'storbritannia', 'sveits', 'annet']],
    ['alder', ['under-voksen', 'voksen', 'over-grensen']],
    ['annen-vgs', ['nei', 'ja']],
    ['arbeid', ['nei', 'ja']],
  ]);
}, 60_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('veiviser', () => {
  it('asks only known questions, with all their answers', () => {
    expect(seen.size).toBeGreaterThanOrEqual(4);
    for (const [question, answers] of seen) expect(answers, question).toEqual(universe.get(question));
    expect(leaves.length).toBeGreaterThan(5);
  });

  it('asks the age one turns in the year one applies, not a fixed birth year (F-24, F-52)', async () => {
    const pages = questionPages.filter((q) => q.question === 'alder');
    expect(pages.length).toBeGreaterThan(0);
    for (const q of pages) {
      const text = await page(q.page);
      expect(text).toContain('i det året du søker');
      expect(text).toContain(`${adultAge - 1} år eller yngre`);
      expect(text).toContain(`${adultAge}–79 år`);
      expect(text).toContain('80 år eller eldre');
      const main = /<main[\s\S]*<\/main>/.exec(text)?.[0] ?? '';
      expect(main, q.page).not.toMatch(/\b(19|20)\d\d\b/);
    }
  });

  it('the Vg3 answer says norsk vitnemål, and the foreign branch asks whether it was completed and where', async () => {
    const education = questionPages.find((q) => q.question === 'utdanning');
    expect(await page(education?.page ?? '')).toContain('Vg3 helsesekretær, med norsk vitnemål');
    const abroad = questionPages.find((q) => q.question === 'utland');
    expect(abroad).toBeDefined();
    const countries = questionPages.filter((q) => q.question === 'land');
    expect(countries.length).toBeGreaterThan(0);
    // Where is asked only for completed education abroad (F-51): unfinished goes the Norwegian way.
    for (const leaf of leaves.filter((l) => l.answers.get('utland') === 'ikke-fullfort' && l.answers.get('utdanning') !== 'vg3')) {
      expect(leaf.answers.has('land'), leaf.page).toBe(false);
      expect(['vgs-full', 'vg3-direct', 'adult-rkv-vg3'], leaf.page).toContain(leaf.route);
    }
    // With a Norwegian Vg3 vitnemål the Norwegian application decides, and the page says so (F-38).
    for (const leaf of leaves.filter((l) => l.answers.get('utdanning') === 'vg3' && l.answers.get('autorisasjon') === 'ikke-autorisert')) {
      expect(leaf.route, leaf.page).toBe('apply-authorisation');
      if (leaf.answers.get('utland') !== 'nei') expect(leaf.html, leaf.page).toContain('det norske vitnemålet som gir deg autorisasjon');
    }
  });

  it('asks about work (any kind) where five years change the advice (F-22)', () => {
    expect(questionPages.some((q) => q.question === 'arbeid')).toBe(true);
    for (const leaf of leaves.filter((l) => l.answers.get('arbeid') === 'ja')) expect(leaf.html, leaf.page).toContain('fritak fra fellesfagene');
  });

  it('no trace shows an answer that was not asked: a step is shown only where the answers given decide it', () => {
    const ctxOf = (profile: Profile) => ({ profile, asOf, rules: model.rules });
    for (const leaf of leaves) {
      const rows = [...leaf.html.matchAll(/<li data-rule="predicate:([^"]+)">[^<]*: (<em class="not-asked">ikke spurt<\/em>|<strong>[^<]*<\/strong>)/g)];
      expect(rows.length, leaf.page).toBeGreaterThan(0);
      const consistent = profiles(leaf.answers);
      for (const [, name, shown] of rows) {
        const values = new Set(consistent.map((p) => evaluatePredicate(name!, ctxOf(p), [])));
        const neverAsked = ['has-secretary-experience', 'long-secretary-experience'].includes(name!);
        if (shown!.includes('ikke spurt')) expect(neverAsked || values.size === 2, `${leaf.page}: ${name}`).toBe(true);
        else {
          expect(neverAsked, `${leaf.page}: ${name} rests on an answer never asked`).toBe(false);
          expect(values.size, `${leaf.page}: ${name} shown as an answer but not decided by the answers`).toBe(1);
        }
      }
    }
    // Years as a secretary are never asked (the route does not depend on them): never shown as an answer.
    for (const leaf of leaves) {
      for (const name of ['has-secretary-experience', 'long-secretary-experience']) {
        const row = new RegExp(`data-rule="predicate:${name}">[^<]*: <([a-z]+)`).exec(leaf.html);
        if (row) expect(row[1], `${leaf.page}: ${name}`).toBe('em');
      }
    }
    const authorised = leaves.find((l) => l.answers.get('autorisasjon') === 'autorisert' && l.answers.get('alder') === 'voksen');
    expect(authorised?.html).toMatch(/data-rule="predicate:education-abroad">[^<]*: <em class="not-asked">ikke spurt/);
  });

  it('every leaf names the route fit() gives for every profile consistent with its answers', () => {
    const reading = authorisationGoalReading();
    let checked = 0;
    for (const leaf of leaves) {
      const routes = new Set<string>();
      const verdicts = new Set<string>();
      for (const profile of profiles(leaf.answers)) {
        const v = fit(profile, reading, asOf, model.rules);
        routes.add(v.route ?? '');
        verdicts.add(v.verdict);
        checked++;
      }
      expect([...routes], leaf.page).toEqual([leaf.route]);
      expect([...verdicts], leaf.page).toEqual([leaf.verdict]);
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('routes named on leaves exist and are linked', () => {
    const ids = new Set(model.rules.routes.map((r) => r.id));
    for (const leaf of leaves.filter((l) => l.route !== '')) {
      expect(ids.has(leaf.route), leaf.page).toBe(true);
      expect(leaf.html, leaf.page).toContain(`href="../ruter/${leaf.route}.html"`);
    }
    // The shipped routes that lead to authorisation are all reachable from the veiviser.
    const reached = new Set(leaves.map((l) => l.route));
    for (const r of model.rules.routes.filter((r) => r.leadsToAuthorisation)) expect(reached.has(r.id), r.id).toBe(true);
  });

  it("each leaf shows the reasons and trace of fit() for a profile consistent with its answers", () => {
    const reading = authorisationGoalReading();
    for (const leaf of leaves) {
      const shown = reasonsOnPage(leaf.html);
      const traceRules = [...leaf.html.matchAll(/<li data-rule="([^"]+)">/g)].map((m) => m[1]);
      const matches = profiles(leaf.answers).some((profile) => {
        const v: Verdict = fit(profile, reading, asOf, model.rules);
        const steps = traceSteps(v.trace, 'nb').map((s) => s.rule);
        return JSON.stringify(v.reasons.map((r) => r.text)) === JSON.stringify(shown) && JSON.stringify(steps) === JSON.stringify(traceRules);
      });
      expect(shown.length, leaf.page).toBeGreaterThan(0);
      expect(traceRules.length, leaf.page).toBeGreaterThan(2);
      expect(matches, `${leaf.page}: ${JSON.stringify(shown)}`).toBe(true);
    }
  });

  it('every combination of answers reaches exactly one leaf by following links', async () => {
    let combos: Map<string, string>[] = [new Map()];
    for (const [q, answers] of universe) combos = combos.flatMap((c) => answers.map((a) => new Map(c).set(q, a)));
    expect(combos.length).toBe(2 * 5 * 4 * 5 * 3 * 2 * 2);
    const reading = authorisationGoalReading();
    for (const combo of combos) {
      let file = 'veiviser/index.html';
      for (let hops = 0; hops < 10; hops++) {
        const html = await page(file);
        const leaf = /data-route="([^"]*)"/.exec(html);
        if (leaf) {
          const [profile] = profiles(combo);
          if (!profile) throw new Error('no profile');
          expect(leaf[1], `${[...combo.values()].join('/')} → ${file}`).toBe(fit(profile, reading, asOf, model.rules).route ?? '');
          break;
        }
        const links = answerLinks(html);
        const next = links.find((l) => l.answer === combo.get(l.question));
        if (!next) throw new Error(`${file}: no link for ${[...combo.entries()].join(',')}`);
        file = path.posix.join(path.posix.dirname(file), next.href);
      }
    }
  });

  it('is compact: an authorised reader is asked only the age (F-52), and no question leads only to equal answers', () => {
    const authorised = leaves.filter((l) => l.answers.get('autorisasjon') === 'autorisert');
    for (const leaf of authorised) expect([...leaf.answers.keys()]).toEqual(['autorisasjon', 'alder']);
    expect(authorised.map((l) => l.route).sort()).toEqual(['', '', 'licence-after-80']);
    const leafByPage = new Map(leaves.map((l) => [l.page, l]));
    for (const q of questionPages) {
      const children = q.children.map((c) => leafByPage.get(c));
      if (children.every((c) => c !== undefined)) {
        const outcomes = new Set(children.map((c) => `${c?.route}|${c?.verdict}|${/data-situation="([^"]*)"/.exec(c?.html ?? '')?.[1]}|${(c?.html.match(/<ul class="advice">[\s\S]*?<\/ul>/) ?? [''])[0]}`));
        expect(outcomes.size, q.page).toBeGreaterThan(1);
      }
    }
  });
});
