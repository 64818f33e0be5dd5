/**
 * The shipped content/: a full `generate` (load, validate, build into a temp dir, swap; target
 * ≤ 1 s), and in watch mode the time from saving one route file to its rebuilt page on disk
 * (fs.watch latency + debounce + re-reading that one file + re-rendering the pages it affects;
 * target ≤ 100 ms). Medians; the ratio compares the two in this same process.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../generator/lib/generate.ts';
import { startWatch, type RebuildReport } from '../generator/lib/watch.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FULL_RUNS = 5;
const INCREMENTAL_RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export default async function bench(): Promise<Record<string, number>> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'bench-incremental-'));
  const contentDir = path.join(tmp, 'content');
  const outDir = path.join(tmp, 'dist');
  await cp(path.join(ROOT, 'content'), contentDir, { recursive: true });
  try {
    await generate({ contentDir, outDir }); // warm up module and file caches
    const full: number[] = [];
    for (let i = 0; i < FULL_RUNS; i++) {
      const start = performance.now();
      const result = await generate({ contentDir, outDir });
      full.push(performance.now() - start);
      if (!result.ok) throw new Error('the shipped content has errors');
    }

    const watcher = await startWatch({ contentDir, outDir, log: () => {} });
    const routeFile = path.join(contentDir, 'routes/vgs-full.md');
    const original = await readFile(routeFile, 'utf8');
    const saveToPage: number[] = [];
    const buildOnly: number[] = [];
    try {
      for (let i = 0; i < INCREMENTAL_RUNS; i++) {
        const done = new Promise<RebuildReport>((resolve) => {
          const off = watcher.onRebuild((r) => {
            off();
            resolve(r);
          });
        });
        const start = performance.now();
        await writeFile(routeFile, `${original}\nEndring nummer ${i}.\n`);
        const report = await done;
        saveToPage.push(performance.now() - start);
        buildOnly.push(report.ms);
        if (!report.ok || !report.written.includes('site/ruter/vgs-full.html')) throw new Error('the incremental rebuild did not rewrite the route page');
      }
    } finally {
      await watcher.close();
    }
    const shippedFullBuildMs = median(full);
    const incrementalRebuildMs = median(saveToPage);
    return {
      shippedFullBuildMs,
      incrementalRebuildMs,
      incrementalLoadAndBuildMs: median(buildOnly),
      incrementalToFullRatio: incrementalRebuildMs / shippedFullBuildMs,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
