/**
 * The `sekretaersjekk` CLI: one file per command, registered here.
 * Exit codes: 0 ok, 1 content errors or an internal error (a bug here), 2 bad input or usage.
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

import { UsageError } from './errors.ts';

export { UsageError };

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
  return runCommand(await load(), rest);
}

/** Where to report a bug in the tool itself. */
export const REPORT_HINT = 'Dette er en feil i sekretaersjekk, ikke i det du ga den. Meld den gjerne (GitHub-issue) med kommandoen du kjørte og meldingen over.';

/**
 * Runs one command. Bad input (UsageError) is the user's to fix: one line, exit 2. Anything else is
 * our bug: say so, show the stack for the report, exit 1 — never blame the user's input for it.
 */
export async function runCommand(command: Command, argv: string[]): Promise<number> {
  try {
    return await command.run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`sekretaersjekk ${command.name}: ${error.message}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    process.stderr.write(`sekretaersjekk ${command.name}: intern feil (internal error)\n${detail}\n${REPORT_HINT}\n`);
    return 1;
  }
}
