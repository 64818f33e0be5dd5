// Every fact id the product cites exists in content/facts.yaml: reasons (the registry), predicates,
// routes, parameters, and fact ids written in the code of the core and both faces (UI strings).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PREDICATES } from '../../shared/lib/predicates.ts';
import { ADVICE_NOTES, SITUATIONS } from '../../shared/lib/route-choice.ts';
import { getReason, REASONS, type AuthorisationSituation, type ForeignRegion } from '../../shared/lib/reasons.ts';
import type { Rules } from '../../shared/lib/types.ts';
import { loadShippedRules } from '../helpers/rules.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let rules: Rules;
let known: Set<string>;
beforeAll(async () => {
  rules = await loadShippedRules();
  known = new Set(rules.facts.map((f) => f.id));
});

const missing = (ids: Iterable<string>): string[] => [...ids].filter((id) => !known.has(id));

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...(await sourceFiles(full)));
    } else if (/\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('fact ids', () => {
  it('every reason in the registry cites facts that exist', () => {
    for (const [id, reason] of Object.entries(REASONS)) expect(missing(reason.facts), id).toEqual([]);
  });

  it('what a reason cites for given values is among its declared facts', () => {
    const situations: AuthorisationSituation[] = ['norwegian', 'norwegian-vitnemal', 'foreign-complete', 'foreign-partial', 'foreign-medical-secretary'];
    const regions: ForeignRegion[] = ['nordic', 'eu-eea', 'uk', 'switzerland', 'other'];
    const cited = (id: string, ...params: unknown[]): readonly string[] => getReason(id)!.cites!(...params);
    for (const s of situations) expect(getReason('authorisation-required-missing')!.facts).toEqual(expect.arrayContaining([...cited('authorisation-required-missing', s)]));
    for (const r of regions) expect(getReason('education-abroad-needs-approval')!.facts).toEqual(expect.arrayContaining([...cited('education-abroad-needs-approval', r, 3)]));
    expect(cited('authorisation-required-missing', 'foreign-partial')).toEqual(['F-10', 'F-51']);
  });

  it('every predicate, situation, advice note, route, route step and parameter cites facts that exist', () => {
    for (const p of PREDICATES) expect(missing(p.facts), `predicate ${p.name}`).toEqual([]);
    for (const s of SITUATIONS) expect(missing(s.facts), `situation ${s.id}`).toEqual([]);
    for (const n of ADVICE_NOTES) expect(missing(n.facts), `advice ${n.id}`).toEqual([]);
    for (const r of rules.routes) {
      expect(missing(r.facts), `route ${r.id}`).toEqual([]);
      for (const step of r.steps) expect(missing(step.facts), `route ${r.id} step ${step.id}`).toEqual([]);
    }
    for (const p of rules.parameters) expect(missing(p.facts), `parameter ${p.id}`).toEqual([]);
  });

  it('every fact id written as a string in the core, the extension and the generator exists', async () => {
    const files = (await Promise.all(['shared', 'extension', 'generator'].map((dir) => sourceFiles(path.join(ROOT, dir))))).flat();
    const found = new Map<string, string>();
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(/['"`](F-\d{2})['"`]/g)) found.set(m[1]!, path.relative(ROOT, file));
    }
    expect(found.size).toBeGreaterThan(5);
    expect([...found].filter(([id]) => !known.has(id)).map(([id, file]) => `${id} (${file})`)).toEqual([]);
  });
});
