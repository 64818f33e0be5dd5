/**
 * The contract between the rules core and its two faces. Plain data only: everything here
 * survives JSON.stringify / structuredClone, so the extension can pass it between contexts
 * and the generator can bundle it.
 */

/** Canonical ids of the three titles. */
export type TitleId = 'helsesekretaer' | 'medisinsk-sekretaer' | 'legesekretaer';
export const TITLE_IDS: readonly TitleId[] = ['helsesekretaer', 'medisinsk-sekretaer', 'legesekretaer'];

/** Related hospital titles: the same kind of work, never reported as a match. */
export type RelatedTitleId = 'spesialsekretaer' | 'forstesekretaer' | 'postsekretaer' | 'kontorfaglig-medarbeider';

/** Offsets are UTF-16 code-unit indices into AdSource.text, end exclusive (like String#slice). */
export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  title: TitleId;
  /** Exactly AdSource.text.slice(start, end): may contain soft hyphens, line breaks, hyphens. */
  text: string;
}

export interface RelatedMention extends Span {
  title: RelatedTitleId;
  text: string;
}

export type BlockKind = 'title' | 'heading' | 'paragraph' | 'list-item';

/** One block of the ad's text, in reading order. */
export interface Block extends Span {
  kind: BlockKind;
  /** Heading level 1-6 for headings, 0 otherwise. */
  level: number;
}

/**
 * What the reader needs from a page, already reduced to plain data. The extension builds it from
 * the DOM, the CLI from HTML or text; the core never sees a DOM.
 * `text` is the whole visible ad text; blocks are non-overlapping spans of it, joined by "\n".
 */
export interface AdSource {
  text: string;
  blocks: Block[];
  /** schema.org JobPosting objects found on the page (already JSON.parsed, untrusted). */
  jobPostings: unknown[];
  /** Set when the page shows many ads (a search result or list), by an adapter or the reader. */
  listingHint?: boolean;
}

/** A piece of the ad quoted as evidence: the exact sentence or list item and its offsets. */
export interface Evidence extends Span {
  text: string;
}

export type AuthorisationLevel = 'required' | 'preferred' | 'not-required' | 'not-mentioned';
export type Strength = 'required' | 'preferred';

export type EducationKind = 'helsesekretaer-education' | 'medisinsk-sekretaer-course' | 'other';

export interface EducationRequirement {
  strength: Strength;
  /** Accepted alternatives: meeting any one of them meets the requirement. */
  accepts: EducationKind[];
  /** "eller tilsvarende" / "or equivalent" present. */
  orEquivalent: boolean;
  /** "… eller N års erfaring" in the same sentence: the years meet the requirement too. */
  orExperience?: AlternativeExperience;
  evidence: Evidence;
}

/** Years of experience named as the other side of an "A eller B" requirement. */
export interface AlternativeExperience {
  years: number;
  strength: Strength;
}

export interface AdReading {
  mentions: Mention[];
  /** The sentence, list item or title line of the first mention: what a reason about the title quotes. */
  titleEvidence?: Evidence;
  related: RelatedMention[];
  /** The job itself is one of the three titles (not merely mentioned). */
  isTargetJob: boolean;
  /** The page lists many ads rather than showing one. */
  listing: boolean;
  authorisation: {
    level: AuthorisationLevel;
    evidence: Evidence | null;
    /** For 'preferred' because of alternatives: the accepted alternative title ids, if any. */
    alternatives: TitleId[];
    /** "Autorisasjon som helsesekretær eller minst N års erfaring": the years meet it too. */
    orExperience?: AlternativeExperience;
  };
  education: EducationRequirement[];
  minYearsExperience: { years: number; strength: Strength; evidence: Evidence } | null;
  systems: { name: string; evidence: Evidence }[];
  norwegian: Evidence | null;
  /** Language the ad is written in. */
  language: 'nb' | 'nn' | 'en';
}

/** Education steps a reader may have completed. */
export type CourseId = 'vg1-helse-oppvekst' | 'vg2-helseservice' | 'vg3-helsesekretaer' | 'medisinsk-sekretaer-course';
export const COURSE_IDS: readonly CourseId[] = [
  'vg1-helse-oppvekst',
  'vg2-helseservice',
  'vg3-helsesekretaer',
  'medisinsk-sekretaer-course',
];

/** How far the education abroad went: a completed helsesekretær equivalent, part of one, or a completed medical-secretary education. */
export type ForeignCompletion = 'full-equivalent' | 'partial' | 'medical-secretary';
export const FOREIGN_COMPLETIONS: readonly ForeignCompletion[] = ['full-equivalent', 'partial', 'medical-secretary'];
/** Where the education abroad was taken; decides fees, processing time and tilleggskrav (F-15, F-16, F-48–F-50). */
export type ForeignRegion = 'nordic' | 'eu-eea' | 'uk' | 'switzerland' | 'other';
export const FOREIGN_REGIONS: readonly ForeignRegion[] = ['nordic', 'eu-eea', 'uk', 'switzerland', 'other'];

export interface ForeignEducation {
  completed: ForeignCompletion;
  region: ForeignRegion;
}

export interface Profile {
  birthYear: number;
  authorisedHelsesekretaer: boolean;
  /** Norwegian education only: a Norwegian Vg3 vitnemål decides even after schooling abroad (F-38). */
  completed: CourseId[];
  yearsAsSecretaryInHealth: number;
  educationAbroad: boolean;
  systems: string[];
  /** Read only when educationAbroad; missing means { full-equivalent, other } (the meaning before it existed). */
  foreignEducation?: ForeignEducation;
  /** Upper secondary completed otherwise (fagbrev, studiekompetanse, other yrkeskompetanse, approved foreign); missing = false. Decides voksenrett (F-24). */
  otherUpperSecondaryCompleted?: boolean;
  /** Years of any work (F-22, fellesfag exemption); missing = yearsAsSecretaryInHealth. */
  yearsOfWork?: number;
}

/** A source a fact rests on. */
export interface Source {
  title: string;
  url?: string;
  publisher: string;
}

/** ISO date YYYY-MM-DD. */
export type IsoDate = string;

export interface Fact {
  id: string; // "F-10"
  statement: string; // Norwegian, plain text
  sources: Source[];
  checked: IsoDate;
  validFrom?: IsoDate;
  validTo?: IsoDate;
  confidence: 'high' | 'medium-high' | 'medium' | 'unverified';
}

/** A rule parameter, OpenFisca style: values that change over time, each with its legal source. */
export interface Parameter {
  id: string; // "adult-right-age"
  description: string;
  /**
   * `from`/`to` bound where the value is known to hold. `checked` set: `from` is only the date the
   * value was read in a source (shown as "kontrollert"), not the date a rule began ("gjelder fra").
   */
  values: { from: IsoDate; to?: IsoDate; checked?: IsoDate; value: number | string | boolean }[];
  facts: string[];
}

/**
 * Conditions on the reader's situation in named predicates (shared/lib/predicates.ts), e.g.
 * `{ all: [has-vg1, has-vg2], none: [has-vg3] }`. The situations in shared/lib/route-choice.ts
 * are written in them.
 */
export interface RouteConditions {
  all?: string[];
  any?: string[];
  none?: string[];
}

export interface RouteStep {
  id: string;
  title: string; // Norwegian
  titleEn: string; // English, for the popup
  /** LK20 subject codes, e.g. ["HSE3005", "HSE3008"]. */
  subjectCodes: string[];
  description: string; // Markdown
  facts: string[];
}

/**
 * A route's content. Which reader it is for is not here: shared/lib/route-choice.ts chooses the
 * route from the reader's situation, so the editor's files cannot contradict the rules.
 */
export interface Route {
  id: string; // 'vgs-full' | 'vg3-direct' | 'adult-rkv-vg3' | 'apply-authorisation' | 'foreign-education' | 'medsek-course' | 'licence-after-80'
  title: string; // Norwegian
  titleEn: string;
  /** Display order on the site (lower first). */
  priority: number;
  /** Norwegian: who the route is for, in the reader's words (the route page's "Hvem ruten passer for"). */
  audience: string;
  steps: RouteStep[];
  duration: string; // Norwegian, e.g. "3 år"
  durationEn: string;
  cost: string; // Norwegian, e.g. "Gratis i offentlig skole; gebyr 750 kr for autorisasjon"
  costEn: string;
  leadsToAuthorisation: boolean;
  facts: string[];
  /** Markdown body (the generator renders it; the core never does). */
  body: string;
}

export interface Rules {
  facts: Fact[];
  parameters: Parameter[];
  routes: Route[];
}

export type VerdictKind = 'fits' | 'fits-with-caveats' | 'not-yet' | 'cannot-tell';

export interface Reason {
  /** Stable id, e.g. 'authorisation-required-missing'. */
  id: string;
  /** 'unmet' blocks, 'caveat' lowers to fits-with-caveats, 'met' and 'info' explain. */
  effect: 'met' | 'unmet' | 'caveat' | 'info';
  /** Norwegian bokmål text for the reader. */
  text: string;
  /** English text (the extension shows it where the browser is not Norwegian). */
  textEn: string;
  evidence: Evidence | null;
  facts: string[];
}

/** What a trace entry records; `rule` is `kind:id` for kinds with an id, else the kind itself. */
export type TraceKind = 'predicate' | 'parameter' | 'conditions' | 'route' | 'situation' | 'advice' | 'choose-route' | 'reason' | 'requirement' | 'verdict';

export interface TraceEntry {
  kind: TraceKind;
  /** The rule, predicate or parameter evaluated, e.g. 'predicate:has-adult-right' (also a stable hook for the faces). */
  rule: string;
  /** Inputs it read and the value it produced. */
  inputs: Record<string, unknown>;
  result: unknown;
  facts: string[];
}

export interface Verdict {
  verdict: VerdictKind;
  reasons: Reason[];
  /** The route that closes the gap, or null where there is none to close (or nothing to say). */
  route: string | null;
  trace: TraceEntry[];
  asOf: IsoDate;
}
