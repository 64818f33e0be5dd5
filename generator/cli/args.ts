import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.ts';

/** parseArgs with user-facing (Norwegian) errors instead of Node's TypeError. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`ugyldig valg: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads a file, or standard input for "-". Errors name the file. */
export async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'finnes ikke' : code === 'EISDIR' ? 'er en mappe' : code === 'EACCES' ? 'kan ikke leses (tilgang nektet)' : `kan ikke leses (${code ?? 'ukjent feil'})`;
    throw new UsageError(`filen «${file}» ${why}`);
  }
}
