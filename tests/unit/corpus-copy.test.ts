import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, TEAM_CORPUS_DIR } from '../helpers/corpus.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('corpus copy', () => {
  it('holds the 28 labelled ads, their raw HTML and the 240-ad pool', () => {
    const all = files(CORPUS_DIR);
    expect(all.filter((f) => f.startsWith('ads/'))).toHaveLength(28);
    expect(all.filter((f) => f.startsWith('raw/'))).toHaveLength(28);
    expect(readFileSync(path.join(CORPUS_DIR, 'labels.jsonl'), 'utf8').trim().split('\n')).toHaveLength(28);
    expect(readFileSync(path.join(CORPUS_DIR, 'pool.jsonl'), 'utf8').trim().split('\n')).toHaveLength(240);
  });

  it.skipIf(!existsSync(TEAM_CORPUS_DIR))('is byte-identical to the team corpus beside the checkout', () => {
    const ours = files(CORPUS_DIR);
    expect(ours).toEqual(files(TEAM_CORPUS_DIR));
    for (const f of ours) expect(readFileSync(path.join(CORPUS_DIR, f)).equals(readFileSync(path.join(TEAM_CORPUS_DIR, f))), f).toBe(true);
  });
});
