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
import { parameterAt } from '../../shared/lib/predicates.ts';
import { traceSteps } from '../../shared/lib/trace.ts';
import type { CourseId, Profile, Verdict } from '../../shared/lib/types.ts';

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

/** The profiles an answer stands for, written from the facts (F-24: adult right from the calendar year one turns 25). */
function valuesFor(question: string, answer: string): Partial<Profile>[] {
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
    case 'utland':
      return [{ educationAbroad: answer === 'utland' }];
    case 'utdanning': {
      const completed = courses[answer];
      if (!completed) throw new Error(`unknown education answer ${answer}`);
      return [{ completed }];
    }
    case 'alder': {
      const last = year - adultAge;
      const years = answer === 'voksen' ? [last - 55, last - 20, last - 1, last] : [last + 1, last + 5, year - 16];
      return years.map((birthYear) => ({ birthYear }));
    }
    case 'erfaring': {
      const m = /^erfaring-(\d+)(?:-(\d+))?$/.exec(answer);
      if (!m) throw new Error(`unknown experience answer ${answer}`);
      const from = Number(m[1]);
      const to = m[2] !== undefined ? Number(m[2]) : from === 0 ? 0 : from + 30;
      const span = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      return span.filter((v, i) => i === 0 || i === span.length - 1 || v % 7 === 0).map((yearsAsSecretaryInHealth) => ({ yearsAsSecretaryInHealth }));
    }
    default:
      throw new Error(`unknown question ${question}`);
  }
}

/** Every profile consistent with `answers` (unasked questions: every answer). */
function profiles(answers: Map<string, string>): Profile[] {
  let out: Partial<Profile>[][] = [[]];
  for (const [question, all] of universe) {
    const given = answers.get(question);
    const options = (given ? [given] : all).flatMap((a) => valuesFor(question, a));
    out = out.flatMap((parts) => options.map((o) => [...parts, o]));
  }
  return out.map((parts) =>
    Object.assign({ birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 0, educationAbroad: false, systems: [] }, ...parts),
  );
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
  const longYears = parameterAt(model.rules, 'experience-years-fellesfag-exemption', asOf)?.value;
  if (typeof longYears !== 'number') throw new Error('experience-years-fellesfag-exemption missing');
  universe = new Map([
    ['autorisasjon', ['autorisert', 'ikke-autorisert']],
    ['utland', ['utland', 'norge']],
    ['utdanning', ['ingen', 'vg1', 'vg2', 'vg3', 'medsek']],
    ['alder', ['voksen', 'yngre']],
    ['erfaring', ['erfaring-0', `erfaring-1-${longYears - 1}`, `erfaring-${longYears}`]],
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

  it('splits birth years where the adult right starts (F-24: the calendar year one turns 25)', async () => {
    const html = questionPages.find((q) => q.question === 'alder');
    expect(html).toBeDefined();
    const text = await page(html?.page ?? '');
    expect(text).toContain(`I ${year - adultAge} eller før`);
    expect(text).toContain(`I ${year - adultAge + 1} eller senere`);
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
    expect(combos.length).toBe(2 * 2 * 5 * 2 * 3);
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

  it('is compact: an authorised reader is done at once, and no question leads only to equal answers', () => {
    const authorised = leaves.find((l) => l.answers.get('autorisasjon') === 'autorisert');
    expect(authorised?.answers.size).toBe(1);
    expect(authorised?.route).toBe('');
    const leafByPage = new Map(leaves.map((l) => [l.page, l]));
    for (const q of questionPages) {
      const children = q.children.map((c) => leafByPage.get(c));
      if (children.every((c) => c !== undefined)) {
        const outcomes = new Set(children.map((c) => `${c?.route}|${c?.verdict}`));
        expect(outcomes.size, q.page).toBeGreaterThan(1);
      }
    }
  });
});
