/**
 * content/ → dist/: load and validate everything, build into a temporary directory next to the
 * output, then swap it in. On any content error nothing is written and the previous output stays
 * exactly as it was.
 */
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IsoDate } from '../../shared/index.ts';
import { buildSite, SiteBuildError } from './build.ts';
import { ContentLoader } from './content/load.ts';
import type { ContentMessage, ContentModel } from './model.ts';

export interface GenerateOptions {
  /** Default "content". */
  contentDir?: string;
  /** Default "dist". */
  outDir?: string;
  /** Default: site.yaml's baseUrl. */
  baseUrl?: string;
  /** Date the veiviser evaluates the rules on (default: build.ts decides from the facts). */
  asOf?: IsoDate;
  /** Reuse a loader (watch mode keeps one, so unchanged files are not re-read). */
  loader?: ContentLoader;
}

export interface GenerateResult {
  ok: boolean;
  /** Errors (when !ok) and warnings, with positions. */
  messages: ContentMessage[];
  /** Files written, relative to outDir ("site/index.html", "bundle/rules.json"). */
  files: string[];
  outDir: string;
  model: ContentModel | null;
}

/** What buildSite writes below outDir; only these are replaced, anything else in outDir is left alone. */
export const OUTPUT_DIRS = ['site', 'bundle'] as const;

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const contentDir = path.resolve(options.contentDir ?? 'content');
  const outDir = path.resolve(options.outDir ?? 'dist');
  const loader = options.loader ?? new ContentLoader(contentDir);
  const { model, messages } = await loader.load();
  if (!model) return { ok: false, messages, files: [], outDir, model: null };

  const parent = path.dirname(outDir);
  const temp = await mkdtemp(path.join(parent, `.${path.basename(outDir)}-new-`));
  try {
    const built = await buildSite(model, {
      outDir: temp,
      baseUrl: options.baseUrl ?? model.site.baseUrl,
      sourceRoot: path.dirname(contentDir),
      ...(options.asOf ? { asOf: options.asOf } : {}),
    });
    await swapIn(temp, outDir);
    return { ok: true, messages: [...messages, ...built.messages], files: built.files, outDir, model };
  } catch (error) {
    if (error instanceof SiteBuildError) return { ok: false, messages: [...messages, ...error.messages], files: [], outDir, model };
    throw error;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Moves temp/site and temp/bundle into outDir: the old directory is renamed away first, the new
 * one renamed in (one rename each, so a reader sees the old or the new tree, never a mix within
 * one directory), then the old one is removed. If a rename fails, the old directory is put back.
 */
async function swapIn(temp: string, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const name of OUTPUT_DIRS) {
    const fresh = path.join(temp, name);
    if (!(await exists(fresh))) continue;
    const target = path.join(outDir, name);
    const old = path.join(temp, `${name}.old`);
    const hadOld = await exists(target);
    if (hadOld) await rename(target, old);
    try {
      await rename(fresh, target);
    } catch (error) {
      if (hadOld) await rename(old, target);
      throw error;
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
