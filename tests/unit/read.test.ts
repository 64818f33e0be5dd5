import { describe, expect, it } from 'vitest';
import { readAd, readAdUnguarded, readText } from '../../shared/lib/read.ts';
import { splitSentences } from '../../shared/lib/sentences.ts';
import { MAX_READ_BLOCKS, MAX_UNIT_CHARS } from '../../shared/lib/read-units.ts';
import { sourceFromBlocks, sourceFromHtml } from '../../shared/lib/source/index.ts';

const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

/** A small text ad: title, intro, then the given lines as the body. */
const ad = (title: string, ...body: string[]): string => `${title}\n\n${body.join('\n')}\n`;

describe('splitSentences', () => {
  it('does not end a sentence after Norwegian abbreviations, ordinals or dates', () => {
    expect(sentences('Vi bruker f.eks. CGM og bl.a. DIPS. Tiltredelse ca. 1.9.2019 eller evt. senere. Neste setning.')).toEqual([
      'Vi bruker f.eks. CGM og bl.a. DIPS.',
      'Tiltredelse ca. 1.9.2019 eller evt. senere.',
      'Neste setning.',
    ]);
    expect(sentences('Arbeid hver 3. helg, inkl. helligdager, dvs. turnus. Søk nå!')).toEqual([
      'Arbeid hver 3. helg, inkl. helligdager, dvs. turnus.',
      'Søk nå!',
    ]);
  });

  it('keeps a parenthesis after a full stop with its sentence, and splits unpunctuated lines', () => {
    expect(sentences('Gode norskkunnskapar. (Norsktest nivå B2)\nErfaring med Infodoc\nGode norskkunnskaper')).toEqual([
      'Gode norskkunnskapar. (Norsktest nivå B2)',
      'Erfaring med Infodoc',
      'Gode norskkunnskaper',
    ]);
    // A line that ends in "til" goes on.
    expect(sentences('God kjennskap til\nDIPS og andre fagsystem.')).toEqual(['God kjennskap til\nDIPS og andre fagsystem.']);
  });
});

describe('authorisation as helsesekretær', () => {
  it('is required from a Kvalifikasjoner list, quoted without its bullet', () => {
    const r = readText(ad('Helsesekretær til legekontor', 'Kvalifikasjoner', '- Autorisasjon som helsesekretær', '- Gode norskkunnskaper'));
    expect(r.authorisation).toEqual({
      level: 'required',
      alternatives: [],
      evidence: { text: 'Autorisasjon som helsesekretær', start: expect.any(Number), end: expect.any(Number) },
    });
  });

  it('is preferred under "Ønskede kvalifikasjoner" and where a modal word says so', () => {
    expect(readText(ad('Helsesekretær', 'Ønskede kvalifikasjoner', '- Autorisert helsesekretær')).authorisation.level).toBe('preferred');
    expect(readText(ad('Helsesekretær', 'Kvalifikasjoner', '- Autorisasjon som helsesekretær er en fordel')).authorisation.level).toBe('preferred');
    expect(readText(ad('Helsesekretær', 'Kvalifikasjonar', '- Autorisasjon som helsesekretær er ønskjeleg')).authorisation.level).toBe('preferred');
    expect(readText(ad('Medical secretary', 'Desirable', '- Authorised health secretary')).authorisation.level).toBe('preferred');
  });

  it('modal words override the heading', () => {
    const r = readText(ad('Legesekretær', 'Ønskede kvalifikasjoner', '- Autorisasjon som helsesekretær er et krav'));
    expect(r.authorisation.level).toBe('required');
  });

  it('is preferred with the alternative when a non-authorised title is accepted instead', () => {
    const r = readText(ad('Helsesekretær/medisinsk sekretær', 'Kvalifikasjoner', '- Autorisert helsesekretær eller medisinsk sekretær'));
    expect(r.authorisation).toMatchObject({ level: 'preferred', alternatives: ['medisinsk-sekretaer'] });
  });

  it('is not-required where the ad says so, and preferred where it is "not a requirement but an advantage"', () => {
    expect(readText(ad('Helsesekretær', 'Det er ikke krav om autorisasjon.')).authorisation.level).toBe('not-required');
    expect(readText(ad('Helsesekretær', 'Autorisasjon er ikkje eit krav.')).authorisation.level).toBe('not-required');
    expect(readText(ad('Legesekretær', 'Det er en fordel om du er autorisert helsesekretær, men det er ikke et krav.')).authorisation.level).toBe(
      'preferred',
    );
  });

  it('ignores authorisation for other professions', () => {
    for (const line of ['- Norsk autorisasjon som lege', '- Autorisert sykepleier', '- Norsk autorisasjon som hjelpepleier/helsefagarbeider']) {
      expect(readText(ad('Fastlege', 'Kvalifikasjoner', line)).authorisation.level).toBe('not-mentioned');
    }
    // A bare "Norsk autorisasjon" in a nurse's ad is the nurse's.
    expect(readText(ad('Sykepleier', 'Kvalifikasjoner', '- Norsk autorisasjon.')).authorisation.level).toBe('not-mentioned');
  });

  it('counts a bare "Autorisasjon" in the requirement list of a helsesekretær job', () => {
    const r = readText(ad('Helsesekretær til Bryn legesenter', 'Kvalifikasjoner', '- Autorisasjon', '- Erfaring fra legekontor'));
    expect(r.authorisation).toMatchObject({ level: 'required', evidence: { text: 'Autorisasjon' } });
  });

  it('does not read a description of staff as a requirement', () => {
    const r = readText(ad('Fastlege', 'Legesenteret har fire autoriserte helsesekretærer og et godt miljø.'));
    expect(r.authorisation.level).toBe('not-mentioned');
  });
});

describe('years of experience', () => {
  const years = (line: string): number | null => readText(ad('Helsesekretær', 'Kvalifikasjoner', `- ${line}`)).minYearsExperience?.years ?? null;

  it('reads digits, ranges and Norwegian and English number words', () => {
    expect(years('Minst 3 års erfaring fra legekontor')).toBe(3);
    expect(years('1–2 års erfaring fra sykehus')).toBe(1);
    expect(years('Minimum to år med erfaring')).toBe(2);
    expect(years('Minst eitt års røynsle frå legevakt')).toBe(1);
    expect(years('Erfaring fra legekontor, minimum 2 år')).toBe(2);
    expect(years('At least two years of experience as a medical secretary')).toBe(2);
    expect(years('Sju års praksis fra helsevesenet')).toBe(7);
    expect(years('Erfaring som helsesekretær i minst 1 år er en fordel')).toBe(1);
  });

  it('ignores numbers that are not about experience', () => {
    expect(years('Lønn etter 10 års ansiennitet')).toBeNull();
    expect(years('50 - 60 % stilling, åpent 07-22, minst 24 timer per måned')).toBeNull();
    expect(years('Erfaring med barn i alderen 0-18 år')).toBeNull();
    expect(years('Vi har over 30 års erfaring med pasientbehandling')).toBeNull();
    expect(years('Tiltredelse 1.9.2019, erfaring fra sykehus')).toBeNull();
    expect(years('2 års vikariat med erfaring fra sykehus som fordel')).toBeNull();
  });

  it('takes the smallest number and its strength', () => {
    const r = readText(
      ad('Helsesekretær', 'Kvalifikasjoner', '- Minst 5 års erfaring fra sykehus', 'Ønskede kvalifikasjoner', '- 2 års erfaring fra legevakt'),
    );
    expect(r.minYearsExperience).toMatchObject({ years: 2, strength: 'preferred', evidence: { text: '2 års erfaring fra legevakt' } });
  });
});

describe('education', () => {
  it('reads the helsesekretær programme and the medisinsk sekretær course as alternatives', () => {
    const r = readText(ad('Helsesekretær', 'Kvalifikasjoner', '- Utdanning som helsesekretær eller medisinsk sekretær'));
    expect(r.education).toEqual([
      expect.objectContaining({ strength: 'required', accepts: ['helsesekretaer-education', 'medisinsk-sekretaer-course'], orEquivalent: false }),
    ]);
  });

  it('reads compounds, "eller tilsvarende" and preferred strength', () => {
    const r = readText(ad('Helsesekretær', 'Kvalifikasjoner', '- Helsesekretærutdanning eller tilsvarende er ønskelig'));
    expect(r.education).toEqual([expect.objectContaining({ strength: 'preferred', accepts: ['helsesekretaer-education'], orEquivalent: true })]);
  });

  it('does not read offers or task descriptions as education asked for', () => {
    expect(readText(ad('Helsesekretær', 'Vi tilbyr', '- Kurs for helsesekretærer og medisinske sekretærer')).education).toEqual([]);
  });
});

describe('journal systems', () => {
  it('names systems by family, at word edges', () => {
    const r = readText(ad('Legesekretær', 'Vi bruker CGM Allmenn, DIPS Arena og Infodoc Plenario. Kjennskap til System X er en fordel.'));
    expect(r.systems.map((s) => s.name)).toEqual(['CGM', 'DIPS', 'Infodoc', 'System X']);
  });

  it('does not find systems inside other words', () => {
    const r = readText(ad('Kokk', 'Vi lager dips og sauser, og har et system x-ray-fritt kjøkken. Ingen gericakaker.'));
    expect(r.systems).toEqual([]);
  });
});

describe('Norwegian requirement and ad language', () => {
  it('quotes the sentence about Norwegian, not other "norsk" words', () => {
    const r = readText(ad('Helsesekretær', 'Kvalifikasjoner', '- Norsk autorisasjon som helsesekretær', '- Må beherske norsk muntlig og skriftlig'));
    expect(r.norwegian?.text).toBe('Må beherske norsk muntlig og skriftlig');
    expect(readText(ad('Sekretær', 'Nynorsk er administrasjonsmålet i kommunen.')).norwegian).toBeNull();
  });

  it('tells bokmål, nynorsk and English apart', () => {
    expect(readText(ad('Helsesekretær', 'Vi søker en helsesekretær som ikke er redd for å ta ansvar. Du må være selvstendig og ha gode samarbeidsevner.')).language).toBe('nb');
    expect(readText(ad('Helsesekretær', 'Me søkjer ein helsesekretær som ikkje er redd for å ta ansvar. Du må vere sjølvstendig og ha gode samarbeidsevner.')).language).toBe('nn');
    expect(readText(ad('Medical secretary', 'We are looking for a medical secretary to join our team. You will work with the doctors and the nurses.')).language).toBe('en');
  });
});

describe('target job and listing', () => {
  it('is a target job when the title or a hiring phrase names the job', () => {
    expect(readText(ad('Legesekretær, 60 % vikariat', 'Om stillingen')).isTargetJob).toBe(true);
    expect(readText(ad('Ledig stilling', 'Det er ledig 100 % fast stilling som helsesekretær ved Bryn legesenter.')).isTargetJob).toBe(true);
    expect(readText(ad('Ledig stilling', 'Vi søker en blid og strukturert medisinsk sekretær til poliklinikken.')).isTargetJob).toBe(true);
    expect(readText(ad('Ledig stilling', 'Vi ser etter deg som er autorisert helsesekretær og liker folk.')).isTargetJob).toBe(true);
  });

  it('is not a target job when the title is only a qualification or the staff', () => {
    expect(readText(ad('Enhetsleder', 'Kvalifikasjoner', '- Autorisert helsesekretær')).isTargetJob).toBe(false);
    expect(readText(ad('Leder for helsesekretærene', 'Vi søker en leder.')).isTargetJob).toBe(false);
    expect(readText(ad('Fastlege', 'Legesenteret har fire dyktige helsesekretærer.')).isTargetJob).toBe(false);
    expect(readText(ad('Tannhelsesekretær til Tannklinikken', 'Vi søker tannhelsesekretær.')).isTargetJob).toBe(false);
  });

  it('recognises a page of many ads', () => {
    const page = ['Søkeresultat – 3 treff', '', 'Helsesekretær – Bryn', 'Søknadsfrist: 01.02.2027', '', 'Legesekretær – Ås', 'Søknadsfrist: 03.02.2027', '', 'Sykepleier – Ski', 'Søknadsfrist: 05.02.2027'].join('\n');
    const r = readText(page);
    expect(r.listing).toBe(true);
    expect(r.isTargetJob).toBe(false);
    expect(readAd({ ...sourceFromBlocks([{ kind: 'paragraph', text: 'Helsesekretær' }]), listingHint: true }).listing).toBe(true);
  });
});

describe('JSON-LD JobPosting', () => {
  const posting = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: 'Helsesekretær – Lade legesenter',
    description: '<p>Vi søker en helsesekretær i 80 % stilling.</p><h3>Kvalifikasjoner</h3><ul><li>Autorisasjon som helsesekretær</li></ul>',
    experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 24 },
    educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: 'Utdanning som helsesekretær eller medisinsk sekretær' },
    skills: ['Erfaring med CGM Journal'],
  };
  const page = `<html><head><script type="application/ld+json">${JSON.stringify({ '@graph': [posting] })}</script></head>
    <body><nav>Meny Logg inn DIPS-kurs</nav><h1>Helsesekretær – Lade legesenter</h1><p>Vi søker en helsesekretær.</p></body></html>`;

  it('reads the posting first and returns the source its offsets point into', () => {
    const r = readText(page);
    expect(r.source.text).toContain('Vi søker en helsesekretær i 80 % stilling.');
    expect(r.source.text).not.toContain('Logg inn');
    expect(r.isTargetJob).toBe(true);
    expect(r.authorisation).toMatchObject({ level: 'required', evidence: { text: 'Autorisasjon som helsesekretær' } });
    expect(r.minYearsExperience).toMatchObject({ years: 2, strength: 'required' });
    expect(r.education[0]).toMatchObject({ strength: 'required', accepts: ['helsesekretaer-education', 'medisinsk-sekretaer-course'] });
    expect(r.systems.map((s) => s.name)).toEqual(['CGM']);
    for (const e of [r.authorisation.evidence!, r.minYearsExperience!.evidence, r.education[0]!.evidence, r.systems[0]!.evidence]) {
      expect(r.source.text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('reads the page when the posting is unusable, and marks a page with several postings as a listing', () => {
    const empty = readAd({ ...sourceFromHtml('<h1>Legesekretær</h1><p>Vi søker en legesekretær.</p>'), jobPostings: [{ '@type': 'JobPosting', title: 42, description: null }] });
    expect(empty.isTargetJob).toBe(true);
    expect(empty.source.text).toContain('Vi søker en legesekretær.');
    const two = readAd({ ...sourceFromHtml('<p>Ledige stillinger</p>'), jobPostings: [posting, { ...posting, title: 'Legesekretær', url: 'https://example.invalid/2' }] });
    expect(two.listing).toBe(true);
  });

  it('does not count junk postings (no string title or description) towards a listing', () => {
    const junk = [
      { '@type': 'JobPosting', title: 12345, description: { nested: true } },
      { '@type': ['JobPosting'], title: { polluted: 'yes' }, description: ['array'] },
      { '@type': 'JobPosting', title: '   ' },
    ];
    const r = readAd({ ...sourceFromHtml('<h1>Helsesekretær</h1><p>Vi søker en helsesekretær.</p>'), jobPostings: [...junk, posting] });
    expect(r.listing).toBe(false);
    expect(r.source.text).toContain('Vi søker en helsesekretær i 80 % stilling.');
    // A title-only leftover beside a described posting is no second ad (the hostile fixture's "BOM first").
    const leftover = readAd({ ...sourceFromHtml('<h1>Helsesekretær</h1>'), jobPostings: [{ '@type': 'JobPosting', title: 'BOM first' }, posting] });
    expect(leftover.listing).toBe(false);
    expect(leftover.source.text).toContain('Vi søker en helsesekretær i 80 % stilling.');
    const onlyJunk = readAd({ ...sourceFromHtml('<h1>Helsesekretær</h1><p>Vi søker en helsesekretær.</p>'), jobPostings: junk });
    expect(onlyJunk.listing).toBe(false);
    expect(onlyJunk.isTargetJob).toBe(true);
  });
});

describe('robustness', () => {
  // readAdUnguarded, not readAd: the guarded one catches everything, so this could never fail.
  it('never throws on malformed sources', () => {
    const bad = [
      { text: 'Helsesekretær', blocks: [{ kind: 'paragraph', level: 0, start: 5, end: 500 }], jobPostings: [] },
      { text: 'abc', blocks: [{ kind: 'list-item', level: 0, start: 2, end: 1 }], jobPostings: [null, 1, 'x'] },
      { text: undefined, blocks: null, jobPostings: undefined },
      null,
    ] as unknown as Parameters<typeof readAdUnguarded>[0][];
    for (const source of bad) expect(() => readAdUnguarded(source)).not.toThrow();
  });
});

describe('bounds on hostile pages', () => {
  it('reads a sentence that never ends in its first MAX_UNIT_CHARS characters, and quotes all of it', () => {
    const filler = 'og så videre '.repeat(Math.ceil(MAX_UNIT_CHARS / 13) + 10);
    const early = readText(ad('Helsesekretær', `Autorisasjon som helsesekretær kreves ${filler}`));
    expect(early.authorisation.level).toBe('required');
    expect(early.authorisation.evidence?.text.length).toBeGreaterThan(MAX_UNIT_CHARS);
    const late = readText(ad('Helsesekretær', `${filler}autorisasjon som helsesekretær kreves`));
    expect(late.authorisation.level).toBe('not-mentioned');
    // Titles are still found in all of the text.
    expect(late.mentions).toHaveLength(2);
  });

  it('reads requirements from the first MAX_READ_BLOCKS blocks only', () => {
    const soup = '<p><b>x</b></p>'.repeat(MAX_READ_BLOCKS);
    const item = '<h3>Kvalifikasjoner</h3><ul><li>Autorisert helsesekretær</li></ul>';
    expect(readText(`<h1>Helsesekretær</h1>${item}${soup}`).authorisation.level).toBe('required');
    const late = readText(`<h1>Helsesekretær</h1>${soup}${item}`);
    expect(late.authorisation.level).toBe('not-mentioned');
    expect(late.mentions).toHaveLength(2);
  });
});
