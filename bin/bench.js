#!/usr/bin/env node
// Runs every bench/*.bench.ts (or those named on the command line) in this one process and prints
// their figures. Each bench returns plain numbers; ratios are measured against a baseline in the
// same run, so the figures compare like with like on whatever machine runs them.
import { register } from 'tsx/esm/api';
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const dir = fileURLToPath(new URL('../bench/', import.meta.url));
const wanted = process.argv.slice(2);
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const results = {};
let failed = false;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stderr.write(`bench ${name} …\n`);
  try {
    // The path comes from our own bench/ folder, never from page text.
    // eslint-disable-next-line no-unsanitized/method
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    results[name] = await mod.default();
  } catch (error) {
    failed = true;
    results[name] = { error: error instanceof Error ? error.message : String(error) };
  }
}
for (const [name, figures] of Object.entries(results)) {
  console.log(`\n${name}`);
  for (const [key, value] of Object.entries(figures)) {
    console.log(`  ${key.padEnd(40)} ${typeof value === 'number' ? Number(value.toPrecision(4)) : value}`);
  }
}
if (process.env.BENCH_JSON) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(process.env.BENCH_JSON, `${JSON.stringify(results, null, 2)}\n`);
}
process.exitCode = failed ? 1 : 0;
