// Entry point of a render worker (see render-pool.ts): worker threads do not inherit the main
// thread's TypeScript loader, so register tsx here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
