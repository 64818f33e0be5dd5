/** The generator's library: content loading and validation, site build, generate and watch. */
export * from './lib/model.ts';
export * from './lib/content/load.ts';
export * from './lib/content/messages.ts';
export * from './lib/content/markdown.ts';
export * from './lib/content/schemas.ts';
export * from './lib/build.ts';
export * from './lib/generate.ts';
export * from './lib/watch.ts';
