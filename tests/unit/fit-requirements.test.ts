// What an ad requires, read and judged end to end (readText → fit): one case per ad-requirement
// rule of issue 11, each asserting the verdict, the route and every reason with the sentence it quotes.
import { beforeAll, describe, expect, it } from 'vitest';
import { fit } from '../../shared/lib/fit.ts';
import { readText } from '../../shared/lib/read.ts';
import type { Profile, Rules, Verdict } from '../../shared/lib/types.ts';
import { loadShippedRules, profile } from '../helpers/rules.ts';

let rules: Rules;
beforeAll(async () => {
  rules = await loadShippedRules();
});

const AS_OF = '2026-12-06';

/** A short ad for `title` with `items` under "Kvalifikasjoner" (or `body` as it is). */
function ad(title: string, items: string[], body = ''): string {
  return `${title}\n\nLegesenteret søker ${title.toLowerCase()} i 80 % stilling.\n${body}\nKvalifikasjoner\n${items.map((i) => `- ${i}`).join('\n')}\n`;
}

type Row = [id: string, effect: string, quote: string | null];

function judge(p: Partial<Profile> & Record<string, unknown>, text: string): Verdict {
  return fit(profile(p as Partial<Profile>), readText(text), AS_OF, rules);
}

function rows(v: Verdict): Row[] {
  return v.reasons.map((r) => [r.id, r.effect, r.evidence?.text ?? null]);
}

describe('an authorised helsesekretær meets a medisinsk sekretær / legesekretær education requirement', () => {
  const authorised = { authorisedHelsesekretaer: true, completed: ['vg3-helsesekretaer' as const] };

  it('"Utdanning som medisinsk sekretær" on a medisinsk sekretær ad: fits, no "ask whether it is accepted"', () => {
    const v = judge(authorised, ad('Medisinsk sekretær', ['Utdanning som medisinsk sekretær']));
    expect(v.verdict).toBe('fits');
    expect(v.route).toBeNull();
    expect(rows(v)).toEqual([['education-met-by-authorisation', 'met', 'Utdanning som medisinsk sekretær']]);
    expect(v.reasons[0]!.facts).toEqual(['F-01', 'F-02']);
  });

  it('"Fagutdanning som legesekretær eller medisinsk sekretær" on a legesekretær ad: fits', () => {
    const v = judge(authorised, ad('Legesekretær', ['Fagutdanning som legesekretær eller medisinsk sekretær']));
    expect(v.verdict).toBe('fits');
    expect(rows(v)).toEqual([['education-met', 'met', 'Fagutdanning som legesekretær eller medisinsk sekretær']]);
  });

  it('a helsesekretær with the vitnemål but no authorisation still gets the caveat on a medisinsk sekretær course', () => {
    const v = judge({ completed: ['vg3-helsesekretaer'] }, ad('Medisinsk sekretær', ['Utdanning som medisinsk sekretær']));
    expect(v.verdict).toBe('fits-with-caveats');
    expect(rows(v)).toEqual([['education-helsesekretaer-for-medsek', 'caveat', 'Utdanning som medisinsk sekretær']]);
  });
});

describe('a stated minimum of years', () => {
  it('"Minst tre års relevant erfaring" under Kvalifikasjoner, 0 years: not-yet, no route (only time closes it)', () => {
    const v = judge({ authorisedHelsesekretaer: true }, ad('Medisinsk sekretær', ['Minst tre års relevant erfaring']));
    expect(v.verdict).toBe('not-yet');
    expect(v.route).toBeNull();
    expect(rows(v)).toEqual([['experience-below-minimum', 'unmet', 'Minst tre års relevant erfaring']]);
    expect(v.reasons[0]!.text).toBe('Annonsen krever minst 3 års erfaring, og du har 0. Det er et krav, så du oppfyller det ikke ennå.');
  });

  it('"krav om minimum 2 års erfaring" in the body is a requirement too', () => {
    const text = 'Legesekretær\n\nVi søker legesekretær. Det er krav om minimum 2 års erfaring fra legekontor.\n';
    expect(rows(judge({ yearsAsSecretaryInHealth: 1 }, text))).toEqual([
      ['experience-below-minimum', 'unmet', 'Det er krav om minimum 2 års erfaring fra legekontor.'],
    ]);
    expect(judge({ yearsAsSecretaryInHealth: 1 }, text).verdict).toBe('not-yet');
  });

  it('enough years: met', () => {
    const v = judge({ yearsAsSecretaryInHealth: 3 }, ad('Legesekretær', ['Minst tre års relevant erfaring']));
    expect(v.verdict).toBe('fits');
    expect(rows(v)).toEqual([['experience-met', 'met', 'Minst tre års relevant erfaring']]);
  });

  it('"ønskelig" / "gjerne" experience is only a caveat', () => {
    const v = judge({ yearsAsSecretaryInHealth: 0 }, ad('Legesekretær', ['Erfaring fra legekontor er ønskelig, gjerne 2 år']));
    expect(v.verdict).toBe('fits-with-caveats');
    expect(rows(v)).toEqual([['experience-preferred-below', 'caveat', 'Erfaring fra legekontor er ønskelig, gjerne 2 år']]);
  });

  it('"er en fordel" experience is only a caveat', () => {
    const v = judge({ yearsAsSecretaryInHealth: 1 }, ad('Legesekretær', ['To års erfaring fra legekontor er en fordel']));
    expect(v.verdict).toBe('fits-with-caveats');
    expect(rows(v)).toEqual([['experience-preferred-below', 'caveat', 'To års erfaring fra legekontor er en fordel']]);
  });
});

describe('"A eller B" is one requirement, met by either', () => {
  const item = 'Utdanning som legesekretær eller fem års erfaring';

  it('six years on "utdanning som legesekretær eller fem års erfaring": one ✓, no ✗', () => {
    const v = judge({ yearsAsSecretaryInHealth: 6 }, ad('Legesekretær', [item]));
    expect(v.verdict).toBe('fits');
    expect(v.route).toBeNull();
    expect(rows(v)).toEqual([['alternatives-met', 'met', item]]);
    expect(v.reasons[0]!.text).toBe(
      'Annonsen ber om helsesekretærutdanning eller minst 5 års erfaring. Ett av dem holder, og du har minst 5 års erfaring (du har 6 år).',
    );
  });

  it('the education alone meets it too', () => {
    const v = judge({ authorisedHelsesekretaer: true, completed: ['vg3-helsesekretaer'] }, ad('Legesekretær', [item]));
    expect(rows(v)).toEqual([['alternatives-met', 'met', item]]);
    expect(v.reasons[0]!.facts).toEqual(['F-11']);
  });

  it('neither: one ✗, and the route leads to the education', () => {
    const v = judge({ birthYear: 1980, yearsAsSecretaryInHealth: 2 }, ad('Legesekretær', [item]));
    expect(v.verdict).toBe('not-yet');
    expect(rows(v)).toEqual([['alternatives-missing', 'unmet', item]]);
    expect(v.route).toBe('adult-rkv-vg3');
  });

  it('"Autorisasjon som helsesekretær eller minst 5 års erfaring": the years meet it', () => {
    const line = 'Autorisasjon som helsesekretær eller minst 5 års erfaring';
    const v = judge({ yearsAsSecretaryInHealth: 6 }, ad('Helsesekretær', [line]));
    expect(v.verdict).toBe('fits');
    expect(rows(v)).toEqual([['alternatives-met', 'met', line]]);
  });

  it('"Autorisert helsesekretær eller utdanning som medisinsk sekretær": one requirement, the course meets it', () => {
    const line = 'Autorisert helsesekretær eller utdanning som medisinsk sekretær';
    const withCourse = judge({ completed: ['medisinsk-sekretaer-course'] }, ad('Medisinsk sekretær', [line]));
    expect(withCourse.verdict).toBe('fits');
    expect(rows(withCourse)).toEqual([['alternatives-met', 'met', line]]);
    const none = judge({}, ad('Medisinsk sekretær', [line]));
    expect(rows(none)).toEqual([['alternatives-missing', 'unmet', line]]);
    expect(none.reasons[0]!.text).toBe('Annonsen krever autorisasjon som helsesekretær eller utdanning som medisinsk sekretær, og du har ingen av dem ennå.');
  });

  it('a Vg3 vitnemål without authorisation on "autorisert helsesekretær eller medisinsk sekretær med utdanning": a caveat, and the route to authorisation', () => {
    const line = 'Autorisert helsesekretær eller medisinsk sekretær med fullført utdanning';
    const v = judge({ completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'] }, ad('Medisinsk sekretær', [line]));
    expect(v.verdict).toBe('fits-with-caveats');
    expect(v.route).toBe('apply-authorisation');
    expect(rows(v)).toEqual([['education-helsesekretaer-for-medsek', 'caveat', line]]);
  });

  it('one title or another: "Autorisert helsesekretær eller medisinsk sekretær" is met by the medisinsk sekretær course', () => {
    const line = 'Autorisert helsesekretær eller medisinsk sekretær';
    const v = judge({ completed: ['medisinsk-sekretaer-course'] }, ad('Medisinsk sekretær', [line]));
    expect(v.verdict).toBe('fits');
    expect(rows(v)).toEqual([['authorisation-alternative-met', 'met', line]]);
  });

  it('"eller tilsvarende": the employer decides, a caveat for a reader with related education', () => {
    const line = 'Utdanning som helsesekretær eller tilsvarende';
    const v = judge({ completed: ['medisinsk-sekretaer-course'] }, ad('Helsesekretær', [line]));
    expect(v.verdict).toBe('fits-with-caveats');
    expect(rows(v).filter(([id]) => id.startsWith('education'))).toEqual([['education-equivalent-maybe', 'caveat', line]]);
  });

  it('"2 års erfaring eller mer" is no alternative: a plain minimum', () => {
    const line = 'Minst 2 års erfaring eller mer';
    expect(rows(judge({ yearsAsSecretaryInHealth: 1 }, ad('Legesekretær', [line])))).toEqual([['experience-below-minimum', 'unmet', line]]);
  });
});

describe('Norwegian', () => {
  it('"Gode norskkunnskaper er en fordel" is not a requirement', () => {
    const v = judge({ educationAbroad: true }, ad('Legesekretær', ['Gode norskkunnskaper er en fordel', 'Minst ett års erfaring']));
    expect(v.reasons.map((r) => r.id)).not.toContain('norwegian-requirement');
  });

  it('"an advantage" in English is not one either', () => {
    const text = 'Medical secretary\n\nWe are looking for a medical secretary.\n\nQualifications\n- Norwegian language skills are an advantage\n- At least 2 years of experience\n';
    expect(readText(text).norwegian).toBeNull();
  });

  it('a required Norwegian is the employer’s requirement, and for education from abroad it claims no B2', () => {
    const line = 'Du må beherske norsk godt, muntlig og skriftlig';
    const v = judge({ educationAbroad: true }, ad('Legesekretær', [line]));
    const reason = v.reasons.find((r) => r.id === 'norwegian-requirement');
    expect(reason).toMatchObject({ effect: 'info', evidence: { text: line }, facts: ['F-03'] });
    expect(reason!.text).not.toMatch(/B2/);
  });
});

describe('education from abroad: the first reason agrees with the route', () => {
  const required = ad('Helsesekretær', ['Autorisasjon som helsesekretær er et krav']);
  const quote = 'Autorisasjon som helsesekretær er et krav';

  it('completed abroad (the default): have it approved, with B2 and nasjonale fag outside EU/EØS', () => {
    const v = judge({ educationAbroad: true }, required);
    expect(v.route).toBe('foreign-education');
    expect(rows(v)).toEqual([
      ['authorisation-required-missing', 'unmet', quote],
      ['education-abroad-needs-approval', 'info', quote],
    ]);
    expect(v.reasons[0]!.text).toMatch(/fullført utdanning fra utlandet søker du Helsedirektoratet om å få den godkjent/);
    expect(v.reasons[0]!.text).not.toMatch(/bare vitnemål/);
    expect(v.reasons[1]!.text).toMatch(/B2-nivå og kurs i nasjonale fag/);
  });

  it('unfinished education abroad: the Norwegian route, no approval to wait for', () => {
    const v = judge({ educationAbroad: true, foreignEducation: { completed: 'partial', region: 'other' } }, required);
    expect(rows(v)).toEqual([['authorisation-required-missing', 'unmet', quote]]);
    expect(v.reasons[0]!.facts).toEqual(['F-10', 'F-51']);
    expect(v.reasons[0]!.text).toMatch(/ikke fullført.*den norske: vitnemål/);
  });

  it('from the EU/EØS: no B2 claim, the EEA rules', () => {
    const v = judge({ educationAbroad: true, foreignEducation: { completed: 'full-equivalent', region: 'eu-eea' } }, required);
    const abroad = v.reasons.find((r) => r.id === 'education-abroad-needs-approval')!;
    expect(abroad.text).not.toMatch(/B2/);
    expect(abroad.text).toMatch(/EØS-reglene, uten noe formelt norskkrav/);
    expect(abroad.facts).toEqual(['F-16', 'F-48', 'F-50']);
  });

  it('a Norwegian vitnemål decides even after schooling abroad', () => {
    const v = judge({ educationAbroad: true, completed: ['vg3-helsesekretaer'] }, required);
    expect(rows(v)).toEqual([['authorisation-required-missing', 'unmet', quote]]);
    expect(v.reasons[0]!.text).toMatch(/Du har vitnemål fra helsesekretærutdanningen/);
  });
});

describe('each reason quotes the sentence it is about', () => {
  it('a reason about the title quotes the title line, not the bare word', () => {
    const text = 'Helsesekretær – fast stilling\n\nVi bruker journalsystemet CGM Allmenn.\n';
    const v = judge({ completed: ['medisinsk-sekretaer-course'] }, text);
    expect(rows(v)).toEqual([
      ['may-apply-title-protected', 'info', 'Helsesekretær – fast stilling'],
      ['system-unknown', 'info', 'Vi bruker journalsystemet CGM Allmenn.'],
    ]);
  });

  it('the note on the way to authorisation quotes the requirement that opened the gap', () => {
    const line = 'Fullført utdanning som helsesekretær';
    const v = judge({ birthYear: 1975, yearsAsSecretaryInHealth: 12 }, ad('Helsesekretær', [line]));
    expect(v.verdict).toBe('not-yet');
    expect(rows(v)).toEqual([
      ['may-apply-title-protected', 'info', 'Helsesekretær'],
      ['education-required-missing', 'unmet', line],
      ['long-experience-rkv', 'info', line],
    ]);
  });

  it('the English "medical secretary" note quotes the title line', () => {
    const text = 'Medical secretary, 80 % position\n\nWe are looking for a medical secretary for our clinic.\n\nQualifications\n- At least 2 years of experience\n';
    const v = judge({ yearsAsSecretaryInHealth: 3 }, text);
    expect(rows(v)).toEqual([
      ['english-medical-secretary', 'info', 'Medical secretary, 80 % position'],
      ['experience-met', 'met', 'At least 2 years of experience'],
    ]);
  });

  it('the RKV note only where RKV can apply: adult right, Vg1/Vg2 not passed', () => {
    const line = 'Fullført utdanning som helsesekretær';
    const ids = (p: Partial<Profile>): string[] => judge(p, ad('Helsesekretær', [line])).reasons.map((r) => r.id);
    expect(ids({ birthYear: 1975, yearsAsSecretaryInHealth: 12 })).toContain('long-experience-rkv');
    // Under 25 in the year of asking: no RKV before that year (F-20).
    expect(ids({ birthYear: 2003, yearsAsSecretaryInHealth: 6 })).not.toContain('long-experience-rkv');
    // Vg1 and Vg2 passed: nothing left for RKV (F-40).
    expect(ids({ birthYear: 1975, yearsAsSecretaryInHealth: 12, completed: ['vg1-helse-oppvekst', 'vg2-helseservice'] })).not.toContain('long-experience-rkv');
  });

  it('every requirement reason on a full ad quotes a whole line of it', () => {
    const text = ad(
      'Helsesekretær',
      [
        'Autorisasjon som helsesekretær er et krav',
        'Utdanning som medisinsk sekretær eller fem års erfaring',
        'Minst to års erfaring fra legekontor',
        'Kjennskap til WebMed er en fordel',
        'Du må snakke og skrive godt norsk',
      ],
      'Det er ikke krav om erfaring med Gerica.',
    );
    const lines = new Set(text.split('\n').map((l) => l.replace(/^- /, '')));
    for (const p of [profile(), profile({ authorisedHelsesekretaer: true, yearsAsSecretaryInHealth: 6 }), profile({ educationAbroad: true })]) {
      const reading = readText(text);
      const v = fit(p, reading, AS_OF, rules);
      expect(v.reasons.length).toBeGreaterThan(3);
      for (const r of v.reasons) {
        expect(r.evidence, r.id).not.toBeNull();
        expect(lines.has(r.evidence!.text), `${r.id}: «${r.evidence!.text}»`).toBe(true);
        expect(reading.source.text.slice(r.evidence!.start, r.evidence!.end)).toBe(r.evidence!.text);
      }
    }
  });
});
