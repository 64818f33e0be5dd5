/**
 * The import zones in eslint.config.js, checked with ESLint's own API on small in-memory files
 * placed (by filePath) where a real module would live.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The import-zone messages ESLint reports for `code` as if it were the file at `filePath`. */
async function zoneErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [];\n`, { filePath: path.resolve(filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint keeps the core and the two faces apart', () => {
  it.each([
    ['the generator imports the extension', 'generator/lib/pages/x.ts', "import { scanAndHighlight } from '../../../extension/utils/scan.ts';", /generator never imports the extension/],
    ['the extension imports the generator', 'extension/utils/x.ts', "import { buildSite } from '../../generator/lib/build.ts';", /extension never imports the generator/],
    ['the core imports the extension', 'shared/lib/x.ts', "import { MSG } from '../../extension/utils/messages.ts';", /core imports neither face/],
    ['the core imports the generator', 'shared/lib/x.ts', "import { generate } from '../../generator/index.ts';", /core imports neither face/],
    ['the core imports Node', 'shared/lib/x.ts', "import { readFileSync } from 'node:fs';", /pure TypeScript/],
    ['a face reaches into the core', 'generator/cli/x.ts', "import { fit } from '../../shared/lib/fit.ts';", /through shared\/index\.ts/],
    ['the generator uses the content-script entry', 'generator/cli/x.ts', "import { findTitles } from '../../shared/content-script.ts';", /through shared\/index\.ts/],
    ['the popup reaches into the core', 'extension/utils/x.ts', "import type { Profile } from '../../shared/lib/types.ts';", /through shared\/index\.ts/],
    ['the content script imports the whole core', 'extension/entrypoints/content/x.ts', "import { readAd } from '../../../shared/index.ts';", /size-budgeted/],
  ])('fails when %s', async (_what, filePath, code, message) => {
    const errors = await zoneErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['the generator uses the core', 'generator/lib/pages/x.ts', "import { fit, type Route } from '../../../shared/index.ts';"],
    ['the popup uses the core', 'extension/utils/x.ts', "import { traceSteps } from '../../shared/index.ts';"],
    ['the content script uses its entry', 'extension/utils/scan.ts', "import { findTitles, type Mention } from '../../shared/content-script.ts';"],
    ['the content script takes types from the index', 'extension/adapters/x.ts', "import type { AdSource } from '../../shared/index.ts';"],
    ['the core uses itself', 'shared/lib/x.ts', "import { findTitles } from './lexicon.ts';"],
    ['a test reaches anywhere', 'tests/unit/x.test.ts', "import { buildSite } from '../../generator/lib/build.ts';\nimport { fit } from '../../shared/lib/fit.ts';"],
  ])('passes when %s', async (_what, filePath, code) => {
    expect(await zoneErrors(filePath, code)).toEqual([]);
  });

  it('holds every file the content script bundles to the content-script entry', async () => {
    // Follow the content script's relative imports from its entrypoint, as the bundler would.
    const reached = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file) || !file.startsWith('extension/')) return;
      reached.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gm)) {
        visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec as string)));
      }
    };
    visit('extension/entrypoints/content/index.ts');
    expect(reached.size).toBeGreaterThan(3);
    for (const file of reached) {
      expect(await zoneErrors(file, "import { readAd } from '../../shared/index.ts';"), file).toEqual([expect.stringMatching(/size-budgeted/)]);
    }
  });
});
