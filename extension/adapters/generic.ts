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

/** schema.org JobPosting objects from the page's JSON-LD (top level, arrays and @graph). Untrusted data. */
export function collectJobPostings(doc: Document, limit = 10): unknown[] {
  const found: unknown[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (found.length >= limit || depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const type = record['@type'];
    if (type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'))) found.push(record);
    else if (record['@graph']) visit(record['@graph'], depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const json = script.textContent ?? '';
    if (json.length > 500_000) continue;
    try {
      visit(JSON.parse(json), 0);
    } catch {
      // A page's broken JSON-LD is its own problem; the DOM text is still read.
    }
  }
  return found;
}
