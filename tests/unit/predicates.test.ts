import { beforeAll, describe, expect, it } from 'vitest';
import {
  PREDICATES,
  PREDICATE_NAMES,
  evaluatePredicate,
  parameterAt,
  yearOf,
  type PredicateContext,
} from '../../shared/lib/predicates.ts';
import type { Rules, TraceEntry } from '../../shared/lib/types.ts';
import { loadShippedRules, profile } from '../helpers/rules.ts';

let rules: Rules;
beforeAll(async () => {
  rules = await loadShippedRules();
});

function holds(name: string, ctx: Omit<PredicateContext, 'rules'>, withRules: Rules = rules): { result: boolean; trace: TraceEntry[] } {
  const trace: TraceEntry[] = [];
  const result = evaluatePredicate(name, { ...ctx, rules: withRules }, trace);
  return { result, trace };
}

describe('has-adult-right (from the calendar year one turns 25, F-24)', () => {
  it.each([
    [2001, '2026-06-01', true],
    [2002, '2026-06-01', false],
    [2002, '2026-12-31', false],
    [2002, '2027-01-01', true],
    [2001, '2026-01-01', true],
    [1960, '2026-06-01', true],
  ])('born %i, asOf %s → %s', (birthYear, asOf, expected) => {
    expect(holds('has-adult-right', { profile: profile({ birthYear }), asOf }).result).toBe(expected);
  });

  it('traces the parameter it read, with its validity and facts, before the predicate', () => {
    const { trace } = holds('has-adult-right', { profile: profile({ birthYear: 2001 }), asOf: '2026-06-01' });
    expect(trace).toEqual([
      { kind: 'parameter', rule: 'parameter:adult-right-age', inputs: { asOf: '2026-06-01', checked: '2026-12-06' }, result: 25, facts: ['F-24', 'F-25'] },
      {
        kind: 'predicate',
        rule: 'predicate:has-adult-right',
        inputs: { birthYear: 2001, asOfYear: 2026, ageThisYear: 25, adultRightAge: 25, otherUpperSecondaryCompleted: false },
        result: true,
        facts: ['F-24', 'F-25'],
      },
    ]);
  });

  it('reads the value valid at asOf when the parameter changes', () => {
    const changed: Rules = {
      ...rules,
      parameters: [
        {
          id: 'adult-right-age',
          description: 'test: a hypothetical change',
          values: [
            { from: '2024-08-01', to: '2030-07-31', value: 25 },
            { from: '2030-08-01', value: 30 },
          ],
          facts: ['F-24'],
        },
      ],
    };
    const born2004 = profile({ birthYear: 2004 });
    expect(holds('has-adult-right', { profile: born2004, asOf: '2030-07-31' }, changed).result).toBe(true);
    expect(holds('has-adult-right', { profile: born2004, asOf: '2030-08-01' }, changed).result).toBe(false);
  });

  it('does not hold where the fact base gives no value (before the parameter starts)', () => {
    const { result, trace } = holds('has-adult-right', { profile: profile({ birthYear: 1960 }), asOf: '2024-07-31' });
    expect(result).toBe(false);
    expect(trace[0]).toMatchObject({ rule: 'parameter:adult-right-age', result: null });
  });
});

describe('parameterAt', () => {
  it('treats from and to as inclusive', () => {
    const r: Rules = {
      ...rules,
      parameters: [{ id: 'p', description: '', values: [{ from: '2020-01-01', to: '2020-12-31', value: 1 }, { from: '2021-01-01', value: 2 }], facts: [] }],
    };
    expect(parameterAt(r, 'p', '2019-12-31')).toBeNull();
    expect(parameterAt(r, 'p', '2020-01-01')?.value).toBe(1);
    expect(parameterAt(r, 'p', '2020-12-31')?.value).toBe(1);
    expect(parameterAt(r, 'p', '2021-01-01')?.value).toBe(2);
    expect(parameterAt(r, 'missing', '2021-01-01')).toBeNull();
  });

  it('shipped fees are the F-15 amounts from 1.3.2023, and the transitional rule is closed from 2008', () => {
    expect(parameterAt(rules, 'authorisation-fee-innmeldingsliste', '2023-02-28')).toBeNull();
    expect(parameterAt(rules, 'authorisation-fee-innmeldingsliste', '2023-03-01')?.value).toBe(750);
    expect(parameterAt(rules, 'authorisation-fee-self-norwegian', '2026-06-01')?.value).toBe(2000);
    expect(parameterAt(rules, 'authorisation-fee-eu', '2026-06-01')?.value).toBe(2500);
    expect(parameterAt(rules, 'authorisation-fee-outside-eu', '2026-06-01')?.value).toBe(3500);
    expect(parameterAt(rules, 'transitional-rule-open', '2007-12-31')).toBeNull();
    expect(parameterAt(rules, 'transitional-rule-open', '2008-01-01')?.value).toBe(false);
  });
});

describe('profile predicates at their boundaries', () => {
  const asOf = '2026-12-01';
  it.each([
    ['has-secretary-experience', 1, true],
    ['has-secretary-experience', 0.9, false],
    ['long-secretary-experience', 5, true],
    ['long-secretary-experience', 4.9, false],
  ])('%s with %s years → %s', (name, yearsAsSecretaryInHealth, expected) => {
    expect(holds(name, { profile: profile({ yearsAsSecretaryInHealth }), asOf }).result).toBe(expected);
  });

  it('long-secretary-experience reads experience-years-fellesfag-exemption (F-22)', () => {
    const { trace } = holds('long-secretary-experience', { profile: profile({ yearsAsSecretaryInHealth: 7 }), asOf });
    expect(trace.map((t) => t.rule)).toEqual(['parameter:experience-years-fellesfag-exemption', 'predicate:long-secretary-experience']);
    expect(trace[1]?.facts).toContain('F-22');
  });

  it.each([
    ['has-vg1', 'vg1-helse-oppvekst'],
    ['has-vg2', 'vg2-helseservice'],
    ['has-vg3', 'vg3-helsesekretaer'],
    ['has-medsek-course', 'medisinsk-sekretaer-course'],
  ] as const)('%s holds exactly when %s is completed', (name, course) => {
    expect(holds(name, { profile: profile({ completed: [course] }), asOf }).result).toBe(true);
    const others = (['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer', 'medisinsk-sekretaer-course'] as const).filter((c) => c !== course);
    expect(holds(name, { profile: profile({ completed: [...others] }), asOf }).result).toBe(false);
  });

  it('authorised and education-abroad read their flags', () => {
    expect(holds('authorised', { profile: profile({ authorisedHelsesekretaer: true }), asOf }).result).toBe(true);
    expect(holds('authorised', { profile: profile({ completed: ['vg3-helsesekretaer'] }), asOf }).result).toBe(false);
    expect(holds('education-abroad', { profile: profile({ educationAbroad: true }), asOf }).result).toBe(true);
    expect(holds('education-abroad', { profile: profile(), asOf }).result).toBe(false);
  });
});

describe('predicate catalogue', () => {
  it('PREDICATE_NAMES lists every predicate once', () => {
    expect(PREDICATE_NAMES).toEqual(PREDICATES.map((p) => p.name));
    expect(new Set(PREDICATE_NAMES).size).toBe(PREDICATE_NAMES.length);
    for (const name of ['authorised', 'has-vg1', 'has-vg2', 'has-vg3', 'has-medsek-course', 'education-abroad', 'has-adult-right', 'has-secretary-experience', 'long-secretary-experience']) {
      expect(PREDICATE_NAMES).toContain(name);
    }
  });

  it('every predicate cites facts that exist and parameters that exist', () => {
    const factIds = new Set(rules.facts.map((f) => f.id));
    const parameterIds = new Set(rules.parameters.map((p) => p.id));
    for (const predicate of PREDICATES) {
      expect(predicate.facts.length, predicate.name).toBeGreaterThan(0);
      for (const id of predicate.facts) expect(factIds, `${predicate.name} → ${id}`).toContain(id);
      for (const id of predicate.parameters) expect(parameterIds, `${predicate.name} → ${id}`).toContain(id);
    }
  });

  it('a predicate that reads a parameter traces exactly the parameters it declares', () => {
    for (const predicate of PREDICATES) {
      const { trace } = holds(predicate.name, { profile: profile({ yearsAsSecretaryInHealth: 10 }), asOf: '2026-12-01' });
      expect(trace.filter((t) => t.rule.startsWith('parameter:')).map((t) => t.rule.slice('parameter:'.length))).toEqual(predicate.parameters);
    }
  });
});

describe('yearOf', () => {
  it('rejects anything but YYYY-MM-DD', () => {
    expect(yearOf('2026-06-01')).toBe(2026);
    expect(() => yearOf('1.6.2026')).toThrow(/ÅÅÅÅ-MM-DD/);
    expect(() => yearOf('2026-06-01T00:00:00Z')).toThrow();
  });
});
