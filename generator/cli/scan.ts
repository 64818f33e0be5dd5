import { readText, TITLE_LABELS, type AdReading, type AdSource } from '../../shared/index.ts';
import { parseOptions, readInput } from './args.ts';
import type { Command } from './index.ts';

/** The JSON contract of `scan --json`: one object per input, one per line. */
export function scanRecord(file: string, reading: AdReading & { source: AdSource }) {
  return {
    file,
    mentions: reading.mentions.map(({ title, text, start, end }) => ({ title, text, start, end })),
    related: reading.related.map(({ title, text, start, end }) => ({ title, text, start, end })),
    isTargetJob: reading.isTargetJob,
    listing: reading.listing,
    authorisation: {
      level: reading.authorisation.level,
      evidence: reading.authorisation.evidence?.text ?? null,
      alternatives: reading.authorisation.alternatives,
    },
    minYearsExperience: reading.minYearsExperience?.years ?? null,
    education: reading.education.map((e) => ({
      strength: e.strength,
      accepts: e.accepts,
      orEquivalent: e.orEquivalent,
      evidence: e.evidence.text,
    })),
    systems: reading.systems.map((s) => s.name),
    norwegian: reading.norwegian?.text ?? null,
    language: reading.language,
  };
}

const LEVEL_NB: Record<AdReading['authorisation']['level'], string> = {
  required: 'kreves',
  preferred: 'ønskes (en fordel eller ett av flere alternativer)',
  'not-required': 'kreves ikke (står uttrykkelig)',
  'not-mentioned': 'nevnes ikke',
};

function describe(file: string, reading: AdReading): string {
  const lines = [`${file}:`];
  if (reading.mentions.length === 0) {
    lines.push('  Ingen av titlene helsesekretær, medisinsk sekretær eller legesekretær funnet.');
  } else {
    const titles = [...new Set(reading.mentions.map((m) => TITLE_LABELS[m.title].nb))];
    lines.push(`  Titler: ${titles.join(', ')} (${reading.mentions.length} treff)`);
  }
  if (reading.related.length > 0) lines.push(`  Beslektede titler: ${[...new Set(reading.related.map((r) => r.text))].join(', ')}`);
  lines.push(`  Stillingen er ${reading.isTargetJob ? '' : 'ikke '}en av de tre${reading.listing ? ' (siden er en liste med flere annonser)' : ''}.`);
  lines.push(`  Autorisasjon som helsesekretær: ${LEVEL_NB[reading.authorisation.level]}`);
  if (reading.authorisation.evidence) lines.push(`    «${reading.authorisation.evidence.text}»`);
  if (reading.minYearsExperience) lines.push(`  Erfaring: minst ${reading.minYearsExperience.years} år — «${reading.minYearsExperience.evidence.text}»`);
  for (const e of reading.education) lines.push(`  Utdanning (${e.strength === 'required' ? 'krav' : 'ønsket'}): «${e.evidence.text}»`);
  if (reading.systems.length > 0) lines.push(`  Journalsystemer: ${reading.systems.map((s) => s.name).join(', ')}`);
  if (reading.norwegian) lines.push(`  Norsk: «${reading.norwegian.text}»`);
  return lines.join('\n');
}

export const command: Command = {
  name: 'scan',
  summary: 'finn titlene og kravene i stillingsannonser',
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { json: { type: 'boolean', default: false } });
    const files = positionals.length > 0 ? positionals : ['-'];
    let failed = false;
    for (const file of files) {
      let input: string;
      try {
        input = await readInput(file);
      } catch (error) {
        // One unreadable file must not lose the others' results.
        process.stderr.write(`sekretaersjekk scan: ${(error as Error).message}\n`);
        failed = true;
        continue;
      }
      const name = file === '-' ? '<stdin>' : file;
      const reading = readText(input);
      process.stdout.write(values.json ? `${JSON.stringify(scanRecord(name, reading))}\n` : `${describe(name, reading)}\n`);
    }
    return failed ? 2 : 0;
  },
};
