/**
 * The words around a verdict: labels for verdicts and effects, and the names of titles and
 * educations that reason texts (reasons.ts) are built from, in bokmål and English.
 */
import type { EducationKind, TitleId, VerdictKind } from './types.ts';

export type Texts = { nb: string; en: string };

const TITLE_NAMES: Record<TitleId, Texts> = {
  helsesekretaer: { nb: 'helsesekretær', en: 'health secretary (helsesekretær)' },
  'medisinsk-sekretaer': { nb: 'medisinsk sekretær', en: 'medical secretary' },
  legesekretaer: { nb: 'legesekretær', en: "physician's secretary (legesekretær)" },
};

const EDUCATION_NAMES: Record<EducationKind, Texts> = {
  'helsesekretaer-education': { nb: 'helsesekretærutdanning', en: 'health secretary education' },
  'medisinsk-sekretaer-course': { nb: 'utdanning som medisinsk sekretær', en: 'medical secretary training' },
  other: { nb: 'annen utdanning', en: 'other education' },
};

function list(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export function educationNames(kinds: EducationKind[]): Texts {
  return {
    nb: list(kinds.map((k) => EDUCATION_NAMES[k].nb), 'eller'),
    en: list(kinds.map((k) => EDUCATION_NAMES[k].en), 'or'),
  };
}

export function titleNames(titles: TitleId[]): Texts {
  return {
    nb: list(titles.map((t) => TITLE_NAMES[t].nb), 'eller'),
    en: list(titles.map((t) => TITLE_NAMES[t].en), 'or'),
  };
}

export const VERDICT_LABELS: Record<VerdictKind, Texts> = {
  fits: { nb: 'Passer', en: 'Fits' },
  'fits-with-caveats': { nb: 'Passer, med forbehold', en: 'Fits, with caveats' },
  'not-yet': { nb: 'Passer ikke ennå', en: 'Not yet' },
  'cannot-tell': { nb: 'Kan ikke avgjøre', en: 'Cannot tell' },
};

export const EFFECT_LABELS = {
  met: { nb: 'oppfylt', en: 'met' },
  unmet: { nb: 'mangler', en: 'missing' },
  caveat: { nb: 'forbehold', en: 'caveat' },
  info: { nb: 'info', en: 'info' },
} as const satisfies Record<string, Texts>;
