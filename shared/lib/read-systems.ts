/**
 * Journal / patient systems named in the ad (facts.md, "Words in job ads", and other EPJ systems
 * used in Norway): DIPS (Arena, Classic), CGM (Allmenn, Journal), Infodoc (Plenario), System X,
 * WinMed, WebMed, Pridok, Profdoc, Gerica, Visma Profil, CosDoc, Opus (Opus Dental, tannhelse),
 * Helseplattformen / Epic, Docu Live.
 * Names are matched at word edges; brand capitals are required where the lower-case word means
 * something else ("dips", "system x-ray"). A system is reported by its family name ("CGM" for
 * "CGM Allmenn" and "CGM Journal", "DIPS" for "DIPS Arena", "Infodoc" for "Infodoc Plenario"):
 * that is the name a reader's profile lists. Docu Live keeps its "Patologi" (a different product:
 * the pathology laboratory system, corpus 004). Evidence is the first sentence or list item naming it.
 */
import type { AdReading } from './types.ts';
import { evidenceOf, MAX_MATCHES_PER_UNIT, type Doc } from './read-units.ts';
import { rx } from './read-regex.ts';

interface SystemPattern {
  family: string;
  /** Pieces of the name, one of which any match has, lower-cased, in `Unit.plain`: a cheap test
   * before the pattern. A case-insensitive pattern also matches "ſ" (long s) for "s", which
   * lower-cases to itself: the hints of those patterns have no "s". */
  hint: string[];
  re: RegExp;
  /** Canonical name, given the matched text. */
  name: (m: RegExpExecArray) => string;
  /** Whether `name` can give more than the family name (a later, more specific mention renames it). */
  specific?: boolean;
}

const SYSTEMS: SystemPattern[] = [
  { family: 'DIPS', hint: ['dips'], re: rx('\\b(?:DIPS|Dips)\\b', 'g'), name: () => 'DIPS' },
  {
    family: 'CGM',
    hint: ['cgm'],
    re: rx('\\bCGM(?:[ -](allmenn|journal|vision|ehelse))?\\b', 'gi'),
    name: () => 'CGM',
  },
  { family: 'Infodoc', hint: ['infodoc', 'plenario'], re: rx('\\binfodoc(?: (plenario))?\\b|\\b(plenario)\\b', 'gi'), name: () => 'Infodoc' },
  { family: 'System X', hint: ['system'], re: rx('\\bSystem ?X\\b(?![-\\p{L}])', 'g'), name: () => 'System X' },
  { family: 'WinMed', hint: ['winmed'], re: rx('\\bwinmed ?\\d?\\b', 'gi'), name: () => 'WinMed' },
  { family: 'WebMed', hint: ['webmed'], re: rx('\\bwebmed\\b', 'gi'), name: () => 'WebMed' },
  { family: 'Pridok', hint: ['prido'], re: rx('\\bpridok\\b', 'gi'), name: () => 'Pridok' },
  { family: 'Profdoc', hint: ['profdoc'], re: rx('\\bprofdoc(?: vision)?\\b', 'gi'), name: () => 'Profdoc' },
  { family: 'Gerica', hint: ['gerica'], re: rx('\\bgerica\\b', 'gi'), name: () => 'Gerica' },
  { family: 'Visma Profil', hint: ['profil'], re: rx('\\bvisma profil\\b', 'gi'), name: () => 'Visma Profil' },
  { family: 'CosDoc', hint: ['doc'], re: rx('\\bcosdoc\\b', 'gi'), name: () => 'CosDoc' },
  // Brand capitals: "opus" and "epic" are words too.
  { family: 'Opus', hint: ['opus'], re: rx('\\bOpus(?: Dental)?\\b', 'g'), name: () => 'Opus' },
  { family: 'Helseplattformen', hint: ['plattform', 'epic'], re: rx('\\b(?:[Hh]elseplattformen|HELSEPLATTFORMEN|Epic|EPIC)\\b', 'g'), name: () => 'Helseplattformen' },
  {
    family: 'Docu Live',
    hint: ['docu'],
    re: rx('\\bdocu ?live(?: (patologi))?\\b', 'gi'),
    name: (m) => (m[1] ? 'Docu Live Patologi' : 'Docu Live'),
    specific: true,
  },
];

/** Cheap first test on the lower-cased unit before the exact patterns. */
const QUICK = /dips|cgm|infodoc|plenario|system ?x|winmed|webmed|pridok|profdoc|gerica|visma profil|cosdoc|opus|helseplattform|epic|docu ?live/;

/** Soft hyphens and zero-width characters are invisible in the page but split words here. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function readSystems(doc: Doc): AdReading['systems'] {
  const byFamily = new Map<string, { name: string; unitIndex: number; at: number; specific: boolean }>();
  doc.units.forEach((unit, unitIndex) => {
    if (!QUICK.test(unit.plain)) return;
    let raw: string | null = null;
    for (const p of SYSTEMS) {
      // A family already found, whose name can no longer change, is settled: an ad naming DIPS in
      // every list item reads it once.
      const known = byFamily.get(p.family);
      if (known && (known.specific || !p.specific)) continue;
      if (!p.hint.some((h) => unit.plain.includes(h))) continue;
      raw ??= doc.text.slice(unit.read.start, unit.read.end).replace(INVISIBLE, '').replace(/\s+/g, ' ');
      p.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let count = 0;
      while ((m = p.re.exec(raw)) !== null && count++ < MAX_MATCHES_PER_UNIT) {
        const name = p.name(m);
        const specific = name !== p.family;
        const seen = byFamily.get(p.family);
        if (!seen) byFamily.set(p.family, { name, unitIndex, at: m.index, specific });
        else if (specific && !seen.specific) seen.name = name;
      }
    }
  });
  return [...byFamily.values()]
    .sort((a, b) => a.unitIndex - b.unitIndex || a.at - b.at)
    .map(({ name, unitIndex }) => ({ name, evidence: evidenceOf(doc, doc.units[unitIndex]!.evidence) }));
}
