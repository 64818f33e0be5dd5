/**
 * A verdict's trace as steps a reader can follow: one line per rule, predicate or parameter that
 * decided it, in evaluation order, repeats removed. The popup and the veiviser pages both render
 * these steps, so the two faces explain a verdict the same way.
 */
import { EFFECT_LABELS, VERDICT_LABELS, type Texts } from './explain.ts';
import { getPredicate } from './predicates.ts';
import { getReason, REASON_TOPICS } from './reasons.ts';
import { getAdviceNote, getSituation } from './route-choice.ts';
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
  checked: { nb: 'kontrollert', en: 'checked' },
  route: { nb: 'Passer veien «%» for deg', en: 'Does the route “%” fit you' },
  chosen: { nb: 'Valgt vei', en: 'Chosen route' },
  situation: { nb: 'Situasjonen din', en: 'Your situation' },
  advice: { nb: 'Råd for situasjonen', en: 'Advice for your situation' },
  verdict: { nb: 'Svar', en: 'Answer' },
} satisfies Record<string, Texts>;

/** Names of the parameters the predicates read (see PREDICATES[].parameters); others show their id. */
export const PARAMETER_LABELS: Readonly<Record<string, Texts>> = {
  'adult-right-age': { nb: 'Alder for voksenrett', en: 'Age for the adult right to education' },
  'authorisation-valid-until-age': { nb: 'Alder autorisasjonen gjelder til', en: 'Age the authorisation lasts until' },
  'experience-years-fellesfag-exemption': {
    nb: 'År med praksis som gir fritak fra fellesfag',
    en: 'Years of practice that exempt from common core subjects',
  },
};

/** What a requirement check (kind 'requirement') weighed. */
const REQUIREMENT_LABELS: Readonly<Record<string, Texts>> = {
  'experience-years': { nb: 'Har du så mange års erfaring som annonsen ber om', en: 'Do you have the years of experience the ad asks for' },
  alternatives: { nb: 'Oppfyller du ett av alternativene i kravet', en: 'Do you meet one of the alternatives in the requirement' },
};

export function traceSteps(trace: readonly TraceEntry[], lang: 'nb' | 'en', routeTitles: Readonly<Record<string, string>> = {}): TraceStep[] {
  const seen = new Set<string>();
  const steps: TraceStep[] = [];
  const yesNo = (value: unknown): string => (value === true ? WORDS.yes[lang] : value === false ? WORDS.no[lang] : JSON.stringify(value) ?? '');
  const routeName = (id: string): string => routeTitles[id] ?? id;
  for (const entry of trace) {
    const key = `${entry.rule}\u0000${JSON.stringify(entry.result)}\u0000${JSON.stringify(entry.inputs)}`;
    // Route conditions are shown through the predicates they read and the route line that follows.
    if (entry.kind === 'conditions' || seen.has(key)) continue;
    seen.add(key);
    const id = entry.rule.startsWith(`${entry.kind}:`) ? entry.rule.slice(entry.kind.length + 1) : '';
    let text: string;
    let result: string;
    switch (entry.kind) {
      case 'predicate':
        text = getPredicate(id)?.label[lang] ?? id;
        result = yesNo(entry.result);
        break;
      case 'parameter':
        text = `${PARAMETER_LABELS[id]?.[lang] ?? `${WORDS.parameter[lang]} ${id}`}${
          typeof entry.inputs['checked'] === 'string'
            ? ` (${WORDS.checked[lang]} ${entry.inputs['checked']})`
            : typeof entry.inputs['validFrom'] === 'string'
              ? ` (${WORDS.from[lang]} ${entry.inputs['validFrom']})`
              : ''
        }`;
        result = String(entry.result);
        break;
      case 'reason':
        text = REASON_TOPICS[getReason(id)?.topic ?? 'ad'][lang];
        result = effectLabel(entry.result, lang);
        break;
      case 'requirement':
        text = REQUIREMENT_LABELS[id]?.[lang] ?? id;
        result = typeof entry.result === 'string' ? WORDS.yes[lang] : yesNo(entry.result);
        break;
      case 'route':
        text = WORDS.route[lang].replace('%', routeName(id));
        result = yesNo(entry.result);
        break;
      case 'situation':
        text = WORDS.situation[lang];
        result = getSituation(id)?.label[lang] ?? id;
        break;
      case 'advice':
        text = WORDS.advice[lang];
        result = getAdviceNote(id)?.text[lang] ?? id;
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

function effectLabel(value: unknown, lang: 'nb' | 'en'): string {
  return typeof value === 'string' && value in EFFECT_LABELS ? EFFECT_LABELS[value as keyof typeof EFFECT_LABELS][lang] : String(value);
}
