/**
 * The veiviser: a decision tree of static pages, where each answer is a link. Every leaf shows
 * fit(profile, authorisationGoalReading(), asOf, rules) for the answers given, so the guide, the
 * extension and the CLI cannot disagree. Questions whose answer would not change what the leaf
 * shows are not asked.
 */
import { type IsoDate, type Profile, type Rules, type Verdict, authorisationGoalReading, defaultProfile, fit, parameterAt, yearOf, EFFECT_LABELS, VERDICT_LABELS, traceSteps } from '../../../shared/index.ts';
import type { PageShell } from './layout.ts';
import { esc, norwegianDate } from './layout.ts';
import { PageContext } from './common.ts';

export interface Answer {
  id: string;
  label: string;
  /** Profiles this answer stands for; the first is the one a leaf shows, all must agree. */
  samples: Partial<Profile>[];
}

export interface Question {
  id: string;
  text: string;
  help: string;
  answers: Answer[];
}

const BASE_PROFILE: Profile = defaultProfile();

function numberParameter(rules: Rules, id: string, asOf: IsoDate): number {
  const reading = parameterAt(rules, id, asOf);
  if (!reading || typeof reading.value !== 'number') throw new Error(`veiviseren trenger parameteren «${id}» (et tall) for ${asOf}`);
  return reading.value;
}

/** The questions, in the order they are asked; age and experience brackets come from the rule parameters. */
export function veiviserQuestions(rules: Rules, asOf: IsoDate): Question[] {
  const year = yearOf(asOf);
  const adultAge = numberParameter(rules, 'adult-right-age', asOf);
  const longYears = numberParameter(rules, 'experience-years-fellesfag-exemption', asOf);
  const lastAdultYear = year - adultAge;
  return [
    {
      id: 'autorisasjon',
      text: 'Har du autorisasjon som helsesekretær?',
      help: 'Autorisasjonen gis av Helsedirektoratet og står i Helsepersonellregisteret.',
      answers: [
        { id: 'autorisert', label: 'Ja, jeg er autorisert helsesekretær', samples: [{ authorisedHelsesekretaer: true }] },
        { id: 'ikke-autorisert', label: 'Nei', samples: [{ authorisedHelsesekretaer: false }] },
      ],
    },
    {
      id: 'utland',
      text: 'Tok du helsesekretærutdanningen (eller tilsvarende) i utlandet?',
      help: 'Utdanning fra utlandet må godkjennes av Helsedirektoratet.',
      answers: [
        { id: 'utland', label: 'Ja, i utlandet', samples: [{ educationAbroad: true }] },
        { id: 'norge', label: 'Nei, i Norge, eller jeg har ingen slik utdanning', samples: [{ educationAbroad: false }] },
      ],
    },
    {
      id: 'utdanning',
      text: 'Hva har du fullført av utdanning?',
      help: 'Velg det høyeste du har fullført.',
      answers: [
        { id: 'ingen', label: 'Ingenting av dette ennå', samples: [{ completed: [] }] },
        { id: 'vg1', label: 'Vg1 helse- og oppvekstfag', samples: [{ completed: ['vg1-helse-oppvekst'] }] },
        { id: 'vg2', label: 'Vg1 helse- og oppvekstfag og Vg2 helseservicefag', samples: [{ completed: ['vg1-helse-oppvekst', 'vg2-helseservice'] }] },
        {
          id: 'vg3',
          label: 'Vg3 helsesekretær, med vitnemål',
          samples: [{ completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'] }],
        },
        { id: 'medsek', label: 'Kurs eller utdanning som medisinsk sekretær', samples: [{ completed: ['medisinsk-sekretaer-course'] }] },
      ],
    },
    {
      id: 'alder',
      text: 'Hvilket år er du født?',
      help: `Retten til videregående opplæring for voksne gjelder fra og med det året du fyller ${adultAge} år.`,
      answers: [
        {
          id: 'voksen',
          label: `I ${lastAdultYear} eller før (du fyller ${adultAge} i ${year} eller er eldre)`,
          samples: [{ birthYear: lastAdultYear }, { birthYear: lastAdultYear - 40 }],
        },
        {
          id: 'yngre',
          label: `I ${lastAdultYear + 1} eller senere`,
          samples: [{ birthYear: lastAdultYear + 1 }, { birthYear: year - 16 }],
        },
      ],
    },
    {
      id: 'erfaring',
      text: 'Hvor mange år har du jobbet som sekretær i helsetjenesten?',
      help: 'Regn med jobb som medisinsk sekretær, legesekretær og lignende.',
      answers: [
        { id: 'erfaring-0', label: 'Under ett år', samples: [{ yearsAsSecretaryInHealth: 0 }] },
        {
          id: `erfaring-1-${longYears - 1}`,
          label: `1–${longYears - 1} år`,
          samples: [{ yearsAsSecretaryInHealth: 1 }, { yearsAsSecretaryInHealth: longYears - 1 }],
        },
        {
          id: `erfaring-${longYears}`,
          label: `${longYears} år eller mer`,
          samples: [{ yearsAsSecretaryInHealth: longYears }, { yearsAsSecretaryInHealth: longYears + 25 }],
        },
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
}

type Assignment = Map<string, Answer>;

function profileOf(samples: Partial<Profile>[]): Profile {
  return Object.assign({ ...BASE_PROFILE }, ...samples) as Profile;
}

/**
 * What must not differ between answers merged into one leaf: the route and the verdict. Reasons
 * may (e.g. an info note for long experience); a leaf shows those of its first samples and says
 * which questions it did not ask.
 */
function signature(v: Verdict): string {
  return `${v.route ?? '-'}|${v.verdict}`;
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
    let combos: Partial<Profile>[][] = [[]];
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

  const grow = (given: Given[]): VeiviserNode => {
    const assignment: Assignment = new Map(given.map((g) => [g.question.id, g.answer]));
    const free = questions.filter((q) => !assignment.has(q.id));
    const id = given.length === 0 ? 'index' : given.map((g) => g.answer.id).join('--');
    const next = free.find((q) => matters(assignment, free, q));
    if (!next) {
      const samples = questions.map((q) => (assignment.get(q.id) ?? q.answers[0])?.samples[0] ?? {});
      return { id, given, verdict: fit(profileOf(samples), reading, asOf, rules), skipped: free };
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

function givenList(ctx: PageContext, node: VeiviserNode, ancestors: VeiviserNode[]): string {
  if (node.given.length === 0) return '';
  const items = node.given.map((g, i) => {
    const askedAt = ancestors[i];
    const change = askedAt ? ` <a href="${ctx.href(nodePath(askedAt))}">Endre<span class="visually-hidden"> svaret på «${esc(g.question.text)}»</span></a>` : '';
    return `<li><span class="q">${esc(g.question.text)}</span> <strong>${esc(g.answer.label)}</strong>${change}</li>`;
  });
  return `<section aria-labelledby="svar-tittel" class="given">\n<h2 id="svar-tittel">Svarene dine</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>`;
}

function questionMain(ctx: PageContext, node: VeiviserNode, ancestors: VeiviserNode[], intro: string, title: string): string {
  const question = node.question;
  if (!question) throw new Error('not a question node');
  const answers = (node.children ?? [])
    .map(
      ({ answer, node: child }) =>
        `<li><a href="${ctx.href(nodePath(child))}" data-question="${esc(question.id)}" data-answer="${esc(answer.id)}">${esc(answer.label)}</a></li>`,
    )
    .join('\n');
  const step = node.given.length + 1;
  const heading = `<span class="step">Spørsmål ${step}:</span> ${esc(question.text)}`;
  const root = node.given.length === 0;
  return `${root ? `<h1>${esc(title)}</h1>\n${intro}\n` : ''}<section class="question" aria-labelledby="sporsmal">
${root ? `<h2 id="sporsmal">${heading}</h2>` : `<h1 id="sporsmal">${heading}</h1>`}
<p>${esc(question.help)}</p>
<ul class="answers">
${answers}
</ul>
</section>
${givenList(ctx, node, ancestors)}
${ctx.notesSection()}`;
}

function traceHtml(ctx: PageContext, verdict: Verdict): string {
  const routeTitles = Object.fromEntries(ctx.index.routes.map((r) => [r.id, r.title]));
  const rows = traceSteps(verdict.trace, 'nb', routeTitles).map((step) => {
    const facts = step.facts.map((id) => `<a href="${ctx.href(`kilder.html#${id}`)}">${esc(id)}</a>`).join(', ');
    return `<li data-rule="${esc(step.rule)}">${esc(step.text)}: <strong>${esc(step.result)}</strong>${facts ? ` <span class="trace-facts">(${facts})</span>` : ''}</li>`;
  });
  return `<details class="trace">\n<summary>Slik kom vi fram til svaret</summary>\n<ol>\n${rows.join('\n')}\n</ol>\n</details>`;
}

function leafMain(ctx: PageContext, node: VeiviserNode, ancestors: VeiviserNode[]): string {
  const verdict = node.verdict;
  if (!verdict) throw new Error('not a leaf');
  const route = verdict.route ? ctx.index.routes.find((r) => r.id === verdict.route) : undefined;
  const headline = route
    ? `<p class="route-answer">Din rute: <a href="${ctx.href(`ruter/${route.id}.html`)}">${esc(route.title)}</a></p>\n<p>${esc(route.duration)}. ${route.leadsToAuthorisation ? 'Ruten gir autorisasjon som helsesekretær.' : 'Ruten gir ikke autorisasjon.'}</p>`
    : verdict.route
      ? `<p class="route-answer">Din rute: ${esc(verdict.route)}</p>`
      : verdict.verdict === 'fits'
        ? '<p class="route-answer">Du trenger ingen rute: du har det stillingen krever.</p>'
        : '<p class="route-answer">Vi fant ingen rute som passer svarene dine. Kontakt fylkeskommunen eller Helsedirektoratet for veiledning.</p>';
  const reasons = verdict.reasons
    .map((r) => `<li class="reason reason-${r.effect}"><span class="effect">${esc(EFFECT_LABELS[r.effect].nb)}:</span> ${esc(r.text)}${ctx.factRefs(r.facts, { file: 'shared/lib/reasons.ts', field: r.id })}</li>`)
    .join('\n');
  const skipped = node.skipped?.length
    ? `<p class="skipped">Vi spurte ikke om ${node.skipped.map((q) => `«${esc(q.text.replace(/\?$/, '').toLowerCase())}»`).join(', ')}, fordi svaret ikke endrer dette.</p>`
    : '';
  return `<h1>Resultat</h1>
<div class="verdict" data-route="${esc(verdict.route ?? '')}" data-verdict="${esc(verdict.verdict)}" data-as-of="${esc(verdict.asOf)}">
${headline}
<p>For en stilling som krever autorisasjon som helsesekretær: <strong>${esc(VERDICT_LABELS[verdict.verdict].nb)}</strong>.</p>
<h2>Hvorfor</h2>
<ul class="reasons">
${reasons}
</ul>
${skipped}
${traceHtml(ctx, verdict)}
<p class="as-of">Vurdert etter reglene slik de gjelder ${esc(norwegianDate(verdict.asOf))}.</p>
</div>
${givenList(ctx, node, ancestors)}
<p><a href="${ctx.href('veiviser/index.html')}">Start veiviseren på nytt</a></p>
${ctx.notesSection()}`;
}

export function veiviserPage(ctx: PageContext, node: VeiviserNode, ancestors: VeiviserNode[]): PageShell {
  const introPage = ctx.index.model.pages.veiviser;
  const intro = node.given.length === 0 && introPage ? ctx.markdown(introPage.body, { file: introPage.file, field: 'body' }) : '';
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
