import { describe, expect, it } from 'vitest';
import { fit } from '../../shared/lib/fit.ts';
import { PREDICATES } from '../../shared/lib/predicates.ts';
import { readText } from '../../shared/lib/read.ts';
import { PARAMETER_LABELS, traceSteps } from '../../shared/lib/trace.ts';
import { loadShippedRules, profile } from '../helpers/rules.ts';

const AD = 'Helsesekretær\n\nKvalifikasjoner\n- Autorisasjon som helsesekretær\n- Gode norskkunnskaper\n';

describe('traceSteps', () => {
  it('turns a verdict trace into readable steps, in order, without repeats', async () => {
    const rules = await loadShippedRules();
    const titles = Object.fromEntries(rules.routes.map((r) => [r.id, r.title]));
    const verdict = fit(profile({ birthYear: 1980, completed: ['medisinsk-sekretaer-course'] }), readText(AD), '2026-11-28', rules);
    const steps = traceSteps(verdict.trace, 'nb', titles);

    expect(new Set(steps.map((s) => `${s.rule}|${s.result}`)).size).toBe(steps.length);
    expect(steps.some((s) => s.rule === 'conditions')).toBe(false);
    expect(steps).toContainEqual({ rule: 'predicate:authorised', text: 'Autorisert som helsesekretær', result: 'nei', facts: ['F-01', 'F-10'] });
    expect(steps).toContainEqual(expect.objectContaining({ rule: 'predicate:has-adult-right', result: 'ja', facts: ['F-24', 'F-25'] }));
    expect(steps).toContainEqual(expect.objectContaining({ rule: 'parameter:adult-right-age', text: 'Alder for voksenrett (kontrollert 2026-12-06)', result: '25' }));
    expect(steps).toContainEqual(expect.objectContaining({ rule: 'reason:authorisation-required-missing', text: 'Vurdering av autorisasjonskravet', result: 'mangler' }));
    // Readers see names, not rule ids.
    for (const step of steps) expect(step.text, step.rule).not.toContain(step.rule.split(':')[1] ?? '\u0000');
    expect(steps.at(-2)).toMatchObject({ rule: 'choose-route', result: titles[verdict.route!] });
    expect(steps.at(-1)).toMatchObject({ rule: 'verdict', text: 'Svar', result: 'Passer ikke ennå' });
    // Every step the trace had (apart from conditions) is still there.
    const kept = new Set(steps.map((s) => s.rule));
    for (const entry of verdict.trace) if (entry.rule !== 'conditions') expect(kept.has(entry.rule), entry.rule).toBe(true);
  });

  it('speaks English when asked, and every predicate has a label in both languages', async () => {
    const rules = await loadShippedRules();
    const verdict = fit(profile({ authorisedHelsesekretaer: true, completed: ['vg3-helsesekretaer'] }), readText(AD), '2026-11-28', rules);
    const steps = traceSteps(verdict.trace, 'en');
    expect(steps).toContainEqual(expect.objectContaining({ rule: 'predicate:authorised', text: 'Authorised as helsesekretær', result: 'yes' }));
    expect(steps.at(-1)).toMatchObject({ text: 'Answer', result: 'Fits' });
    for (const p of PREDICATES) {
      expect(p.label.nb, p.name).not.toBe('');
      expect(p.label.en, p.name).not.toBe('');
      for (const parameter of p.parameters ?? []) expect(PARAMETER_LABELS[parameter], `${p.name} reads ${parameter}`).toBeDefined();
    }
  });
});

describe('trace entries carry their kind', () => {
  const ALTERNATIVES = 'Legesekretær\n\nKvalifikasjoner\n- Utdanning som legesekretær eller fem års erfaring\n- Minst ett års erfaring fra legekontor\n';

  it('every entry names its kind, and a rule with an id is "kind:id"', async () => {
    const rules = await loadShippedRules();
    for (const p of [profile(), profile({ yearsAsSecretaryInHealth: 6 }), profile({ educationAbroad: true })]) {
      for (const text of [AD, ALTERNATIVES]) {
        const verdict = fit(p, readText(text), '2026-12-06', rules);
        for (const entry of verdict.trace) {
          expect(['predicate', 'parameter', 'conditions', 'route', 'choose-route', 'reason', 'requirement', 'verdict', 'situation', 'advice']).toContain(entry.kind);
          expect(entry.rule === entry.kind || entry.rule.startsWith(`${entry.kind}:`), entry.rule).toBe(true);
        }
      }
    }
  });

  it('requirement checks read as questions with yes/no, reasons by their registry topic', async () => {
    const rules = await loadShippedRules();
    const verdict = fit(profile({ yearsAsSecretaryInHealth: 6 }), readText(ALTERNATIVES), '2026-12-06', rules);
    const steps = traceSteps(verdict.trace, 'nb');
    expect(steps).toContainEqual({ rule: 'requirement:alternatives', text: 'Oppfyller du ett av alternativene i kravet', result: 'ja', facts: [] });
    expect(steps).toContainEqual({ rule: 'requirement:experience-years', text: 'Har du så mange års erfaring som annonsen ber om', result: 'ja', facts: [] });
    expect(steps).toContainEqual({ rule: 'reason:alternatives-met', text: 'Vurdering av et krav med alternativer', result: 'oppfylt', facts: [] });
    const none = traceSteps(fit(profile(), readText(ALTERNATIVES), '2026-12-06', rules).trace, 'en');
    expect(none).toContainEqual({ rule: 'requirement:alternatives', text: 'Do you meet one of the alternatives in the requirement', result: 'no', facts: [] });
  });
});
