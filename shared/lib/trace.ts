/**
 * A verdict's trace as steps a reader can follow: one line per rule, predicate or parameter that
 * decided it, in evaluation order, repeats removed. The popup and the veiviser pages both render
 * these steps, so the two faces explain a verdict the same way.
 */
import { EFFECT_LABELS, VERDICT_LABELS, type Texts } from './explain.ts';
import { getPredicate } from './predicates.ts';
import type { TraceEntry, VerdictKind } from './types.ts';

export interface TraceStep {
  /** The rule's id as evaluated, e.g. 'predicate:has-adult-right'. */
  rule: string;
  /** What was asked or read, in the reader's language. */
  text: string;
  /** What it came to, in the reader's language. */
  result: string;
  facts: string[];
}

const WORDS = {
  yes: { nb: 'ja', en: 'yes' },
  no: { nb: 'nei', en: 'no' },
  none: { nb: 'ingen', en: 'none' },
  parameter: { nb: 'Regelverdi', en: 'Parameter' },
  from: { nb: 'gjelder fra', en: 'valid from' },
  route: { nb: 'Passer veien «%» for deg', en: 'Does the route “%” fit you' },
  chosen: { nb: 'Valgt vei', en: 'Chosen route' },
  verdict: { nb: 'Svar', en: 'Answer' },
} satisfies Record<string, Texts>;

/** Names of the parameters the predicates read (see PREDICATES[].parameters); others show their id. */
export const PARAMETER_LABELS: Readonly<Record<string, Texts>> = {
  'adult-right-age': { nb: 'Alder for voksenrett', en: 'Age for the adult right to education' },
  'experience-years-fellesfag-exemption': {
    nb: 'År med praksis som gir fritak fra fellesfag',
    en: 'Years of practice that exempt from common core subjects',
  },
};

/** What a reason assessed, by the start of its id. */
const REASON_TOPICS: readonly [prefix: string, label: Texts][] = [
  ['authorisation-', { nb: 'Vurdering av autorisasjonskravet', en: 'Assessment of the authorisation requirement' }],
  ['may-apply-', { nb: 'Vurdering av autorisasjonskravet', en: 'Assessment of the authorisation requirement' }],
  ['english-', { nb: 'Vurdering av den engelske tittelen', en: 'Assessment of the English title' }],
  ['education-', { nb: 'Vurdering av utdanningskravet', en: 'Assessment of the education requirement' }],
  ['experience-', { nb: 'Vurdering av erfaringskravet', en: 'Assessment of the experience requirement' }],
  ['long-experience-', { nb: 'Vurdering av erfaringen din', en: 'Assessment of your experience' }],
  ['system-', { nb: 'Vurdering av journalsystemer', en: 'Assessment of journal systems' }],
  ['norwegian-', { nb: 'Vurdering av norskkravet', en: 'Assessment of the Norwegian requirement' }],
  ['', { nb: 'Vurdering av annonsen', en: 'Assessment of the ad' }],
];

export function traceSteps(trace: readonly TraceEntry[], lang: 'nb' | 'en', routeTitles: Readonly<Record<string, string>> = {}): TraceStep[] {
  const seen = new Set<string>();
  const steps: TraceStep[] = [];
  const yesNo = (value: unknown): string => (value === true ? WORDS.yes[lang] : value === false ? WORDS.no[lang] : JSON.stringify(value) ?? '');
  const routeName = (id: string): string => routeTitles[id] ?? id;
  for (const entry of trace) {
    const key = `${entry.rule}\u0000${JSON.stringify(entry.result)}\u0000${JSON.stringify(entry.inputs)}`;
    // Route conditions are shown through the predicates they read and the route line that follows.
    if (entry.rule === 'conditions' || seen.has(key)) continue;
    seen.add(key);
    const [kind, id = ''] = splitRule(entry.rule);
    let text: string;
    let result: string;
    switch (kind) {
      case 'predicate':
        text = getPredicate(id)?.label[lang] ?? id;
        result = yesNo(entry.result);
        break;
      case 'parameter':
        text = `${PARAMETER_LABELS[id]?.[lang] ?? `${WORDS.parameter[lang]} ${id}`}${typeof entry.inputs['validFrom'] === 'string' ? ` (${WORDS.from[lang]} ${entry.inputs['validFrom']})` : ''}`;
        result = String(entry.result);
        break;
      case 'reason':
        text = REASON_TOPICS.find(([prefix]) => id.startsWith(prefix))![1][lang];
        result = effectLabel(entry.result, lang);
        break;
      case 'route':
        text = WORDS.route[lang].replace('%', routeName(id));
        result = yesNo(entry.result);
        break;
      case 'choose-route':
        text = WORDS.chosen[lang];
        result = typeof entry.result === 'string' ? routeName(entry.result) : WORDS.none[lang];
        break;
      case 'verdict':
        text = WORDS.verdict[lang];
        result = VERDICT_LABELS[entry.result as VerdictKind]?.[lang] ?? String(entry.result);
        break;
      default:
        text = entry.rule;
        result = JSON.stringify(entry.result) ?? '';
    }
    steps.push({ rule: entry.rule, text, result, facts: [...entry.facts] });
  }
  return steps;
}

function splitRule(rule: string): [string, string?] {
  const colon = rule.indexOf(':');
  return colon < 0 ? [rule] : [rule.slice(0, colon), rule.slice(colon + 1)];
}

function effectLabel(value: unknown, lang: 'nb' | 'en'): string {
  return typeof value === 'string' && value in EFFECT_LABELS ? EFFECT_LABELS[value as keyof typeof EFFECT_LABELS][lang] : String(value);
}
