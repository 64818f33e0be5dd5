import { fileURLToPath } from 'node:url';
import { fit, parseProfile, readText } from '../../shared/index.ts';
import { loadContent } from '../lib/content/load.ts';
import { formatMessage } from '../lib/content/messages.ts';
import { parseOptions, readInput } from './args.ts';
import { UsageError } from './errors.ts';
import { renderVerdictText } from './render-verdict.ts';
import type { Command } from './index.ts';

const BUNDLED_CONTENT = fileURLToPath(new URL('../../content', import.meta.url));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const command: Command = {
  name: 'fit',
  summary: 'passer profilen til annonsen?',
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      profile: { type: 'string' },
      json: { type: 'boolean', default: false },
      content: { type: 'string' },
      'as-of': { type: 'string' },
    });
    if (!values.profile) throw new UsageError('mangler --profile PROFIL.json');
    if (positionals.length > 1) throw new UsageError('gi én annonsefil (eller - for standard inn)');
    const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
    if (!ISO_DATE.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of må være en dato som 2026-11-28, fikk «${asOf}»`);

    const profileText = await readInput(values.profile);
    let profileData: unknown;
    try {
      profileData = JSON.parse(profileText);
    } catch (error) {
      throw new UsageError(`profilen «${values.profile}» er ikke gyldig JSON: ${(error as Error).message}`);
    }
    const parsed = parseProfile(profileData);
    if (!parsed.ok) throw new UsageError(`profilen «${values.profile}» er ugyldig:\n  ${parsed.errors.join('\n  ')}`);

    const ad = await readInput(positionals[0] ?? '-');
    const { model, messages } = await loadContent(values.content ?? BUNDLED_CONTENT);
    if (!model) throw new UsageError(`innholdet har feil:\n${messages.map(formatMessage).join('\n')}`);

    const verdict = fit(parsed.profile, readText(ad), asOf, model.rules);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ verdict: verdict.verdict, route: verdict.route, reasons: verdict.reasons, trace: verdict.trace, asOf: verdict.asOf })}\n`);
    } else {
      process.stdout.write(`${renderVerdictText(verdict, 'nb', Object.fromEntries(model.rules.routes.map((r) => [r.id, r.title])))}\n`);
    }
    return 0;
  },
};
