import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderVerdictText } from '../../generator/cli/fit.ts';
import { authorisationGoalReading, chooseRoute, fit } from '../../shared/lib/fit.ts';
import { readText } from '../../shared/lib/read.ts';
import { COURSE_IDS, type AdReading, type EducationKind, type Profile, type Rules, type TitleId } from '../../shared/lib/types.ts';
import { ReadingBuilder, loadShippedRules, profile } from '../helpers/rules.ts';

let rules: Rules;
beforeAll(async () => {
  rules = await loadShippedRules();
});

const AS_OF = '2026-12-01';

const LEGEKONTOR = `Helsesekretær – fast 100 % stilling

Storgata legesenter søker helsesekretær til et hyggelig fagmiljø.

Kvalifikasjoner
- Autorisasjon som helsesekretær er et krav.
- Minimum 2 års erfaring fra legekontor.
- Kjennskap til CGM Allmenn.
- Du må beherske norsk godt, muntlig og skriftlig.`;

const SYKEHUS = `Medisinsk sekretær / helsesekretær – vikariat

Kvalifikasjoner
- Autorisert helsesekretær eller medisinsk sekretær
- Utdanning som helsesekretær eller medisinsk sekretær
- Erfaring med DIPS er en fordel`;

const KOMMUNE = `Helsesekretær ved helsestasjonen

Det er ikke krav om autorisasjon.
Vi bruker journalsystemet Visma Profil.`;

const requiredAuthorisation = (): AdReading =>
  new ReadingBuilder(LEGEKONTOR)
    .with((r, ev) => {
      r.authorisation = { level: 'required', evidence: ev('Autorisasjon som helsesekretær er et krav.'), alternatives: [] };
      r.minYearsExperience = { years: 2, strength: 'required', evidence: ev('Minimum 2 års erfaring fra legekontor.') };
      r.systems = [{ name: 'CGM Allmenn', evidence: ev('Kjennskap til CGM Allmenn.') }];
      r.norwegian = ev('Du må beherske norsk godt, muntlig og skriftlig.');
    })
    .build();

const alternativesAd = (): AdReading =>
  new ReadingBuilder(SYKEHUS)
    .with((r, ev) => {
      r.authorisation = { level: 'preferred', evidence: ev('Autorisert helsesekretær eller medisinsk sekretær'), alternatives: ['medisinsk-sekretaer'] };
      r.education = [
        {
          strength: 'required',
          accepts: ['helsesekretaer-education', 'medisinsk-sekretaer-course'],
          orEquivalent: false,
          evidence: ev('Utdanning som helsesekretær eller medisinsk sekretær'),
        },
      ];
      r.systems = [{ name: 'DIPS', evidence: ev('Erfaring med DIPS er en fordel') }];
    })
    .build();

const noAuthorisationAd = (): AdReading =>
  new ReadingBuilder(KOMMUNE)
    .with((r, ev) => {
      r.authorisation = { level: 'not-required', evidence: ev('Det er ikke krav om autorisasjon.'), alternatives: [] };
      r.systems = [{ name: 'Visma Profil', evidence: ev('Vi bruker journalsystemet Visma Profil.') }];
    })
    .build();

const reason = (v: ReturnType<typeof fit>, id: string) => v.reasons.find((r) => r.id === id);

describe('fit: authorisation required', () => {
  it('an authorised reader with the experience and the system fits', () => {
    const v = fit(profile({ authorisedHelsesekretaer: true, completed: ['vg3-helsesekretaer'], yearsAsSecretaryInHealth: 4, systems: ['cgm allmenn'] }), requiredAuthorisation(), AS_OF, rules);
    expect(v.verdict).toBe('fits');
    expect(v.route).toBeNull();
    expect(reason(v, 'authorisation-required-met')?.effect).toBe('met');
    expect(reason(v, 'system-known')?.effect).toBe('met');
    expect(reason(v, 'norwegian-requirement')).toMatchObject({ effect: 'info', evidence: { text: 'Du må beherske norsk godt, muntlig og skriftlig.' } });
  });

  it('a medisinsk sekretær without authorisation is not-yet, with the ad sentence as evidence and the route', () => {
    const v = fit(profile({ birthYear: 1985, completed: ['medisinsk-sekretaer-course'], yearsAsSecretaryInHealth: 3, systems: ['CGM Allmenn'] }), requiredAuthorisation(), AS_OF, rules);
    expect(v.verdict).toBe('not-yet');
    const missing = reason(v, 'authorisation-required-missing');
    expect(missing?.effect).toBe('unmet');
    expect(missing?.evidence?.text).toBe('Autorisasjon som helsesekretær er et krav.');
    expect(LEGEKONTOR.slice(missing!.evidence!.start, missing!.evidence!.end)).toBe(missing!.evidence!.text);
    expect(missing?.facts).toEqual(expect.arrayContaining(['F-01', 'F-10']));
    expect(missing?.text).toMatch(/vitnemål/);
    expect(missing?.textEn).toMatch(/diploma/);
    expect(v.route).toBe('adult-rkv-vg3');
  });

  it('long experience adds the RKV note (likely, never automatic, F-22) but does not change the verdict', () => {
    const v = fit(profile({ birthYear: 1975, yearsAsSecretaryInHealth: 12 }), requiredAuthorisation(), AS_OF, rules);
    expect(v.verdict).toBe('not-yet');
    expect(reason(v, 'long-experience-rkv')).toMatchObject({ effect: 'info', facts: ['F-20', 'F-21', 'F-22'] });
    expect(reason(v, 'long-experience-rkv')?.text).toMatch(/aldri automatisk/);
    expect(fit(profile({ birthYear: 1975, yearsAsSecretaryInHealth: 4 }), requiredAuthorisation(), AS_OF, rules).reasons.map((r) => r.id)).not.toContain('long-experience-rkv');
  });

  it('a reader with the vitnemål but no authorisation is sent to apply for it', () => {
    const v = fit(profile({ completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'], yearsAsSecretaryInHealth: 3 }), requiredAuthorisation(), AS_OF, rules);
    expect(v.verdict).toBe('not-yet');
    expect(v.route).toBe('apply-authorisation');
  });

  it('education from abroad: not-yet, route foreign-education, with B2 / nasjonale fag and the processing time', () => {
    const v = fit(profile({ educationAbroad: true, yearsAsSecretaryInHealth: 5 }), requiredAuthorisation(), AS_OF, rules);
    expect(v.verdict).toBe('not-yet');
    expect(v.route).toBe('foreign-education');
    const abroad = reason(v, 'education-abroad-needs-approval');
    expect(abroad?.facts).toEqual(['F-16']);
    expect(abroad?.text).toMatch(/B2/);
    expect(abroad?.text).toMatch(/nasjonale fag/);
    expect(abroad?.text).toMatch(/11 måneder/);
    // The ad's Norwegian requirement is the employer's; B2 belongs to the authorisation reason only.
    expect(reason(v, 'norwegian-requirement')).toMatchObject({ facts: ['F-03'], evidence: { text: 'Du må beherske norsk godt, muntlig og skriftlig.' } });
    expect(reason(v, 'norwegian-requirement')?.text).not.toMatch(/B2/);
    // The first reason says what the route says: have the foreign education approved.
    expect(v.reasons[0]).toMatchObject({ id: 'authorisation-required-missing', facts: ['F-10', 'F-16'] });
    expect(v.reasons[0]?.text).toMatch(/utdanning fra utlandet søker du Helsedirektoratet/);
    expect(v.reasons[0]?.text).not.toMatch(/bare vitnemål/);
  });

  it('too few years, stated as a requirement, blocks: not-yet with no route (time closes it)', () => {
    const v = fit(profile({ authorisedHelsesekretaer: true, yearsAsSecretaryInHealth: 1, systems: ['CGM Allmenn'] }), requiredAuthorisation(), AS_OF, rules);
    expect(v.verdict).toBe('not-yet');
    expect(reason(v, 'experience-below-minimum')).toMatchObject({ effect: 'unmet', evidence: { text: 'Minimum 2 års erfaring fra legekontor.' } });
    expect(v.route).toBeNull();
  });
});

describe('fit: accepted alternatives ("helsesekretær eller medisinsk sekretær")', () => {
  it('a reader with the medisinsk sekretær course meets both alternatives and fits', () => {
    const v = fit(profile({ completed: ['medisinsk-sekretaer-course'], systems: ['DIPS Arena'] }), alternativesAd(), AS_OF, rules);
    expect(v.verdict).toBe('fits');
    expect(reason(v, 'authorisation-alternative-met')?.effect).toBe('met');
    expect(reason(v, 'education-met')?.text).toBe(
      'Annonsen krever helsesekretærutdanning eller utdanning som medisinsk sekretær. Ett av alternativene holder, og du har utdanning som medisinsk sekretær.',
    );
    expect(v.route).toBeNull();
  });

  it('an authorised helsesekretær fits', () => {
    expect(fit(profile({ authorisedHelsesekretaer: true, systems: ['DIPS'] }), alternativesAd(), AS_OF, rules).verdict).toBe('fits');
  });

  it('a reader with neither is not-yet, and the route leads to authorisation', () => {
    const v = fit(profile({ birthYear: 2004 }), alternativesAd(), AS_OF, rules);
    expect(v.verdict).toBe('not-yet');
    expect(reason(v, 'authorisation-preferred-missing')?.effect).toBe('caveat');
    expect(reason(v, 'education-required-missing')?.text).toBe(
      'Annonsen krever helsesekretærutdanning eller utdanning som medisinsk sekretær, og det har du ikke ennå.',
    );
    expect(v.route).toBe('vgs-full');
  });

  it('a missing named system is information, never a caveat', () => {
    const v = fit(profile({ completed: ['medisinsk-sekretaer-course'], systems: ['Infodoc'] }), alternativesAd(), AS_OF, rules);
    expect(v.verdict).toBe('fits');
    expect(reason(v, 'system-unknown')).toMatchObject({ effect: 'info', evidence: { text: 'Erfaring med DIPS er en fordel' } });
  });
});

describe('fit: title used, authorisation not required (F-03)', () => {
  it('tells a medisinsk sekretær they may apply, and that the title is protected (F-01)', () => {
    const v = fit(profile({ completed: ['medisinsk-sekretaer-course'] }), noAuthorisationAd(), AS_OF, rules);
    expect(v.verdict).toBe('fits');
    expect(reason(v, 'authorisation-not-required')).toMatchObject({ effect: 'info', facts: ['F-03'], evidence: { text: 'Det er ikke krav om autorisasjon.' } });
    const mayApply = reason(v, 'may-apply-title-protected');
    expect(mayApply?.facts).toEqual(['F-01', 'F-03', 'F-34']);
    expect(mayApply?.text).toMatch(/kan søke/);
    expect(mayApply?.text).toMatch(/ikke kalle deg helsesekretær/);
    expect(v.route).toBeNull();
  });

  it('does not tell an authorised reader about the protected title', () => {
    const v = fit(profile({ authorisedHelsesekretaer: true }), noAuthorisationAd(), AS_OF, rules);
    expect(v.reasons.map((r) => r.id)).not.toContain('may-apply-title-protected');
  });
});

describe('fit: education requirements', () => {
  const ad = (accepts: EducationKind[], strength: 'required' | 'preferred', orEquivalent = false): AdReading => {
    const sentence = 'Utdanning som helsesekretær eller tilsvarende.';
    return new ReadingBuilder(`Helsesekretær\n\n${sentence}`)
      .with((r, ev) => {
        r.education = [{ strength, accepts, orEquivalent, evidence: ev(sentence) }];
      })
      .build();
  };

  it('a required helsesekretær education the reader lacks blocks', () => {
    const v = fit(profile({ birthYear: 1980, completed: ['medisinsk-sekretaer-course'] }), ad(['helsesekretaer-education'], 'required'), AS_OF, rules);
    expect(v.verdict).toBe('not-yet');
    expect(v.route).toBe('adult-rkv-vg3');
  });

  it('"eller tilsvarende" turns it into a caveat for a reader with related education', () => {
    const v = fit(profile({ birthYear: 1980, completed: ['medisinsk-sekretaer-course'] }), ad(['helsesekretaer-education'], 'required', true), AS_OF, rules);
    expect(v.verdict).toBe('fits-with-caveats');
    expect(reason(v, 'education-equivalent-maybe')?.facts).toContain('F-03');
    expect(v.route).toBe('adult-rkv-vg3');
  });

  it('a preferred education the reader lacks is a caveat', () => {
    const v = fit(profile({ birthYear: 2010 }), ad(['helsesekretaer-education'], 'preferred'), AS_OF, rules);
    expect(v.verdict).toBe('fits-with-caveats');
    expect(v.route).toBe('vgs-full');
  });

  it('a required medisinsk sekretær course: missing → not-yet with the medsek-course route', () => {
    const v = fit(profile(), ad(['medisinsk-sekretaer-course'], 'required'), AS_OF, rules);
    expect(v.verdict).toBe('not-yet');
    expect(v.route).toBe('medsek-course');
  });

  it('a helsesekretær asked for a medisinsk sekretær course gets a caveat, not a block', () => {
    const v = fit(profile({ completed: ['vg3-helsesekretaer'] }), ad(['medisinsk-sekretaer-course'], 'required'), AS_OF, rules);
    expect(v.verdict).toBe('fits-with-caveats');
    expect(reason(v, 'education-helsesekretaer-for-medsek')).toBeDefined();
    expect(v.route).toBeNull();
  });

  it('an education we cannot judge is a caveat when required', () => {
    const v = fit(profile(), ad(['other'], 'required'), AS_OF, rules);
    expect(v.verdict).toBe('fits-with-caveats');
    expect(reason(v, 'education-other-unknown')?.effect).toBe('caveat');
  });
});

describe('fit: cannot-tell', () => {
  it('a listing page', () => {
    const reading = requiredAuthorisation();
    reading.listing = true;
    const v = fit(profile({ authorisedHelsesekretaer: true }), reading, AS_OF, rules);
    expect(v).toMatchObject({ verdict: 'cannot-tell', route: null });
    expect(v.reasons.map((r) => r.id)).toEqual(['listing']);
  });

  it('an ad where the titles are only mentioned', () => {
    const text = 'Enhetsleder\n\nAutorisert helsesekretær/medisinsk sekretær og/eller relevant ledererfaring';
    const reading = new ReadingBuilder(text).with((r) => (r.isTargetJob = false)).build();
    const v = fit(profile(), reading, AS_OF, rules);
    expect(v.verdict).toBe('cannot-tell');
    expect(reason(v, 'not-target-job')?.evidence?.text).toBe('helsesekretær');
  });

  it('a target ad with no requirements that can be read, still explaining the protected title', () => {
    const reading = new ReadingBuilder('Vikariat som helsesekretær/ kontormedarbeider 50 %.\n\nArbeidsoppgavene er ordinær kontor- og enkle laboratorietjenester.').build();
    const v = fit(profile({ completed: ['medisinsk-sekretaer-course'] }), reading, AS_OF, rules);
    expect(v.verdict).toBe('cannot-tell');
    expect(v.route).toBeNull();
    expect(v.reasons.map((r) => r.id)).toEqual(['may-apply-title-protected', 'no-requirements-found']);
  });
});

describe('fit: English ads (F-06)', () => {
  it('warns that "medical secretary" may mean the authorised title', () => {
    const text = 'Medical secretary\n\nFluent Norwegian is required.';
    const reading = new ReadingBuilder(text)
      .with((r, ev) => {
        r.mentions = [{ title: 'medisinsk-sekretaer', start: 0, end: 17, text: 'Medical secretary' }];
        r.isTargetJob = true;
        r.language = 'en';
        r.norwegian = ev('Fluent Norwegian is required.');
      })
      .build();
    const v = fit(profile(), reading, AS_OF, rules);
    expect(reason(v, 'english-medical-secretary')).toMatchObject({ facts: ['F-06'], evidence: { text: 'Medical secretary' } });
  });
});

describe('fit: trace', () => {
  it('records the predicates, parameters and route rules that decided it', () => {
    const v = fit(profile({ birthYear: 2001 }), requiredAuthorisation(), '2026-06-01', rules);
    const rulesSeen = v.trace.map((t) => t.rule);
    expect(rulesSeen).toEqual(
      expect.arrayContaining([
        'predicate:authorised',
        'predicate:has-vg3',
        'parameter:adult-right-age',
        'predicate:has-adult-right',
        'situation:adult-right',
        'choose-route',
        'reason:authorisation-required-missing',
        'verdict',
      ]),
    );
    expect(v.trace.find((t) => t.rule === 'predicate:has-adult-right')).toMatchObject({ result: true, facts: ['F-24', 'F-25'] });
    expect(v.trace.at(-1)).toMatchObject({ rule: 'verdict', result: 'not-yet' });
    expect(v.route).toBe('adult-rkv-vg3');
    // One calendar year later the adult right, and with it the route, would not have been there for a 2002-born reader.
    expect(fit(profile({ birthYear: 2002 }), requiredAuthorisation(), '2026-06-01', rules).route).toBe('vgs-full');
    expect(fit(profile({ birthYear: 2002 }), requiredAuthorisation(), '2027-01-01', rules).route).toBe('adult-rkv-vg3');
  });

  it('is plain data (survives structuredClone / JSON)', () => {
    const v = fit(profile(), alternativesAd(), AS_OF, rules);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    expect(v.asOf).toBe(AS_OF);
  });

  it('rejects a malformed asOf', () => {
    expect(() => fit(profile(), alternativesAd(), '01.12.2026', rules)).toThrow(/ÅÅÅÅ-MM-DD/);
  });
});

describe('authorisationGoalReading (veiviser)', () => {
  it('is a target helsesekretær job requiring authorisation, with consistent offsets', () => {
    const r = authorisationGoalReading();
    expect(r.isTargetJob).toBe(true);
    expect(r.authorisation.level).toBe('required');
    const text = `${r.mentions[0]!.text}\n${r.authorisation.evidence!.text}`;
    expect(text.slice(r.mentions[0]!.start, r.mentions[0]!.end)).toBe('Helsesekretær');
    expect(text.slice(r.authorisation.evidence!.start, r.authorisation.evidence!.end)).toBe(r.authorisation.evidence!.text);
  });
});

// ---- properties ----

const profileArb: fc.Arbitrary<Profile> = fc.record({
  birthYear: fc.integer({ min: 1940, max: 2012 }),
  authorisedHelsesekretaer: fc.boolean(),
  completed: fc.subarray([...COURSE_IDS]),
  yearsAsSecretaryInHealth: fc.integer({ min: 0, max: 40 }),
  educationAbroad: fc.boolean(),
  systems: fc.subarray(['DIPS', 'CGM Allmenn', 'Infodoc Plenario', 'WinMed']),
});

const AD_TEXT = 'Helsesekretær søkes. Krav A. Krav B. Krav C. Krav D. Norsk.';
const ev = (s: string) => ({ start: AD_TEXT.indexOf(s), end: AD_TEXT.indexOf(s) + s.length, text: s });
const readingArb: fc.Arbitrary<AdReading> = fc
  .record({
    isTargetJob: fc.boolean(),
    listing: fc.boolean(),
    level: fc.constantFrom('required', 'preferred', 'not-required', 'not-mentioned' as const),
    alternatives: fc.subarray<TitleId>(['medisinsk-sekretaer', 'legesekretaer']),
    education: fc.array(
      fc.record({
        strength: fc.constantFrom('required', 'preferred' as const),
        accepts: fc.subarray<EducationKind>(['helsesekretaer-education', 'medisinsk-sekretaer-course', 'other'], { minLength: 1 }),
        orEquivalent: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    minYears: fc.option(fc.integer({ min: 1, max: 10 })),
    systems: fc.subarray(['DIPS', 'Gerica', 'System X']),
    norwegian: fc.boolean(),
    language: fc.constantFrom('nb', 'nn', 'en' as const),
  })
  .map((g) => ({
    mentions: [{ title: 'helsesekretaer', start: 0, end: 13, text: 'Helsesekretær' }],
    related: [],
    isTargetJob: g.isTargetJob,
    listing: g.listing,
    authorisation: { level: g.level, evidence: g.level === 'not-mentioned' ? null : ev('Krav A.'), alternatives: g.level === 'preferred' ? g.alternatives : [] },
    education: g.education.map((e) => ({ ...e, evidence: ev('Krav B.') })),
    minYearsExperience: g.minYears === null ? null : { years: g.minYears, strength: 'required', evidence: ev('Krav C.') },
    systems: g.systems.map((name) => ({ name, evidence: ev('Krav D.') })),
    norwegian: g.norwegian ? ev('Norsk.') : null,
    language: g.language,
  }));
const asOfArb = fc.constantFrom('2026-06-01', '2026-12-01', '2027-01-01', '2030-08-15');

describe('fit: properties over random profiles and readings', () => {
  it('never says fits (or fits-with-caveats) where authorisation is required and the reader lacks it', () => {
    fc.assert(
      fc.property(profileArb, readingArb, asOfArb, (p, reading, asOf) => {
        const v = fit(p, reading, asOf, rules);
        if (reading.authorisation.level === 'required' && !p.authorisedHelsesekretaer) {
          expect(v.verdict === 'fits' || v.verdict === 'fits-with-caveats').toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the verdict follows from the reasons, and a route is only offered where there is a gap', () => {
    fc.assert(
      fc.property(profileArb, readingArb, asOfArb, (p, reading, asOf) => {
        const v = fit(p, reading, asOf, rules);
        const effects = new Set(v.reasons.map((r) => r.effect));
        if (v.verdict === 'not-yet') expect(effects.has('unmet')).toBe(true);
        if (v.verdict === 'fits-with-caveats') expect(effects.has('unmet') || !effects.has('caveat')).toBe(false);
        if (v.verdict === 'fits') expect(effects.has('unmet') || effects.has('caveat')).toBe(false);
        // An authorised reader's only route is the licence from 80 (F-52), whatever the ad says.
        if (v.verdict === 'cannot-tell') expect(v.route).toBeNull();
        if (v.verdict === 'fits') expect([null, 'licence-after-80']).toContain(v.route);
        if (p.authorisedHelsesekretaer && v.route) expect(['medsek-course', 'licence-after-80']).toContain(v.route);
        for (const r of v.reasons) {
          expect(r.text.length).toBeGreaterThan(0);
          expect(r.textEn.length).toBeGreaterThan(0);
          if (r.evidence) expect(AD_TEXT.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every veiviser leaf is the route chooseRoute gives for authorisation', () => {
    fc.assert(
      fc.property(profileArb, asOfArb, (p, asOf) => {
        const v = fit(p, authorisationGoalReading(), asOf, rules);
        expect(v.route).toBe(chooseRoute(p, asOf, rules, 'authorisation').route);
        expect(v.verdict).toBe(p.authorisedHelsesekretaer ? 'fits' : 'not-yet');
        if (!p.authorisedHelsesekretaer) expect(v.route).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderVerdictText', () => {
  it('renders the verdict, each reason with its quote and sources, and the route, in both languages', () => {
    const v = fit(profile({ birthYear: 1985 }), requiredAuthorisation(), AS_OF, rules);
    const nb = renderVerdictText(v, 'nb');
    expect(nb.split('\n')[0]).toBe('Passer ikke ennå (2026-12-01)');
    expect(nb).toContain('- [mangler] Annonsen krever autorisasjon som helsesekretær');
    expect(nb).toContain('    «Autorisasjon som helsesekretær er et krav.»');
    expect(nb).toContain('    Kilder: F-01, F-03, F-10');
    expect(nb).toContain('\nVei videre: adult-rkv-vg3\nSlik kom vi fram til svaret:\n  1. ');
    expect(nb.trimEnd().split('\n').at(-1)).toMatch(/^ {2}\d+\. Svar: Passer ikke ennå$/);
    expect(renderVerdictText(v, 'nb', { 'adult-rkv-vg3': 'Voksen' })).toContain('Vei videre: Voksen (adult-rkv-vg3)');
    const en = renderVerdictText(v, 'en');
    expect(en.split('\n')[0]).toBe('Not yet (2026-12-01)');
    expect(en).toContain('- [missing] The ad requires authorisation as a health secretary');
    expect(en).toContain('Route: adult-rkv-vg3');
    expect(en).toContain('How we reached this answer:\n  1. ');
  });
});

describe('fit over readings from the real reader (readText)', () => {
  const verdictOf = (p: Profile, reading: AdReading) => {
    const v = fit(p, reading, AS_OF, rules);
    return { verdict: v.verdict, route: v.route, reasons: v.reasons.map((r) => [r.id, r.effect, r.evidence?.text ?? null]) };
  };

  it.each([
    ['legekontor', LEGEKONTOR, requiredAuthorisation],
    ['sykehus', SYKEHUS, alternativesAd],
    ['kommune', KOMMUNE, noAuthorisationAd],
  ])('the %s ad read from text gives the same verdicts as the hand-built reading', (_name, text, built) => {
    const read = readText(text);
    const readers: Profile[] = [
      profile({ authorisedHelsesekretaer: true, completed: ['vg3-helsesekretaer'], yearsAsSecretaryInHealth: 4, systems: ['CGM Allmenn', 'DIPS'] }),
      profile({ birthYear: 1985, completed: ['medisinsk-sekretaer-course'], yearsAsSecretaryInHealth: 3 }),
      profile({ birthYear: 2004, educationAbroad: true }),
    ];
    for (const p of readers) {
      const fromText = verdictOf(p, read);
      const fromBuilt = verdictOf(p, built());
      expect(fromText.verdict).toBe(fromBuilt.verdict);
      expect(fromText.route).toBe(fromBuilt.route);
      // Evidence is the ad's own sentence, at its offsets in the reader's source text.
      for (const r of fit(p, read, AS_OF, rules).reasons) {
        if (r.evidence) expect(read.source.text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
      }
    }
  });

  it('for every fixture ad the reader finds requiring authorisation, an unauthorised reader never fits', async () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ads');
    const files = (await readdir(dir)).filter((f) => /\.(txt|html)$/.test(f));
    let required = 0;
    for (const file of files) {
      const reading = readText(await readFile(path.join(dir, file), 'utf8'));
      for (const p of [profile(), profile({ completed: ['medisinsk-sekretaer-course', 'vg3-helsesekretaer'], yearsAsSecretaryInHealth: 20, systems: ['DIPS', 'CGM'] })]) {
        const v = fit(p, reading, AS_OF, rules);
        if (reading.isTargetJob && !reading.listing && reading.authorisation.level === 'required') {
          required++;
          expect(v.verdict, file).toBe('not-yet');
          expect(v.route, file).not.toBeNull();
        }
        if (!reading.isTargetJob || reading.listing) expect(v.verdict, file).toBe('cannot-tell');
      }
    }
    expect(required).toBeGreaterThan(0);
  });
});
