import { describe, expect, it } from 'vitest';
import {
  foreignEducationOf,
  migrateProfileV1ToV2,
  parseProfile,
  questionsToAskAgain,
  yearsOfWorkOf,
  MAX_SYSTEMS,
} from '../../shared/lib/profile.ts';
import { COURSE_IDS } from '../../shared/lib/types.ts';

const valid = {
  birthYear: 1985,
  authorisedHelsesekretaer: false,
  completed: ['vg1-helse-oppvekst', 'medisinsk-sekretaer-course'],
  yearsAsSecretaryInHealth: 6.5,
  educationAbroad: false,
  systems: ['DIPS', 'CGM Allmenn'],
};

function errorsFor(data: unknown, year = 2026): string[] {
  const result = parseProfile(data, year);
  if (result.ok) throw new Error('expected errors, got a profile');
  return result.errors;
}

describe('parseProfile', () => {
  it('accepts a complete profile and returns an equal copy', () => {
    const input = structuredClone(valid);
    const result = parseProfile(input, 2026);
    expect(result).toEqual({ ok: true, profile: valid });
    if (!result.ok) return;
    input.completed.push('vg2-helseservice');
    input.systems.length = 0;
    expect(result.profile.completed).toEqual(['vg1-helse-oppvekst', 'medisinsk-sekretaer-course']);
    expect(result.profile.systems).toEqual(['DIPS', 'CGM Allmenn']);
  });

  it('accepts every course id, and an empty list', () => {
    expect(parseProfile({ ...valid, completed: [...COURSE_IDS] }, 2026).ok).toBe(true);
    expect(parseProfile({ ...valid, completed: [] }, 2026).ok).toBe(true);
  });

  it.each([
    [1900, true],
    [1899, false],
    [2026, true],
    [2027, false],
    [1985.5, false],
    ['1985', false],
  ])('birthYear %s → ok %s (current year 2026)', (birthYear, ok) => {
    const result = parseProfile({ ...valid, birthYear }, 2026);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.errors).toEqual(['birthYear: må være et helt tall mellom 1900 og 2026']);
  });

  it('takes the upper birth-year bound from the current year it is given', () => {
    expect(parseProfile({ ...valid, birthYear: 2027 }, 2027).ok).toBe(true);
    expect(errorsFor({ ...valid, birthYear: 2028 }, 2027)).toEqual(['birthYear: må være et helt tall mellom 1900 og 2027']);
  });

  it.each([
    [0, true],
    [60, true],
    [60.5, false],
    [-0.5, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    [null, false],
  ])('yearsAsSecretaryInHealth %s → ok %s', (years, ok) => {
    const result = parseProfile({ ...valid, yearsAsSecretaryInHealth: years }, 2026);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.errors).toEqual(['yearsAsSecretaryInHealth: må være et tall fra 0 til 60']);
  });

  it('names an unknown course by index and value', () => {
    expect(errorsFor({ ...valid, completed: ['vg1-helse-oppvekst', 'vg3-helsefagarbeider'] })).toEqual([
      'completed[1]: ukjent utdanningssteg "vg3-helsefagarbeider"; gyldige verdier: vg1-helse-oppvekst, vg2-helseservice, vg3-helsesekretaer, medisinsk-sekretaer-course',
    ]);
  });

  it('rejects duplicate courses, naming the duplicate', () => {
    expect(errorsFor({ ...valid, completed: ['vg2-helseservice', 'vg1-helse-oppvekst', 'vg2-helseservice'] })).toEqual([
      'completed: "vg2-helseservice" står mer enn én gang',
    ]);
  });

  it('rejects unknown keys (strict), naming each', () => {
    expect(errorsFor({ ...valid, name: 'Kari', fnr: '01010112345' })).toEqual([
      'name: ukjent felt (tillatte felt: birthYear, authorisedHelsesekretaer, completed, yearsAsSecretaryInHealth, educationAbroad, systems, foreignEducation, otherUpperSecondaryCompleted, yearsOfWork)',
      'fnr: ukjent felt (tillatte felt: birthYear, authorisedHelsesekretaer, completed, yearsAsSecretaryInHealth, educationAbroad, systems, foreignEducation, otherUpperSecondaryCompleted, yearsOfWork)',
    ]);
  });

  it('reports a missing field as missing', () => {
    const { educationAbroad: _dropped, ...rest } = valid;
    expect(errorsFor(rest)).toEqual(['educationAbroad: mangler; må være true eller false (er utdanningen din fra utlandet?)']);
  });

  it('reports every problem at once, each naming its field', () => {
    const errors = errorsFor({
      birthYear: 1800,
      authorisedHelsesekretaer: 'ja',
      completed: 'vg1-helse-oppvekst',
      yearsAsSecretaryInHealth: -1,
      educationAbroad: 0,
      systems: ['DIPS', ''],
    });
    expect(errors.map((e) => e.split(/[:[]/)[0])).toEqual([
      'birthYear',
      'authorisedHelsesekretaer',
      'completed',
      'yearsAsSecretaryInHealth',
      'educationAbroad',
      'systems',
    ]);
    expect(errors[5]).toBe('systems[1]: må være et navn på 1 til 80 tegn');
  });

  it('limits the number of systems', () => {
    const systems = Array.from({ length: MAX_SYSTEMS + 1 }, (_, i) => `System ${i}`);
    expect(errorsFor({ ...valid, systems })[0]).toMatch(/^systems: må være en liste med inntil 30 navn/);
  });

  it.each([null, undefined, 'profil', 42, []])('rejects %j as not an object', (data) => {
    expect(errorsFor(data)).toEqual([
      'profil: må være et objekt med feltene birthYear, authorisedHelsesekretaer, completed, yearsAsSecretaryInHealth, educationAbroad, systems, foreignEducation, otherUpperSecondaryCompleted, yearsOfWork',
    ]);
  });
});

describe('the optional fields of version 2', () => {
  it('accepts a profile without them, unchanged (every version-1 profile stays valid)', () => {
    expect(parseProfile(valid, 2026)).toEqual({ ok: true, profile: valid });
  });

  it('accepts and copies foreignEducation, otherUpperSecondaryCompleted and yearsOfWork', () => {
    const input = { ...valid, educationAbroad: true, foreignEducation: { completed: 'partial', region: 'nordic' }, otherUpperSecondaryCompleted: true, yearsOfWork: 12 };
    const result = parseProfile(input, 2026);
    expect(result).toEqual({ ok: true, profile: input });
    if (!result.ok) return;
    input.foreignEducation.region = 'uk';
    expect(result.profile.foreignEducation?.region).toBe('nordic');
  });

  it.each([
    [{ foreignEducation: { completed: 'half', region: 'nordic' } }, 'foreignEducation'],
    [{ foreignEducation: { completed: 'partial', region: 'mars' } }, 'foreignEducation'],
    [{ foreignEducation: { completed: 'partial' } }, 'foreignEducation'],
    [{ foreignEducation: { completed: 'partial', region: 'uk', extra: 1 } }, 'foreignEducation'],
    [{ otherUpperSecondaryCompleted: 'ja' }, 'otherUpperSecondaryCompleted'],
    [{ yearsOfWork: -1 }, 'yearsOfWork'],
    [{ yearsOfWork: 61 }, 'yearsOfWork'],
  ])('rejects %j, naming %s', (extra, field) => {
    const errors = errorsFor({ ...valid, ...extra });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.startsWith(`${field}: `)).toBe(true);
  });

  it('reads missing fields with their version-1 meaning', () => {
    const v1 = parseProfile({ ...valid, educationAbroad: true }, 2026);
    if (!v1.ok) throw new Error('invalid');
    expect(foreignEducationOf(v1.profile)).toEqual({ completed: 'full-equivalent', region: 'other' });
    expect(foreignEducationOf({ ...v1.profile, educationAbroad: false, foreignEducation: { completed: 'partial', region: 'uk' } })).toBeNull();
    expect(yearsOfWorkOf(v1.profile)).toBe(6.5);
    expect(yearsOfWorkOf({ ...v1.profile, yearsOfWork: 20 })).toBe(20);
    // Years as a secretary are years of work too.
    expect(yearsOfWorkOf({ ...v1.profile, yearsOfWork: 2 })).toBe(6.5);
  });
});

describe('stored-profile migration 1 → 2', () => {
  it('carries a version-1 profile over unchanged, as a copy', () => {
    const stored = structuredClone(valid);
    const migrated = migrateProfileV1ToV2(stored);
    expect(migrated).toEqual(valid);
    expect(migrated).not.toBe(stored);
    expect(parseProfile(migrated, 2026)).toEqual({ ok: true, profile: valid });
  });

  it('passes anything that is not an object through, for parseProfile to set aside', () => {
    for (const junk of [null, 'x', 42, [1]]) expect(migrateProfileV1ToV2(junk)).toEqual(junk);
  });

  it('asks again only where a missing answer can change the route', () => {
    const base = { ...valid, completed: [] as never[] };
    expect(questionsToAskAgain({ ...base, authorisedHelsesekretaer: true })).toEqual([]);
    expect(questionsToAskAgain({ ...base, completed: ['vg3-helsesekretaer'] })).toEqual([]);
    expect(questionsToAskAgain(base)).toEqual(['otherUpperSecondaryCompleted', 'yearsOfWork']);
    expect(questionsToAskAgain({ ...base, educationAbroad: true })).toEqual(['foreignEducation', 'otherUpperSecondaryCompleted', 'yearsOfWork']);
    expect(questionsToAskAgain({ ...base, educationAbroad: true, foreignEducation: { completed: 'partial', region: 'uk' }, otherUpperSecondaryCompleted: false, yearsOfWork: 3 })).toEqual([]);
  });
});
