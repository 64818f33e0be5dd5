// Data from public repositories (the handbook's corpus and board markup) is read in place and never
// committed here: no tracked file may be a byte-for-byte copy of one of its files.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOARDS_MARKUP_DIR, CORPUS_DIR, HAS_BOARDS_MARKUP, HAS_CORPUS, NEEDS_CORPUS } from '../helpers/corpus.ts';

const root = path.resolve(__dirname, '../..');
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function handbookFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== 'README.md')
    .map((e) => path.join(e.parentPath, e.name));
}

describe.skipIf(!HAS_CORPUS || !HAS_BOARDS_MARKUP)(`handbook data stays in the handbook ${NEEDS_CORPUS}`, () => {
  it('no tracked file is a copy of a corpus or board-markup file', () => {
    const handbook = new Map<string, string>();
    for (const file of [...handbookFiles(path.dirname(CORPUS_DIR)), ...handbookFiles(BOARDS_MARKUP_DIR)]) handbook.set(sha(file), file);
    expect(handbook.size).toBeGreaterThan(50);
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
    const copies = tracked
      .map((f) => path.join(root, f))
      .filter((f) => { try { return handbook.has(sha(f)); } catch { return false; } })
      .map((f) => `${path.relative(root, f)} = ${handbook.get(sha(f))}`);
    expect(copies).toEqual([]);
  });
});
