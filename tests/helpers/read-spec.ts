/**
 * Phrase → reading, for the per-rule read specs (tests/unit/read-*.test.ts): one phrase placed in a
 * small ad and read by the real reader, errors not caught (readAdUnguarded).
 */
import { readAdUnguarded, type AdReadingWithSource } from '../../shared/lib/read.ts';
import { sourceFromInput } from '../../shared/lib/source/index.ts';

export interface Placement {
  /** The ad's title line (default "Legesekretær"). */
  title?: string;
  /** The heading the phrase is listed under (default "Kvalifikasjoner"); null: a body paragraph. */
  heading?: string | null;
}

export function readPhrase(phrase: string, { title = 'Legesekretær', heading = 'Kvalifikasjoner' }: Placement = {}): AdReadingWithSource {
  const intro = /^(medical|health|physician)/i.test(title) ? `We are looking for a ${title.toLowerCase()}.` : `Legesenteret søker ${title.toLowerCase()} i 80 % stilling.`;
  const text = heading === null ? `${title}\n\n${intro}\n\n${phrase}\n` : `${title}\n\n${intro}\n\n${heading}\n- ${phrase}\n`;
  return readAdUnguarded(sourceFromInput(text));
}
