// The release contract: the version lives in package.json, CHANGELOG.md has its section, and the
// release workflow runs the tests and attaches exactly the zips `npm run build` makes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const read = (f: string): string => readFileSync(path.join(ROOT, f), 'utf8');
const { version, scripts } = JSON.parse(read('package.json')) as { version: string; scripts: Record<string, string> };

describe('release', () => {
  it('CHANGELOG.md has a section for the version in package.json', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });

  it('the workflow runs on v* tags, tests before it builds, and attaches the three zips', () => {
    const workflow = read('.github/workflows/release.yml');
    expect(workflow).toMatch(/tags: \['v\*'\]/);
    const test = workflow.indexOf('run: npm test');
    expect(test).toBeGreaterThan(workflow.indexOf('run: npm ci'));
    expect(workflow.indexOf('gh release create')).toBeGreaterThan(test);
    for (const zip of ['chrome', 'firefox', 'sources']) expect(workflow).toContain(`.output/sekretaersjekk-"$version"-${zip}.zip`);
    expect(scripts['build:ext']).toContain('wxt zip -b firefox');
    expect(workflow).toContain('npx wxt submit');
  });
});
