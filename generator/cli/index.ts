/**
 * The `sekretaersjekk` CLI: one file per command, registered here.
 * Exit codes: 0 ok, 1 findings/content errors, 2 bad input or usage.
 */
export interface Command {
  name: string;
  summary: string;
  run(argv: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./scan.ts')).command,
  fit: async () => (await import('./fit.ts')).command,
  generate: async () => (await import('./generate.ts')).command,
};

export { UsageError } from './errors.ts';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(
      'Bruk: sekretaersjekk <scan|fit|generate> [valg]\n' +
        '  scan [--json] [FIL ...]              finn titlene og kravene i stillingsannonser\n' +
        '  fit --profile PROFIL.json [--json] FIL   passer profilen til annonsen?\n' +
        '  generate [--content DIR] [--out DIR] [--base-url URL] [--watch --serve]\n',
    );
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`sekretaersjekk: ukjent kommando «${name}». Prøv --help.\n`);
    return 2;
  }
  try {
    return await (await load()).run(rest);
  } catch (error) {
    // Never a stack trace for the user: a clear message and exit code 2.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sekretaersjekk ${name}: ${message}\n`);
    return 2;
  }
}
