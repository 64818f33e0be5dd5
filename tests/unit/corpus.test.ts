// The reader against the real-ad corpus (the corpus (tests/helpers/corpus.ts)/real): every labelled ad, read once
// from its plain text (ads/NNN.txt) and once from its stored HTML (raw/NNN.json: title +
// description + employer description), must agree with its label on every field. The pool of 240
// real ads is the false-positive check: only the three ads that name a title may produce mentions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAd, type AdReadingWithSource } from '../../shared/lib/read.ts';
import { sourceFromHtml, sourceFromText } from '../../shared/lib/source/index.ts';
import { TITLE_LABELS } from '../../shared/lib/lexicon.ts';
import { CORPUS_DIR, HAS_CORPUS, NEEDS_CORPUS } from '../helpers/corpus.ts';

const CORPUS = CORPUS_DIR;

interface CorpusLabel {
  id: string;
  titles_mentioned: string[];
  is_target_job: boolean;
  authorization: 'required' | 'preferred' | 'not_mentioned';
  min_years_experience: number | null;
  systems: string[];
  language: 'nb' | 'nn' | 'en';
  language_requirement: string | null;
  fragment: boolean;
}

const labels: CorpusLabel[] = (HAS_CORPUS ? readFileSync(path.join(CORPUS, 'labels.jsonl'), 'utf8') : '')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as CorpusLabel);

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The stored HTML as a page: the title as <h1>, then the description and employer texts. */
function htmlOf(id: string): string {
  const raw = JSON.parse(readFileSync(path.join(CORPUS, 'raw', `${id}.json`), 'utf8')) as Record<string, unknown>;
  const title = `<h1>${escapeHtml(String(raw['title'] ?? ''))}</h1>`;
  // 003 is stored as the lines of a prompt example, not as HTML.
  if (Array.isArray(raw['body_lines'])) return title + raw['body_lines'].map((l) => `<p>${escapeHtml(String(l))}</p>`).join('');
  return title + String(raw['description_as_stored'] ?? '') + String(raw['employer_description_as_stored'] ?? '');
}

/** Bullets and white space do not count when comparing quoted sentences. */
const clean = (s: string): string => s.replace(/^[\s\-*•·]+/, '').replace(/\s+/g, ' ').trim();

type Field = 'titles' | 'is_target_job' | 'authorization' | 'min_years_experience' | 'systems' | 'language' | 'language_requirement';
const FIELDS: Field[] = ['titles', 'is_target_job', 'authorization', 'min_years_experience', 'systems', 'language', 'language_requirement'];

/** [got, wanted] per field, as comparable strings. */
function compare(reading: AdReadingWithSource, label: CorpusLabel): Record<Field, [string, string]> {
  const titles = [...new Set(reading.mentions.map((m) => TITLE_LABELS[m.title].nb))].sort().join(', ');
  const norwegian = reading.norwegian ? clean(reading.norwegian.text) : null;
  const wantedNorwegian = label.language_requirement === null ? null : clean(label.language_requirement);
  return {
    titles: [titles, [...label.titles_mentioned].sort().join(', ')],
    is_target_job: [String(reading.isTargetJob), String(label.is_target_job)],
    authorization: [reading.authorisation.level, label.authorization.replace('_', '-')],
    min_years_experience: [String(reading.minYearsExperience?.years ?? null), String(label.min_years_experience)],
    systems: [
      reading.systems.map((s) => s.name.toLowerCase()).sort().join(', '),
      label.systems.map((s) => s.toLowerCase()).sort().join(', '),
    ],
    language: [reading.language, label.language],
    // The label is the sentence verbatim; the reader may quote the whole list item around it.
    language_requirement: [
      norwegian !== null && wantedNorwegian !== null && norwegian.includes(wantedNorwegian) ? wantedNorwegian : String(norwegian),
      String(wantedNorwegian),
    ],
  };
}

function expectEvidenceConsistent(reading: AdReadingWithSource): void {
  const text = reading.source.text;
  const evidences = [
    reading.authorisation.evidence,
    reading.minYearsExperience?.evidence ?? null,
    reading.norwegian,
    ...reading.systems.map((s) => s.evidence),
    ...reading.education.map((e) => e.evidence),
  ];
  for (const e of evidences) if (e) expect(text.slice(e.start, e.end)).toBe(e.text);
  for (const m of [...reading.mentions, ...reading.related]) expect(text.slice(m.start, m.end)).toBe(m.text);
}

describe.skipIf(!HAS_CORPUS)(`real corpus ${NEEDS_CORPUS}`, () => {
  const rows = labels.flatMap((label) => [
    { label, kind: 'text', reading: readAd(sourceFromText(readFileSync(path.join(CORPUS, 'ads', `${label.id}.txt`), 'utf8'))) },
    { label, kind: 'html', reading: readAd(sourceFromHtml(htmlOf(label.id))) },
  ]);

  it('has the 28 labelled ads', () => {
    expect(labels).toHaveLength(28);
  });

  it('reads every field of every labelled ad as labelled (text and HTML)', () => {
    const correct = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
    const misses: string[] = [];
    for (const { label, kind, reading } of rows) {
      const fields = compare(reading, label);
      for (const f of FIELDS) {
        const [got, wanted] = fields[f];
        if (got === wanted) correct[f]++;
        else misses.push(`${label.id} (${kind}) ${f}: got «${got}», label «${wanted}»`);
      }
    }
    console.log(
      `corpus accuracy (${rows.length} readings)\n` +
        FIELDS.map((f) => `  ${f.padEnd(22)} ${((100 * correct[f]) / rows.length).toFixed(1).padStart(5)} %  (${correct[f]}/${rows.length})`).join('\n'),
    );
    expect(misses).toEqual([]);
  });

  it('quotes evidence that is exactly the text at its offsets', () => {
    for (const { reading } of rows) expectEvidenceConsistent(reading);
  });

  it('quotes the authorisation alternative of corpus 004 and reads it as not the job itself', () => {
    const reading = rows.find((r) => r.label.id === '004' && r.kind === 'html')!.reading;
    expect(reading.authorisation).toMatchObject({
      level: 'preferred',
      alternatives: ['medisinsk-sekretaer'],
      evidence: { text: 'Autorisert helsesekretær/medisinsk sekretær og/eller relevant ledererfaring' },
    });
    expect(reading.isTargetJob).toBe(false);
    expect(reading.education).toEqual([
      expect.objectContaining({ strength: 'required', accepts: ['helsesekretaer-education'], orEquivalent: true }),
    ]);
  });

  it('reads "minimum to år med erfaring" as 2 years and ignores salary seniority', () => {
    const eyr = rows.find((r) => r.label.id === '024')!.reading;
    expect(eyr.minYearsExperience).toMatchObject({ years: 2, evidence: { text: expect.stringContaining('minimum to år med erfaring') } });
    const kongsvinger = rows.find((r) => r.label.id === '014')!.reading;
    expect(kongsvinger.minYearsExperience).toBeNull();
  });

  it('finds no title, authorisation or education in the pool ads that name none of the titles', () => {
    const pool = readFileSync(path.join(CORPUS, 'pool.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { title: string; raw_html: string });
    expect(pool).toHaveLength(240);
    const withTitles: string[] = [];
    const falsePositives: string[] = [];
    for (const ad of pool) {
      const reading = readAd(sourceFromHtml(ad.raw_html));
      expectEvidenceConsistent(reading);
      if (reading.mentions.length > 0) {
        withTitles.push(ad.title);
        continue;
      }
      if (reading.isTargetJob || reading.authorisation.level !== 'not-mentioned' || reading.education.length > 0 || reading.listing) {
        falsePositives.push(ad.title);
      }
    }
    // Exactly corpus ads 001, 002 and 004 (README).
    expect(withTitles).toHaveLength(3);
    expect(falsePositives).toEqual([]);
  });
});
