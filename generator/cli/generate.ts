/**
 * `sekretaersjekk generate [--content DIR] [--out DIR] [--base-url URL] [--watch [--serve [--port N]]]`
 * Exit codes: 0 built, 1 content errors (nothing written) or an internal error, 2 bad options.
 */
import path from 'node:path';
import { formatMessage } from '../lib/content/messages.ts';
import { generate } from '../lib/generate.ts';
import { startWatch } from '../lib/watch.ts';
import { parseOptions } from './args.ts';
import { UsageError } from './errors.ts';
import type { Command } from './index.ts';

const DEFAULT_PORT = 8080;

function checkBaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`ugyldig --base-url «${url}»: forventet en absolutt adresse som https://sekretaersjekk.no/`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new UsageError(`ugyldig --base-url «${url}»: adressen må begynne med https:// eller http://`);
  }
  return url;
}

function checkPort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`ugyldig --port «${text}»: forventet et tall fra 0 til 65535`);
  return port;
}

export const command: Command = {
  name: 'generate',
  summary: 'bygg nettsidene og regelpakken fra content/',
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      'base-url': { type: 'string' },
      watch: { type: 'boolean', default: false },
      serve: { type: 'boolean', default: false },
      port: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`uventet argument «${positionals[0]}» (bruk --content DIR og --out DIR)`);
    if (values.serve && !values.watch) throw new UsageError('--serve krever --watch');
    if (values.port !== undefined && !values.serve) throw new UsageError('--port krever --serve');
    const baseUrl = values['base-url'] === undefined ? undefined : checkBaseUrl(values['base-url']);
    const port = values.port === undefined ? DEFAULT_PORT : checkPort(values.port);
    const contentDir = values.content;
    const outDir = values.out;

    if (values.watch) {
      const watcher = await startWatch({
        contentDir,
        outDir,
        ...(baseUrl ? { baseUrl } : {}),
        ...(values.serve ? { port } : {}),
      }).catch((error: NodeJS.ErrnoException) => {
        // A port someone else holds is the user's to change, not a bug here.
        if (error.code === 'EADDRINUSE') throw new UsageError(`porten ${port} er i bruk; velg en annen med --port N`);
        if (error.code === 'EACCES') throw new UsageError(`porten ${port} krever rettigheter du ikke har; velg en annen med --port N`);
        throw error;
      });
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await watcher.close();
      return 0;
    }

    const started = performance.now();
    const result = await generate({ contentDir, outDir, ...(baseUrl ? { baseUrl } : {}) });
    const errors = result.messages.filter((m) => m.severity === 'error');
    const warnings = result.messages.filter((m) => m.severity === 'warning');
    for (const m of result.messages) process.stderr.write(`${formatMessage(m)}\n`);
    const shownOut = path.relative(process.cwd(), result.outDir) || '.';
    if (!result.ok) {
      process.stderr.write(
        `${errors.length} feil i ${contentDir}/. Ingenting er skrevet; ${shownOut}/ er som før.\n`,
      );
      return 1;
    }
    const pages = result.files.filter((f) => f.endsWith('.html')).length;
    const model = result.model;
    process.stdout.write(
      `Bygget ${pages} sider og ${result.files.length - pages} andre filer i ${shownOut}/ på ${Math.round(performance.now() - started)} ms` +
        (model ? ` (${model.rules.routes.length} ruter, ${model.rules.facts.length} fakta, ${model.changes.length} endringer)` : '') +
        `${warnings.length ? `, ${warnings.length} advarsler` : ''}.\n`,
    );
    return 0;
  },
};
