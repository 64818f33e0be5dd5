import type { AdSource } from '../../shared/index.ts';
import type { PageInfo } from './page-info.ts';

/**
 * A job ad says how to apply, by when, or what position it is; an article, interview, union or
 * school page that talks about the titles says none of that (bokmål, nynorsk, English).
 */
const AD_SIGNAL = new RegExp(
  [
    // deadline and how to apply
    'søknadsfrist|frist for søknad|søk på stilling|søk her|søk nå|send (?:inn )?(?:din )?søknad|søknad sendes|application deadline|apply (?:now|here|by)|how to apply',
    // the position
    'stillingsprosent|stillingsstørrelse|\\d{1,3}\\s?%\\s?(?:fast|stilling|vikariat|engasjement)|fast stilling|fast tilsetting|vikariat|engasjementsstilling|heltid|deltid|tiltredelse|ledig stilling|ledige stillinger|har ledig|full[- ]time|part[- ]time|permanent position',
    // an ad's own sections and its lead
    'kvalifikasjon(?:er|ar)|arbeidsoppg[aå]ver|personlige egenskaper|vi tilbyr|qualifications|responsibilities|what we offer|^(?:vi )?søk(?:er|jer)\\b|vi søk(?:er|jer)|we are (?:looking for|hiring)',
  ].join('|'),
  'im',
);

/** Whether a page read by the generic reader is a job ad at all (a JobPosting, or the signals above). */
export function looksLikeAd(text: string, jobPostings: readonly unknown[]): boolean {
  return jobPostings.length > 0 || AD_SIGNAL.test(text);
}

/**
 * The page kind the background keeps: a page the generic reader read (not a board's ad, not an
 * adapter miss) that has no JobPosting and none of the signals above is not a job ad. Here, not in
 * the content script, to keep that small.
 */
export function withPageKind(info: PageInfo, source: Pick<AdSource, 'text' | 'jobPostings'>): PageInfo {
  if (info.kind !== 'ad' || info.adapter !== 'generic' || info.miss || looksLikeAd(source.text, source.jobPostings)) return info;
  return { ...info, kind: 'not-ad' };
}
