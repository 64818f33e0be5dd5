import { describe, expect, it } from 'vitest';
import { parseProfile, MAX_SYSTEMS } from '../../shared/lib/profile.ts';
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
      'name: ukjent felt (tillatte felt: birthYear, authorisedHelsesekretaer, completed, yearsAsSecretaryInHealth, educationAbroad, systems)',
      'fnr: ukjent felt (tillatte felt: birthYear, authorisedHelsesekretaer, completed, yearsAsSecretaryInHealth, educationAbroad, systems)',
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
      'profil: må være et objekt med feltene birthYear, authorisedHelsesekretaer, completed, yearsAsSecretaryInHealth, educationAbroad, systems',
    ]);
  });
});
