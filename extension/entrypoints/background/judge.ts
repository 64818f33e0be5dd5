import { type AdReading, type AdSource, type Profile, type Rules, type Verdict, fit, readAd } from '../../../shared/index.ts';
import { withPageKind } from '../../utils/page-kind.ts';
import type { PageInfo } from '../../utils/page-info.ts';

/** Today's date where the reader is (rules change on calendar dates, not UTC instants). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The verdict for a reading, or null when there is nothing to judge (no profile, no target ad, a listing). */
export function judge(rules: Rules, profile: Profile | null, reading: AdReading, asOf = todayIso()): Verdict | null {
  if (!profile || !reading.isTargetJob || reading.listing) return null;
  try {
    return fit(profile, reading, asOf, rules);
  } catch (error) {
    console.error('Sekretærsjekk: fit failed', error);
    return null;
  }
}

/**
 * The reading of a page's AdSource, without the source itself (the state keeps only what it
 * needs). The content script knows the page kind: a listing's or a non-ad page's text gets no verdict.
 */
export function readSource(source: AdSource, sent?: PageInfo): { reading: AdReading; info: PageInfo | undefined } {
  const { source: _source, ...reading } = readAd(source);
  const info = sent && withPageKind(sent, source);
  if (info?.kind === 'listing') Object.assign(reading, { listing: true, isTargetJob: false });
  if (info?.kind === 'not-ad') reading.isTargetJob = false;
  return { reading, info };
}
