// shared/lib/read-systems.ts: phrase → journal systems named (by the family name a profile lists).
import { describe, expect, it } from 'vitest';
import { readPhrase } from '../helpers/read-spec.ts';

const table: [phrase: string, names: string[]][] = [
  ['Erfaring med DIPS Arena', ['DIPS']],
  ['Kjennskap til DIPS Classic', ['DIPS']],
  ['Kjennskap til CGM Allmenn', ['CGM']],
  ['Vi bruker CGM Journal', ['CGM']],
  ['Erfaring med Infodoc Plenario', ['Infodoc']],
  ['Journalsystem System X', ['System X']],
  ['Kjennskap til SystemX', ['System X']],
  ['Erfaring med WinMed 3', ['WinMed']],
  ['Erfaring med WebMed', ['WebMed']],
  ['Vi bruker Pridok', ['Pridok']],
  ['Profdoc Vision', ['Profdoc']],
  ['Kjennskap til journalsystemet Gerica er ein fordel', ['Gerica']],
  ['Erfaring med Visma Profil', ['Visma Profil']],
  ['Rapportskriving i elektronisk journalsystem (Cosdoc)', ['CosDoc']],
  ['Erfaring med Opus Dental', ['Opus']],
  ['Kjennskap til Helseplattformen', ['Helseplattformen']],
  ['Erfaring med Epic', ['Helseplattformen']],
  ['Docu Live Patologi', ['Docu Live Patologi']],
  ['Erfaring med WebMed og CGM', ['WebMed', 'CGM']],
  // Words that are not the brands.
  ['Vi serverer dips og chips på fredager', []],
  ['Et episk sommerfest-opus', []],
  ['Erfaring med system x-ray', []],
];

describe('readSystems: phrase → systems', () => {
  it.each(table)('%s', (phrase, names) => {
    const r = readPhrase(phrase, { heading: null });
    expect(r.systems.map((s) => s.name)).toEqual(names);
    for (const s of r.systems) expect(s.evidence.text).toBe(phrase);
  });
});
