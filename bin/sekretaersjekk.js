#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx sekretaersjekk` needs no compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
