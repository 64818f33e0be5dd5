import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPORT_HINT, runCommand, UsageError, type Command } from '../../generator/cli/index.ts';

const BIN = path.resolve('bin/sekretaersjekk.js');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a user would, feeding `input` on standard input. */
function cli(args: string[], input = ''): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

const REQUIRED_AD = `Helsesekretær til Fjordbyen legesenter

Vi søker en helsesekretær i 100 % fast stilling.

Kvalifikasjoner
- Autorisasjon som helsesekretær
- Minimum to års erfaring fra legekontor
- Erfaring med CGM Allmenn
- Gode norskkunnskaper, muntlig og skriftlig
`;

let dir: string;
const profiles = {
  unauthorisedAdult: {
    birthYear: 1985,
    authorisedHelsesekretaer: false,
    completed: ['medisinsk-sekretaer-course'],
    yearsAsSecretaryInHealth: 6,
    educationAbroad: false,
    systems: [],
  },
  authorised: {
    birthYear: 1990,
    authorisedHelsesekretaer: true,
    completed: ['vg1-helse-oppvekst', 'vg2-helseservice', 'vg3-helsesekretaer'],
    yearsAsSecretaryInHealth: 3,
    educationAbroad: false,
    systems: ['CGM'],
  },
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sekretaersjekk-cli-'));
  await writeFile(path.join(dir, 'ad.txt'), REQUIRED_AD);
  await writeFile(
    path.join(dir, 'ad.html'),
    '<!doctype html><html><body><h1>Legesekretærvikariat</h1><h2>Ønskede kvalifikasjoner</h2><ul><li>Autorisert helsesekretær er en fordel</li></ul></body></html>',
  );
  for (const [name, profile] of Object.entries(profiles)) await writeFile(path.join(dir, `${name}.json`), JSON.stringify(profile));
  await writeFile(path.join(dir, 'broken.json'), '{"birthYear": 1990,');
  await writeFile(path.join(dir, 'invalid.json'), JSON.stringify({ ...profiles.authorised, birthYear: 'nittennitti' }));
}, 30_000);

describe('sekretaersjekk scan', () => {
  it('prints one JSON object per input, in order, with the contract fields', async () => {
    const { code, stdout } = await cli(['scan', '--json', path.join(dir, 'ad.txt'), path.join(dir, 'ad.html')]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const [text, html] = lines;
    expect(text.file).toBe(path.join(dir, 'ad.txt'));
    expect(text.mentions[0]).toMatchObject({ title: 'helsesekretaer', text: 'Helsesekretær', start: 0, end: 13 });
    expect(text.isTargetJob).toBe(true);
    expect(text.listing).toBe(false);
    expect(text.authorisation).toMatchObject({ level: 'required', evidence: 'Autorisasjon som helsesekretær' });
    expect(text.minYearsExperience).toBe(2);
    expect(text.systems).toEqual(['CGM']);
    expect(text.norwegian).toBe('Gode norskkunnskaper, muntlig og skriftlig');
    // HTML is recognised by content, not by the file name.
    expect(html.mentions.map((m: { title: string }) => m.title)).toEqual(['legesekretaer', 'helsesekretaer']);
    expect(html.authorisation.level).toBe('preferred');
  });

  it('reads standard input when given no file', async () => {
    const { code, stdout } = await cli(['scan', '--json'], 'Vi søker medisinsk sekretær til poliklinikken.');
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(record.file).toBe('<stdin>');
    expect(record.mentions).toEqual([{ title: 'medisinsk-sekretaer', text: 'medisinsk sekretær', start: 9, end: 27 }]);
  });

  it('reads standard input for -', async () => {
    const { stdout } = await cli(['scan', '--json', '-'], 'Legesekretær søkes');
    expect(JSON.parse(stdout).mentions[0].title).toBe('legesekretaer');
  });

  it('reports an unreadable file clearly with exit code 2, and still scans the others', async () => {
    const missing = path.join(dir, 'missing.txt');
    const { code, stdout, stderr } = await cli(['scan', '--json', missing, path.join(dir, 'ad.txt')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`«${missing}» finnes ikke`);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('prints readable Norwegian without --json', async () => {
    const { stdout } = await cli(['scan', path.join(dir, 'ad.txt')]);
    expect(stdout).toContain('Autorisasjon som helsesekretær: kreves');
    expect(stdout).toContain('Erfaring: minst 2 år');
  });
});

describe('sekretaersjekk fit', () => {
  it('gives not-yet with the adult route for an unauthorised adult where authorisation is required', async () => {
    const { code, stdout } = await cli([
      'fit',
      '--profile',
      path.join(dir, 'unauthorisedAdult.json'),
      '--json',
      '--as-of',
      '2026-11-28',
      path.join(dir, 'ad.txt'),
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.verdict).toBe('not-yet');
    expect(result.route).toBe('adult-rkv-vg3');
    expect(result.reasons.some((r: { evidence: { text: string } | null }) => r.evidence?.text === 'Autorisasjon som helsesekretær')).toBe(true);
    expect(result.trace.length).toBeGreaterThan(0);
  });

  it('gives fits for an authorised reader, and explains in Norwegian without --json', async () => {
    const args = ['fit', '--profile', path.join(dir, 'authorised.json'), '--as-of', '2026-11-28'];
    const json = JSON.parse((await cli([...args, '--json', path.join(dir, 'ad.txt')])).stdout);
    expect(json.verdict).toBe('fits');
    expect(json.route).toBeNull();
    const { code, stdout } = await cli([...args, path.join(dir, 'ad.txt')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/autorisasjon/i);
  });

  it.each([
    ['a missing profile option', ['fit', 'AD'], /--profile/],
    ['a profile that is not JSON', ['fit', '--profile', 'DIR/broken.json', 'AD'], /ikke gyldig JSON/],
    ['an invalid profile', ['fit', '--profile', 'DIR/invalid.json', 'AD'], /birthYear/],
    ['a missing ad file', ['fit', '--profile', 'DIR/authorised.json', 'DIR/nope.txt'], /finnes ikke/],
    ['an unknown option', ['fit', '--profil', 'x', 'AD'], /ugyldig valg/],
    ['a malformed date', ['fit', '--profile', 'DIR/authorised.json', '--as-of', '28.11.2026', 'AD'], /--as-of/],
  ])('rejects %s with a clear message and exit code 2', async (_name, args, message) => {
    const resolved = args.map((a) => a.replace('DIR', dir).replace(/^AD$/, path.join(dir, 'ad.txt')));
    const { code, stderr, stdout } = await cli(resolved);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('sekretaersjekk', () => {
  it('names an unknown command and exits 2', async () => {
    const { code, stderr } = await cli(['skann']);
    expect(code).toBe(2);
    expect(stderr).toContain('ukjent kommando «skann»');
  });
});

describe('errors: bad input is 2, our own bugs are 1', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Runs a command through the CLI's error handling, capturing what it writes to stderr. */
  async function run(fail: () => never): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    const command: Command = { name: 'fit', summary: '', run: async () => fail() };
    const code = await runCommand(command, []);
    return { code, stderr };
  }

  it('reports a bug in the tool (not bad input) as an internal error, exit 1, with a hint to report it', async () => {
    const { code, stderr } = await run(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'level')");
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sekretaersjekk fit: intern feil \(internal error\)\n/);
    expect(stderr).toContain("TypeError: Cannot read properties of undefined (reading 'level')");
    expect(stderr).toContain(REPORT_HINT);
    expect(REPORT_HINT).toMatch(/[Mm]eld/);
  });

  it('keeps bad input at exit 2, one line, no stack trace and no report hint', async () => {
    const { code, stderr } = await run(() => {
      throw new UsageError('filen «x» finnes ikke');
    });
    expect(code).toBe(2);
    expect(stderr).toBe('sekretaersjekk fit: filen «x» finnes ikke\n');
  });

  it('names a port in use as bad input (exit 2), not as a bug', async () => {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const out = await mkdtemp(path.join(tmpdir(), 'sekretaersjekk-port-'));
      const { code, stderr } = await cli(['generate', '--out', out, '--watch', '--serve', '--port', String(port)]);
      expect(code).toBe(2);
      expect(stderr).toContain(`porten ${port} er i bruk`);
      expect(stderr).not.toContain('intern feil');
    } finally {
      server.close();
    }
  }, 60_000);
});
