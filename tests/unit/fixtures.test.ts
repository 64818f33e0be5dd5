// The reader against the team's hand-written fixture ads (tests/fixtures/labels.jsonl): whatever
// ads are labelled there are read with readText (HTML by content, else text) and compared field by
// field. The bar is 95 % per field; every miss is printed with the label's value.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, type AdReadingWithSource } from '../../shared/lib/read.ts';
import { TITLE_LABELS } from '../../shared/lib/lexicon.ts';

const DIR = path.resolve('tests/fixtures');
const LABELS = path.join(DIR, 'labels.jsonl');

interface FixtureLabel {
  id: string;
  file: string;
  titles_mentioned: string[];
  is_target_job: boolean;
  listing?: boolean;
  authorization: 'required' | 'preferred' | 'not_required' | 'not_mentioned';
  authorization_evidence?: string | null;
  min_years_experience: number | null;
  experience_strength?: 'required' | 'preferred' | null;
  education?: { strength: string; accepts: string[]; or_equivalent: boolean; evidence: string } | null;
  systems: string[];
  language: 'nb' | 'nn' | 'en';
  language_requirement: string | null;
}

const labels: FixtureLabel[] = existsSync(LABELS)
  ? readFileSync(LABELS, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as FixtureLabel)
  : [];

/** Bullets and white space (incl. no-break spaces) do not count when comparing quoted sentences. */
const clean = (s: string): string => s.replace(/^[\s\-*•·]+/, '').replace(/\s+/g, ' ').trim();

/** A quote agrees with the label when one contains the other (a list item around a sentence). */
function quoteAgrees(got: string | null, wanted: string | null | undefined): [string, string] {
  const g = got === null ? 'null' : clean(got);
  const w = wanted == null ? 'null' : clean(wanted);
  if (got !== null && wanted != null && (g.includes(w) || w.includes(g))) return [w, w];
  return [g, w];
}

const FIELDS = [
  'titles',
  'is_target_job',
  'listing',
  'authorization',
  'authorization_evidence',
  'min_years_experience',
  'experience_strength',
  'education',
  'systems',
  'language',
  'language_requirement',
] as const;
type Field = (typeof FIELDS)[number];

function compare(reading: AdReadingWithSource, label: FixtureLabel): Partial<Record<Field, [string, string]>> {
  const out: Partial<Record<Field, [string, string]>> = {
    titles: [[...new Set(reading.mentions.map((m) => TITLE_LABELS[m.title].nb))].sort().join(', '), [...label.titles_mentioned].sort().join(', ')],
    is_target_job: [String(reading.isTargetJob), String(label.is_target_job)],
    authorization: [reading.authorisation.level, label.authorization.replace('_', '-')],
    min_years_experience: [String(reading.minYearsExperience?.years ?? null), String(label.min_years_experience)],
    systems: [reading.systems.map((s) => s.name.toLowerCase()).sort().join(', '), label.systems.map((s) => s.toLowerCase()).sort().join(', ')],
    language: [reading.language, label.language],
    language_requirement: quoteAgrees(reading.norwegian?.text ?? null, label.language_requirement),
  };
  if (label.listing !== undefined) out.listing = [String(reading.listing), String(label.listing)];
  if (label.authorization_evidence !== undefined) {
    out.authorization_evidence = quoteAgrees(reading.authorisation.evidence?.text ?? null, label.authorization_evidence);
  }
  if (label.experience_strength !== undefined) {
    out.experience_strength = [String(reading.minYearsExperience?.strength ?? null), String(label.experience_strength)];
  }
  if (label.education !== undefined) {
    const e = reading.education[0];
    const l = label.education;
    out.education = [
      e ? `${e.strength} ${e.accepts.join('+')} ${e.orEquivalent}` : 'null',
      l ? `${l.strength} ${l.accepts.join('+')} ${l.or_equivalent}` : 'null',
    ];
  }
  return out;
}

describe.skipIf(labels.length === 0)('fixture ads', () => {
  const rows = labels.map((label) => ({ label, reading: readText(readFileSync(path.join(DIR, label.file), 'utf8')) }));

  it('reads each field of the labelled fixtures at 95 % or better', () => {
    const counts = new Map<Field, { correct: number; total: number }>();
    const misses: string[] = [];
    for (const { label, reading } of rows) {
      for (const [field, pair] of Object.entries(compare(reading, label)) as [Field, [string, string]][]) {
        const c = counts.get(field) ?? { correct: 0, total: 0 };
        c.total++;
        if (pair[0] === pair[1]) c.correct++;
        else misses.push(`${label.id} ${field}: got «${pair[0]}», label «${pair[1]}»`);
        counts.set(field, c);
      }
    }
    const table = FIELDS.filter((f) => counts.has(f)).map((f) => {
      const { correct, total } = counts.get(f)!;
      return { field: f, correct, total, percent: (100 * correct) / total };
    });
    console.log(
      `fixture accuracy (${rows.length} ads)\n` +
        table.map((r) => `  ${r.field.padEnd(24)} ${r.percent.toFixed(1).padStart(5)} %  (${r.correct}/${r.total})`).join('\n') +
        (misses.length > 0 ? `\nmisses:\n  ${misses.join('\n  ')}` : ''),
    );
    for (const r of table) expect(r.percent, `${r.field}: ${misses.filter((m) => m.includes(` ${r.field}:`)).join('; ')}`).toBeGreaterThanOrEqual(95);
  });

  it('quotes evidence that is exactly the text at its offsets, in the source it returns', () => {
    for (const { reading } of rows) {
      const text = reading.source.text;
      const quoted = [
        reading.authorisation.evidence,
        reading.minYearsExperience?.evidence ?? null,
        reading.norwegian,
        ...reading.systems.map((s) => s.evidence),
        ...reading.education.map((e) => e.evidence),
        ...reading.mentions,
      ];
      for (const e of quoted) if (e) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
  });
});
