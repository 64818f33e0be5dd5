import { findJobPostings, isJsonLdType, MAX_JOB_POSTINGS, parseJsonLd } from '../../shared/content-script.ts';
import type { AdLocation } from './types.ts';

/**
 * Any other page: the main landmark (or the first article, or the body). The page's JobPosting
 * JSON-LD, when present, is read before the DOM (by the rules core).
 */
export function genericLocation(doc: Document): Omit<AdLocation, 'exclude'> | null {
  const root = doc.querySelector('main, [role="main"]') ?? doc.querySelector('article') ?? doc.body;
  if (!root) return null;
  return { roots: [root], title: root.querySelector('h1') ?? doc.querySelector('h1'), listing: false };
}

/**
 * schema.org JobPosting objects from the page's JSON-LD scripts (untrusted data). The search
 * inside each script's JSON is the rules core's findJobPostings, as for HTML read by the core.
 */
export function collectJobPostings(doc: Document, limit = MAX_JOB_POSTINGS): unknown[] {
  const found: unknown[] = [];
  for (const script of doc.querySelectorAll('script')) {
    if (found.length >= limit) break;
    if (!isJsonLdType(script.getAttribute('type'))) continue;
    const json = script.textContent ?? '';
    if (json.length > 500_000) continue;
    // A page's broken JSON-LD is its own problem (parseJsonLd gives undefined); the DOM text is still read.
    found.push(...findJobPostings(parseJsonLd(json), limit - found.length));
  }
  return found;
}
