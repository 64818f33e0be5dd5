// The rules core's public API. Each module lives in lib/; this file only re-exports.
export * from './lib/types.ts';
export * from './lib/lexicon.ts';
export * from './lib/source/index.ts';
export * from './lib/read.ts';
export * from './lib/profile.ts';
export * from './lib/predicates.ts';
export * from './lib/reasons.ts';
export * from './lib/fit.ts';
export * from './lib/trace.ts';
export { EFFECT_LABELS, VERDICT_LABELS, type Texts } from './lib/explain.ts';
export * from './lib/route-choice.ts';
