/**
 * The veiviser: a decision tree of static pages, where each answer is a link. Every leaf shows
 * fit(profile, authorisationGoalReading(), asOf, rules) for the answers given, so the guide, the
 * extension and the CLI cannot disagree: the route, the situation and the advice all come from the
 * core's route choice (shared/lib/route-choice.ts). A question is asked only where its answer
 * changes the route, the situation or the advice; the trace shows "ikke spurt" for anything the
 * answers given do not decide.
 */
import {
  type ForeignEducation,
  type IsoDate,
  type Profile,
  type Rules,
  type TraceEntry,
  type Verdict,
  authorisationGoalReading,
  defaultProfile,
  evaluatePredicate,
  fit,
  getPredicate,
  getAdviceNote,
  getSituation,
  parameterAt,
  yearOf,
  EFFECT_LABELS,
  VERDICT_LABELS,
  traceSteps,
} from '../../../shared/index.ts';
import type { PageShell } from './layout.ts';
import { norwegianDate } from './layout.ts';
import { block, h, joined, lines, type Child } from '../html.ts';
import { PageContext } from './common.ts';
import { PAGE_SHELL, htmlOutput, listedRoute, type Output, type SitePage } from './registry.ts';

/** What an answer says about the reader; `foreignEducation` parts from two questions are merged. */
type ProfilePart = Omit<Partial<Profile>, 'foreignEducation'> & { foreignEducation?: Partial<ForeignEducation> };

export interface Answer {
  id: string;
  label: string;
  /** Profiles this answer stands for; the first is the one a leaf shows, all must agree. */
  samples: ProfilePart[];
}

export interface Question {
  id: string;
  text: string;
  help: string;
  answers: Answer[];
}

const BASE_PROFILE: Profile = defaultProfile();

/** Shown in the trace for a step the answers given do not decide. */
export const NOT_ASKED = 'ikke spurt';

function numberParameter(rules: Rules, id: string, asOf: IsoDate): number {
  const reading = parameterAt(rules, id, asOf);
  if (!reading || typeof reading.value !== 'number') throw new Error(`veiviseren trenger parameteren «${id}» (et tall) for ${asOf}`);
  return reading.value;
}

/** The questions, in the order they are asked; age and experience brackets come from the rule parameters. */
export function veiviserQuestions(rules: Rules, asOf: IsoDate): Question[] {
  const year = yearOf(asOf);
  const adultAge = numberParameter(rules, 'adult-right-age', asOf);
  const limitAge = numberParameter(rules, 'authorisation-valid-until-age', asOf);
  const workYears = numberParameter(rules, 'experience-years-fellesfag-exemption', asOf);
  const born = (age: number): ProfilePart => ({ birthYear: year - age });
  return [
    {
      id: 'autorisasjon',
      text: 'Har du autorisasjon som helsesekretær?',
      help: 'Autorisasjonen gis av Helsedirektoratet og står i Helsepersonellregisteret (HPR).',
      answers: [
        { id: 'autorisert', label: 'Ja, jeg er autorisert helsesekretær', samples: [{ authorisedHelsesekretaer: true }] },
        { id: 'ikke-autorisert', label: 'Nei', samples: [{ authorisedHelsesekretaer: false }] },
      ],
    },
    {
      id: 'utdanning',
      text: 'Hva har du fullført av utdanning i Norge?',
      help: 'Velg det høyeste du har fullført i Norge. Utdanning fra utlandet spør vi om etterpå.',
      answers: [
        { id: 'ingen', label: 'Ingenting av dette ennå', samples: [{ completed: [] }] },
        { id: 'vg1', label: 'Vg1 helse- og oppvekstfag', samples: [{ completed: ['vg1-helse-oppvekst'] }] },
        { id: 'vg2', label: 'Vg1 helse- og oppvekstfag og Vg2 helseservicefag', samples: [{ completed: ['vg1-helse-oppvekst', 'vg2-helseservice'] }] },
        {
          id: 'vg3',
          label: 'Vg3 helsesekretær, med norsk vitnemål',
          samples: [{ completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'] }],
        },
        { id: 'medsek', label: 'Kurs eller utdanning som medisinsk sekretær', samples: [{ completed: ['medisinsk-sekretaer-course'] }] },
      ],
    },
    {
      id: 'utland',
      text: 'Har du utdanning fra utlandet som helsesekretær, medisinsk sekretær eller lignende?',
      help: 'Bare en fullført utdanning kan godkjennes av Helsedirektoratet.',
      answers: [
        { id: 'nei', label: 'Nei', samples: [{ educationAbroad: false }] },
        {
          id: 'fullfort',
          label: 'Ja, en fullført utdanning som tilsvarer helsesekretær',
          samples: [{ educationAbroad: true, foreignEducation: { completed: 'full-equivalent' } }],
        },
        {
          id: 'medsek-utland',
          label: 'Ja, en fullført utdanning som medisinsk sekretær',
          samples: [{ educationAbroad: true, foreignEducation: { completed: 'medical-secretary' } }],
        },
        { id: 'ikke-fullfort', label: 'Ja, men jeg fullførte den ikke', samples: [{ educationAbroad: true, foreignEducation: { completed: 'partial' } }] },
      ],
    },
    {
      id: 'land',
      text: 'Hvor tok du utdanningen?',
      help: 'Landet avgjør hvilke regler, gebyrer og saksbehandlingstider som gjelder.',
      answers: [
        { id: 'norden', label: 'I et annet nordisk land', samples: [{ foreignEducation: { region: 'nordic' } }] },
        { id: 'eu-eos', label: 'I et annet EU/EØS-land', samples: [{ foreignEducation: { region: 'eu-eea' } }] },
        { id: 'storbritannia', label: 'I Storbritannia', samples: [{ foreignEducation: { region: 'uk' } }] },
        { id: 'sveits', label: 'I Sveits', samples: [{ foreignEducation: { region: 'switzerland' } }] },
        { id: 'annet', label: 'I et annet land utenfor EU/EØS', samples: [{ foreignEducation: { region: 'other' } }] },
      ],
    },
    {
      id: 'alder',
      text: 'Hvor gammel fyller du i det året du søker?',
      help: `Det er året du søker som teller: voksenretten gjelder fra og med det året du fyller ${adultAge}, og autorisasjonen gjelder til du fyller ${limitAge}.`,
      answers: [
        { id: 'under-voksen', label: `${adultAge - 1} år eller yngre`, samples: [born(adultAge - 1), born(16)] },
        { id: 'voksen', label: `${adultAge}–${limitAge - 1} år`, samples: [born(adultAge), born(limitAge - 1)] },
        { id: 'over-grensen', label: `${limitAge} år eller eldre`, samples: [born(limitAge), born(limitAge + 15)] },
      ],
    },
    {
      id: 'annen-vgs',
      text: 'Har du fullført videregående opplæring på annen måte?',
      help: 'For eksempel fagbrev som helsefagarbeider, studiekompetanse, en annen yrkeskompetanse, eller videregående fra utlandet som er godkjent i Norge.',
      answers: [
        { id: 'nei', label: 'Nei', samples: [{ otherUpperSecondaryCompleted: false }] },
        { id: 'ja', label: 'Ja', samples: [{ otherUpperSecondaryCompleted: true }] },
      ],
    },
    {
      id: 'arbeid',
      text: `Har du minst ${workYears} års arbeidserfaring, fra alle slags arbeid?`,
      help: 'All slags arbeid teller, ikke bare som sekretær. Det kan gi fritak fra fellesfag.',
      answers: [
        { id: 'nei', label: `Nei, under ${workYears} år`, samples: [{ yearsOfWork: 0 }, { yearsOfWork: workYears - 1 }] },
        { id: 'ja', label: `Ja, ${workYears} år eller mer`, samples: [{ yearsOfWork: workYears }, { yearsOfWork: workYears + 25 }] },
      ],
    },
  ];
}

export interface Given {
  question: Question;
  answer: Answer;
}

export interface VeiviserNode {
  /** File name without .html: "index" for the first question, answer ids joined by "--" below it. */
  id: string;
  given: Given[];
  question?: Question;
  children?: { answer: Answer; node: VeiviserNode }[];
  /** Leaves: the verdict for the first sample of every answer (unasked questions: their first answer). */
  verdict?: Verdict;
  skipped?: Question[];
  /** Predicates in the leaf's trace whose value the answers given do not decide: shown as "ikke spurt". */
  undecided?: string[];
}

type Assignment = Map<string, Answer>;

function profileOf(samples: ProfilePart[]): Profile {
  const profile: Profile = { ...BASE_PROFILE };
  let foreign: Partial<ForeignEducation> = {};
  for (const { foreignEducation, ...rest } of samples) {
    Object.assign(profile, rest);
    foreign = { ...foreign, ...foreignEducation };
  }
  if (profile.educationAbroad) profile.foreignEducation = { completed: foreign.completed ?? 'full-equivalent', region: foreign.region ?? 'other' };
  return profile;
}

/**
 * What must not differ between answers merged into one leaf: the route, the verdict, the reader's
 * situation and the advice for it (all from the core's route choice, read off fit()'s trace).
 * Reasons may differ; a leaf shows those of its first samples.
 */
function signature(v: Verdict): string {
  const choice = v.trace.filter((t) => t.rule.startsWith('situation:') || t.rule.startsWith('advice:')).map((t) => t.rule);
  return `${v.route ?? '-'}|${v.verdict}|${choice.join(',')}`;
}

export function buildVeiviserTree(rules: Rules, asOf: IsoDate): { root: VeiviserNode; questions: Question[] } {
  const questions = veiviserQuestions(rules, asOf);
  const reading = authorisationGoalReading();
  const cache = new Map<string, string>();

  /** Signature of a full assignment; every combination of its answers' samples must agree. */
  const full = (assignment: Assignment): string => {
    const key = questions.map((q) => assignment.get(q.id)?.id).join('/');
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    let combos: ProfilePart[][] = [[]];
    for (const q of questions) {
      const answer = assignment.get(q.id);
      if (!answer) throw new Error(`missing answer for ${q.id}`);
      combos = combos.flatMap((c) => answer.samples.map((s) => [...c, s]));
    }
    const signatures = new Set(combos.map((c) => signature(fit(profileOf(c), reading, asOf, rules))));
    if (signatures.size !== 1) {
      throw new Error(`veiviseren: svarene ${key} gir ulike svar innenfor samme svaralternativ (${[...signatures].join(' ≠ ')}); reglene har en grense veiviseren ikke spør om`);
    }
    const only = [...signatures][0] ?? '';
    cache.set(key, only);
    return only;
  };

  const completions = (assignment: Assignment, free: Question[]): Assignment[] => {
    let out: Assignment[] = [new Map(assignment)];
    for (const q of free) out = out.flatMap((a) => q.answers.map((ans) => new Map(a).set(q.id, ans)));
    return out;
  };

  /** Does the answer to `q` change what a leaf would show, for some answers to the other free questions? */
  const matters = (assignment: Assignment, free: Question[], q: Question): boolean => {
    const others = free.filter((f) => f !== q);
    return completions(assignment, others).some((a) => new Set(q.answers.map((ans) => full(new Map(a).set(q.id, ans)))).size > 1);
  };

  /** Every profile the answers given stand for: each sample of the given answers, every answer (and sample) of the rest. */
  const consistentProfiles = (assignment: Assignment): Profile[] => {
    let combos: ProfilePart[][] = [[]];
    for (const q of questions) {
      const options = (assignment.has(q.id) ? [assignment.get(q.id)!] : q.answers).flatMap((a) => a.samples);
      combos = combos.flatMap((c) => options.map((o) => [...c, o]));
    }
    return combos.map(profileOf);
  };

  /** The predicates in a trace whose value differs between profiles the answers given stand for. */
  /** Profile fields some answer sets; a predicate reading none of them rests on defaults, never on the reader. */
  const askable = new Set(questions.flatMap((q) => q.answers.flatMap((a) => a.samples.flatMap((sample) => Object.keys(sample)))));
  const undecidedPredicates = (trace: readonly TraceEntry[], profiles: Profile[]): string[] => {
    const names = [...new Set(trace.filter((t) => t.kind === 'predicate').map((t) => t.rule.slice('predicate:'.length)))];
    return names.filter((name) => {
      const reads = getPredicate(name)?.reads ?? [];
      if (!reads.some((field) => askable.has(field))) return true;
      const values = new Set(profiles.map((profile) => evaluatePredicate(name, { profile, asOf, rules }, [])));
      return values.size > 1;
    });
  };

  const grow = (given: Given[]): VeiviserNode => {
    const assignment: Assignment = new Map(given.map((g) => [g.question.id, g.answer]));
    const free = questions.filter((q) => !assignment.has(q.id));
    const id = given.length === 0 ? 'index' : given.map((g) => g.answer.id).join('--');
    const next = free.find((q) => matters(assignment, free, q));
    if (!next) {
      const samples = questions.map((q) => (assignment.get(q.id) ?? q.answers[0])?.samples[0] ?? {});
      const verdict = fit(profileOf(samples), reading, asOf, rules);
      return { id, given, verdict, skipped: free, undecided: undecidedPredicates(verdict.trace, consistentProfiles(assignment)) };
    }
    return {
      id,
      given,
      question: next,
      children: next.answers.map((answer) => ({ answer, node: grow([...given, { question: next, answer }]) })),
    };
  };

  return { root: grow([]), questions };
}

export function nodePath(node: VeiviserNode): string {
  return `veiviser/${node.id}.html`;
}

function givenList(ctx: PageContext, node: VeiviserNode, ancestors: VeiviserNode[]): Child {
  if (node.given.length === 0) return null;
  const items = node.given.map((g, i) => {
    const askedAt = ancestors[i];
    const change = askedAt && [' ', h('a', { href: ctx.link(nodePath(askedAt)) }, 'Endre', h('span', { className: 'visually-hidden' }, ` svaret på «${g.question.text}»`))];
    return h('li', h('span', { className: 'q' }, g.question.text), ' ', h('strong', g.answer.label), change || null);
  });
  return h('section', { ariaLabelledBy: 'svar-tittel', className: 'given' }, block(h('h2', { id: 'svar-tittel' }, 'Svarene dine'), h('ul', block(items))));
}

function questionMain(ctx: PageContext, node: VeiviserNode, ancestors: VeiviserNode[], intro: Child[], title: string): Child[] {
  const question = node.question;
  if (!question) throw new Error('not a question node');
  const answers = (node.children ?? []).map(({ answer, node: child }) =>
    h('li', h('a', { href: ctx.link(nodePath(child)), dataQuestion: question.id, dataAnswer: answer.id }, answer.label)),
  );
  const heading = [h('span', { className: 'step' }, `Spørsmål ${node.given.length + 1}:`), ` ${question.text}`];
  const root = node.given.length === 0;
  return lines(
    root && h('h1', title),
    root && intro,
    h(
      'section',
      { className: 'question', ariaLabelledBy: 'sporsmal' },
      block(h(root ? 'h2' : 'h1', { id: 'sporsmal' }, heading), h('p', question.help), h('ul', { className: 'answers' }, block(answers))),
    ),
    givenList(ctx, node, ancestors),
    ctx.notesNode(),
  );
}

function traceNode(ctx: PageContext, verdict: Verdict, undecided: readonly string[]): Child {
  const routeTitles = Object.fromEntries(ctx.index.routes.map((r) => [r.id, r.title]));
  const notAsked = new Set(undecided.map((name) => `predicate:${name}`));
  const rows = traceSteps(verdict.trace, 'nb', routeTitles).map((step) => {
    const facts = joined(step.facts.map((id) => h('a', { href: ctx.link(`kilder.html#${id}`) }, id)), ', ');
    const result = notAsked.has(step.rule) ? h('em', { className: 'not-asked' }, NOT_ASKED) : h('strong', step.result);
    return h('li', { dataRule: step.rule }, `${step.text}: `, result, facts.length > 0 ? [' ', h('span', { className: 'trace-facts' }, '(', facts, ')')] : null);
  });
  return h('details', { className: 'trace' }, block(h('summary', 'Slik kom vi fram til svaret'), h('ol', block(rows))));
}

/** The reader's situation and the advice for it, as the core's route choice found them. */
function situationNode(ctx: PageContext, verdict: Verdict): Child {
  const file = 'shared/lib/route-choice.ts';
  const situation = verdict.trace.flatMap((t) => (t.kind === 'situation' ? [getSituation(t.rule.slice('situation:'.length))] : []))[0];
  const notes = verdict.trace.flatMap((t) => (t.kind === 'advice' ? [getAdviceNote(t.rule.slice('advice:'.length))] : []));
  if (!situation) return null;
  // Built in document order, so source notes are numbered as the reader meets them.
  const advice = h('p', situation.advice.nb, ctx.factRefNodes(situation.facts, { file, field: situation.id }));
  const items = notes.flatMap((n) => (n ? [h('li', n.text.nb, ctx.factRefNodes(n.facts, { file, field: n.id }))] : []));
  return h(
    'section',
    { className: 'situation', ariaLabelledBy: 'situasjon', dataSituation: situation.id },
    block(h('h2', { id: 'situasjon' }, `Din situasjon: ${situation.label.nb}`), advice, items.length > 0 && h('ul', { className: 'advice' }, block(items))),
  );
}

function leafMain(ctx: PageContext, node: VeiviserNode, ancestors: VeiviserNode[]): Child[] {
  const verdict = node.verdict;
  if (!verdict) throw new Error('not a leaf');
  const route = verdict.route ? ctx.index.routes.find((r) => r.id === verdict.route) : undefined;
  const headline = route
    ? [
        h('p', { className: 'route-answer' }, 'Din rute: ', h('a', { href: ctx.link(`ruter/${route.id}.html`) }, route.title)),
        h('p', `${route.duration}.${route.leadsToAuthorisation ? ' Målet med ruten er autorisasjon som helsesekretær.' : ''}`),
      ]
    : h(
        'p',
        { className: 'route-answer' },
        verdict.route
          ? `Din rute: ${verdict.route}`
          : verdict.verdict === 'fits'
            ? 'Du trenger ingen rute: du har det stillingen krever.'
            : 'Vi fant ingen rute som passer svarene dine. Kontakt fylkeskommunen eller Helsedirektoratet for veiledning.',
      );
  const choice = situationNode(ctx, verdict);
  const reasons = verdict.reasons.map((r) =>
    h(
      'li',
      { className: `reason reason-${r.effect}` },
      h('span', { className: 'effect' }, `${EFFECT_LABELS[r.effect].nb}:`),
      ` ${r.text}`,
      ctx.factRefNodes(r.facts, { file: 'shared/lib/reasons.ts', field: r.id }),
    ),
  );
  const skipped =
    node.skipped?.length &&
    h('p', { className: 'skipped' }, `Vi spurte ikke om ${node.skipped.map((q) => `«${q.text.replace(/\?$/, '').toLowerCase()}»`).join(', ')}, fordi svaret ikke endrer dette.`);
  return lines(
    h('h1', 'Resultat'),
    h(
      'div',
      { className: 'verdict', dataRoute: verdict.route ?? '', dataVerdict: verdict.verdict, dataAsOf: verdict.asOf },
      block(
        headline,
        choice,
        h('p', 'For en stilling som krever autorisasjon som helsesekretær: ', h('strong', VERDICT_LABELS[verdict.verdict].nb), '.'),
        h('h2', 'Hvorfor'),
        h('ul', { className: 'reasons' }, block(reasons)),
        skipped || null,
        traceNode(ctx, verdict, node.undecided ?? []),
        h('p', { className: 'as-of' }, `Vurdert etter reglene slik de gjelder ${norwegianDate(verdict.asOf)}.`),
      ),
    ),
    givenList(ctx, node, ancestors),
    h('p', h('a', { href: ctx.link('veiviser/index.html') }, 'Start veiviseren på nytt')),
    ctx.notesNode(),
  );
}

export function veiviserPage(ctx: PageContext, node: VeiviserNode, ancestors: VeiviserNode[]): PageShell {
  const introPage = ctx.index.model.pages.veiviser;
  const intro = node.given.length === 0 && introPage ? ctx.markdownNodes(introPage.body, { file: introPage.file, field: 'body' }) : [];
  const leaf = node.verdict !== undefined;
  const main = leaf ? leafMain(ctx, node, ancestors) : questionMain(ctx, node, ancestors, intro, introPage?.title ?? 'Veiviser');
  const title = leaf
    ? `Resultat: ${node.verdict?.route ? (ctx.index.routes.find((r) => r.id === node.verdict?.route)?.title ?? node.verdict.route) : 'ingen rute trengs'}`
    : node.given.length === 0
      ? 'Veiviser'
      : `Veiviser: ${node.question?.text ?? ''}`;
  return {
    path: ctx.path,
    title,
    description: 'Svar på noen spørsmål og finn veien til autorisasjon som helsesekretær.',
    main,
  };
}

/** The veiviser's decision tree, one page per node under veiviser/. */
export const veiviserPages: SitePage = {
  name: 'veiviseren',
  kind: 'page',
  folder: 'veiviser',
  embeds: 'veiviser',
  shows: [...PAGE_SHELL, { on: 'page:veiviser' }, { on: 'parameters' }, { on: 'parameter:*' }, { on: 'route:*', part: listedRoute }],
  outputs(site) {
    const out: Output[] = [];
    const walk = (node: VeiviserNode, ancestors: VeiviserNode[]): void => {
      out.push(htmlOutput(site, nodePath(node), (ctx) => veiviserPage(ctx, node, ancestors)));
      for (const child of node.children ?? []) walk(child.node, [...ancestors, node]);
    };
    walk(buildVeiviserTree(site.index.model.rules, site.index.asOf).root, []);
    return out;
  },
};

