// shared/lib/read-regex.ts: rx() makes \b a Unicode-aware word edge (JavaScript's \b knows only ASCII letters).
import { describe, expect, it } from 'vitest';
import { rx } from '../../shared/lib/read-regex.ts';

describe('rx: \\b at Norwegian word edges', () => {
  it.each([
    ['\\bmå\\b', 'du må ha autorisasjon', true],
    ['\\bmå\\b', 'på en god måte', false],
    ['\\bønskelig\\b', 'det er ønskelig', true],
    ['\\bønskelig\\b', 'uønskelighet', false],
    ['\\bbør\\b', 'du bør ha', true],
    ['\\bbør\\b', 'børsnotert', false],
    ['\\b(år|års)\\b', '3 års erfaring', true],
    ['\\b(år|års)\\b', 'tårn', false],
  ] as const)('%s on «%s» → %s', (source, text, expected) => {
    expect(rx(source).test(text)).toBe(expected);
  });

  it('keeps the flags it is given and adds u', () => {
    expect(rx('\\bx\\b', 'gi').flags).toBe('giu');
  });
});
