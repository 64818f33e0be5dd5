/**
 * Renders a large build's pages on several threads: the main thread and N workers
 * (node:worker_threads) take chunks of the same page list from one shared counter, so a slow or
 * late thread simply takes fewer. Pages are a pure function of the model, so the bytes are the same
 * whichever thread renders a page; results are put back in page order.
 *
 * Workers are started on first use and kept (unreferenced, so they never keep the process alive)
 * for the next large build; starting one costs a few hundred ms (it loads the generator through
 * tsx), and the main thread renders meanwhile instead of waiting for it.
 */
import { Worker } from 'node:worker_threads';
import type { BuildOptions, RenderedOutput } from './build.ts';
import type { ContentModel } from './model.ts';

/** What a worker needs to plan the same page list as the main thread. */
export interface ParallelJob {
  model: ContentModel;
  /** With `workers: 0`. */
  opts: BuildOptions;
  /** The chosen outputs' files, in order (a worker checks its own plan against them). */
  files: string[];
}

/** main → worker */
export interface JobMessage extends ParallelJob {
  id: number;
  chunk: number;
  /** Int32Array(1): the next chunk to take. */
  counter: SharedArrayBuffer;
}

/** worker → main */
export type WorkerMessage =
  | { id: number; type: 'chunk'; index: number; pages: RenderedOutput[] }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; message: string; stack?: string };

/** Pages per chunk: small enough to balance two threads, large enough that messages stay few. */
const CHUNK = 16;
/** Idle workers are stopped after this long. */
const IDLE_MS = 60_000;

const BOOT = new URL('./render-worker.mjs', import.meta.url);

interface Participant {
  /** Settles when the worker said done, failed, or exited. */
  settled: Promise<void>;
  release(): void;
}

class PoolWorker {
  private readonly worker: Worker;
  private listener: ((message: WorkerMessage) => void) | null = null;
  private onExit: (() => void) | null = null;
  alive = true;

  constructor() {
    this.worker = new Worker(BOOT, { execArgv: [], stdout: false, stderr: false });
    this.worker.unref();
    this.worker.on('message', (message: WorkerMessage) => this.listener?.(message));
    this.worker.on('error', () => this.exited());
    this.worker.on('exit', () => this.exited());
  }

  private exited(): void {
    this.alive = false;
    this.onExit?.();
  }

  join(job: JobMessage, onChunk: (index: number, pages: RenderedOutput[]) => void, onError: (error: Error) => void): Participant {
    let release = (): void => {};
    const settled = new Promise<void>((resolve) => {
      const finish = (): void => {
        this.listener = null;
        this.onExit = null;
        this.worker.unref();
        resolve();
      };
      release = finish;
      this.onExit = finish;
      this.listener = (message) => {
        if (message.id !== job.id) return; // a late answer to an earlier build
        if (message.type === 'chunk') onChunk(message.index, message.pages);
        else if (message.type === 'error') {
          const error = new Error(message.message);
          if (message.stack) error.stack = message.stack;
          onError(error);
          finish();
        } else finish();
      };
    });
    this.worker.ref();
    this.worker.postMessage(job);
    return { settled, release };
  }

  terminate(): void {
    this.alive = false;
    void this.worker.terminate();
  }
}

const workers: PoolWorker[] = [];
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;

function take(count: number): PoolWorker[] {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  for (let i = workers.length - 1; i >= 0; i--) if (!workers[i]?.alive) workers.splice(i, 1);
  while (workers.length < count) workers.push(new PoolWorker());
  return workers.slice(0, count);
}

function idle(): void {
  idleTimer = setTimeout(() => {
    for (const w of workers.splice(0)) w.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}

/** Stops the pool's workers now (tests; the pool also stops itself when idle). */
export function stopRenderWorkers(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  for (const w of workers.splice(0)) w.terminate();
}

/**
 * Renders outputs 0 … job.files.length-1 with `threads` workers plus this thread (`renderHere`;
 * with `helpHere` false this thread only waits), returning them in order. A worker that dies leaves
 * its chunks to this thread; an exception while rendering is thrown here, as without workers.
 */
export async function renderInParallel(
  job: ParallelJob,
  threads: number,
  renderHere: (from: number, to: number) => RenderedOutput[],
  helpHere = true,
): Promise<RenderedOutput[]> {
  const total = job.files.length;
  const chunks = Math.ceil(total / CHUNK);
  const results: (RenderedOutput[] | undefined)[] = new Array(chunks);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const range = (c: number): [number, number] => [c * CHUNK, Math.min(total, (c + 1) * CHUNK)];
  let filled = 0;
  let failure: Error | null = null;
  let allFilled: () => void = () => {};
  const complete = new Promise<void>((resolve) => (allFilled = resolve));
  const fill = (index: number, pages: RenderedOutput[]): void => {
    if (results[index] || index < 0 || index >= chunks) return;
    results[index] = pages;
    if (++filled === chunks) allFilled();
  };

  const message: JobMessage = { ...job, id: nextId++, chunk: CHUNK, counter: counter.buffer as SharedArrayBuffer };
  const participants = take(threads).map((w) =>
    w.join(message, fill, (error) => {
      failure ??= error;
      Atomics.store(counter, 0, chunks); // nobody takes more work
      allFilled();
    }),
  );
  try {
    if (helpHere) for (let c = Atomics.add(counter, 0, 1); c < chunks; c = Atomics.add(counter, 0, 1)) fill(c, renderHere(...range(c)));
  } catch (error) {
    Atomics.store(counter, 0, chunks);
    throw error;
  } finally {
    // Wait for chunks the workers are still rendering, or for every worker to be gone.
    if (filled < chunks) await Promise.race([complete, Promise.all(participants.map((p) => p.settled))]);
    for (const p of participants) p.release();
    idle();
  }
  if (failure) throw failure;
  // Chunks a worker took but never delivered (it exited) are rendered here.
  for (let c = 0; c < chunks; c++) if (!results[c]) fill(c, renderHere(...range(c)));
  const pages = results.flatMap((r) => r ?? []);
  pages.forEach((page, i) => {
    if (page.file !== job.files[i]) throw new Error(`worker rendered ${page.file} where ${job.files[i]} was expected`);
  });
  return pages;
}
