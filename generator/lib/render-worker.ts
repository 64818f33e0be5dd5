/**
 * A render worker: plans the same page list as the main thread (plannedOutputs is deterministic)
 * and renders chunks of it until the shared counter runs out. See render-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { plannedOutputs, renderRange, type Output } from './build.ts';
import type { JobMessage, WorkerMessage } from './render-pool.ts';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs in a worker thread');
const send = (message: WorkerMessage): void => port.postMessage(message);

port.on('message', (job: JobMessage) => {
  try {
    const counter = new Int32Array(job.counter);
    const total = job.files.length;
    const chunks = Math.ceil(total / job.chunk);
    let chosen: Output[] | null = null;
    // Joining late (still starting while the main thread rendered it all) costs nothing.
    while (Atomics.load(counter, 0) < chunks) {
      if (!chosen) {
        chosen = plannedOutputs(job.model, job.opts).chosen;
        if (chosen.length !== total || chosen.some((o, i) => o.file !== job.files[i])) throw new Error('the worker planned other pages than the main thread');
      }
      const c = Atomics.add(counter, 0, 1);
      if (c >= chunks) break;
      send({ id: job.id, type: 'chunk', index: c, pages: renderRange(chosen, c * job.chunk, Math.min(total, (c + 1) * job.chunk)) });
    }
    send({ id: job.id, type: 'done' });
  } catch (error) {
    send({ id: job.id, type: 'error', message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
  }
});
