import { describe, expect, it } from 'vitest';
import { getReason } from '../../shared/index.ts';

describe('reason texts in English: "1 year", never "1 years"', () => {
  it.each([
    ['experience-met', [1, 2, true]],
    ['experience-below-minimum', [1, 0]],
    ['experience-preferred-below', [1, 0]],
  ] as const)('%s with a minimum of 1', (id, params) => {
    const en = getReason(id)!.texts(...params).en;
    expect(en).toContain('at least 1 year of experience');
    expect(en).not.toMatch(/\b1 years\b/);
  });

  it('more than one stays plural', () => {
    expect(getReason('experience-below-minimum')!.texts(3, 0).en).toContain('at least 3 years of experience');
  });
});
