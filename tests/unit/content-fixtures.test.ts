/**
 * Malformed content: each tests/fixtures/content-bad/<case>/ holds files laid over the small valid
 * content in _base/ (and optionally files to delete), plus expect.json with every message the
 * loader must report: position, field, severity and the problem text.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../generator/lib/content/load.ts';
import { formatMessage } from '../../generator/lib/content/messages.ts';

const FIXTURES = path.resolve('tests/fixtures/content-bad');
const temps: string[] = [];

interface Expected {
  delete?: string[];
  messages: { at: string; field: string; severity: 'error' | 'warning'; includes: string }[];
}

/** A fresh copy of _base with the case's files laid over it, in <tmp>/content. */
async function contentFor(name: string): Promise<{ dir: string; expected: Expected }> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'content-bad-'));
  temps.push(tmp);
  const dir = path.join(tmp, 'content');
  await cp(path.join(FIXTURES, '_base'), dir, { recursive: true });
  if (name === '_base') return { dir, expected: { messages: [] } };
  await cp(path.join(FIXTURES, name), dir, { recursive: true, filter: (src) => path.basename(src) !== 'expect.json' });
  const expected = JSON.parse(await readFile(path.join(FIXTURES, name, 'expect.json'), 'utf8')) as Expected;
  for (const file of expected.delete ?? []) await rm(path.join(dir, file));
  return { dir, expected };
}

afterAll(async () => {
  await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
});

const cases = (await readdir(FIXTURES)).filter((name) => !name.startsWith('_')).sort();

describe('content-bad fixtures', () => {
  it('has at least 22 malformed cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(22);
  });

  it('the base they are laid over is valid', async () => {
    const { dir } = await contentFor('_base');
    const { model, messages } = await loadContent(dir);
    expect(messages.map(formatMessage)).toEqual([]);
    expect(model?.rules.routes.map((r) => r.id)).toEqual(['apply-authorisation', 'vgs-full']);
  });

  it.each(cases)('%s: reports exactly the expected messages, with positions', async (name) => {
    const { dir, expected } = await contentFor(name);
    const { model, messages } = await loadContent(dir);
    expect(model).toBeNull();
    expect(expected.messages.length).toBeGreaterThan(0);
    const actual = messages.map((m) => ({ at: `${m.file}:${m.line}:${m.column}`, field: m.field, severity: m.severity, message: m.message }));
    expect(actual).toHaveLength(expected.messages.length);
    expected.messages.forEach((want, i) => {
      const got = actual[i];
      expect(got?.at).toBe(want.at);
      expect(got?.field).toBe(want.field);
      expect(got?.severity).toBe(want.severity);
      expect(got?.message).toContain(want.includes);
    });
    for (const m of messages) {
      // Every message says what was expected, and formats as file:line:col: ...
      expect(m.expected).not.toBe('');
      expect(formatMessage(m)).toMatch(/^content\/[\w./-]+:\d+:\d+: /);
    }
  });
});
