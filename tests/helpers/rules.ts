/**
 * The rules exactly as shipped: content/ loaded and validated by the generator's loader, so tests
 * of the core run against the same data the site and the extension use.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../generator/lib/content/load.ts';
import { defaultProfile } from '../../shared/lib/profile.ts';
import { emptyReading } from '../../shared/lib/read.ts';
import type { AdReading, Evidence, Profile, Rules } from '../../shared/lib/types.ts';

const CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');

let shipped: Promise<Rules> | null = null;

export function loadShippedRules(): Promise<Rules> {
  shipped ??= loadContent(CONTENT_DIR).then(({ model, messages }) => {
    if (!model) {
      const lines = messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.field}: ${m.message}`);
      throw new Error(`content/ does not load:\n${lines.join('\n')}`);
    }
    return model.rules;
  });
  return shipped;
}

export const CONTENT_PATH = CONTENT_DIR;

export function profile(overrides: Partial<Profile> = {}): Profile {
  return defaultProfile(overrides);
}

/**
 * Builds an AdReading over a real ad text: each quoted sentence is looked up in `text`, so
 * evidence offsets are true offsets (text.slice(start, end) === evidence.text).
 */
export class ReadingBuilder {
  private readonly reading: AdReading;

  constructor(readonly text: string) {
    const title = /helsesekretær|medisinsk sekretær|legesekretær/i.exec(text);
    this.reading = {
      ...emptyReading(),
      mentions: title
        ? [
            {
              title: /helse/i.test(title[0]) ? 'helsesekretaer' : /medisinsk/i.test(title[0]) ? 'medisinsk-sekretaer' : 'legesekretaer',
              start: title.index,
              end: title.index + title[0].length,
              text: title[0],
            },
          ]
        : [],
      isTargetJob: title !== null,
    };
  }

  evidence(sentence: string): Evidence {
    const start = this.text.indexOf(sentence);
    if (start < 0) throw new Error(`not in the ad text: ${sentence}`);
    return { start, end: start + sentence.length, text: sentence };
  }

  with(change: (r: AdReading, ev: (sentence: string) => Evidence) => void): this {
    change(this.reading, (s) => this.evidence(s));
    return this;
  }

  build(): AdReading {
    return structuredClone(this.reading);
  }
}
