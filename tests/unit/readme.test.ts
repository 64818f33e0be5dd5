// The README is the contract with newcomers and editors: it must name every board adapter (file and
// row), the two fresh-machine commands, every CLI command and every npm script it promises.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README', () => {
  it('documents every board adapter by its file', () => {
    const adapters = readdirSync(path.join(ROOT, 'extension/adapters')).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f));
    expect(adapters.length).toBeGreaterThanOrEqual(6);
    for (const file of adapters) expect(readme, file).toContain(`extension/adapters/${file}`);
  });

  it('gives the two commands for a fresh machine, and they exist', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm test');
    for (const script of ['build', 'test', 'bench', 'typecheck', 'lint']) expect(Object.keys(pkg.scripts)).toContain(script);
    expect(readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('shows every CLI command', () => {
    const commands = readdirSync(path.join(ROOT, 'generator/cli')).filter((f) => !['index.ts', 'args.ts', 'errors.ts'].includes(f));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const file of commands) expect(readme).toContain(`npx sekretaersjekk ${file.replace(/\.ts$/, '')}`);
  });

  it('links only screenshots that exist', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) expect(() => readFileSync(path.join(ROOT, image)), image).not.toThrow();
  });
});
