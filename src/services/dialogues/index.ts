// The dialogues feature's use cases: what routes, the CLI and channels call.
export * from './dialogues.js';
export * from './live.js';
export * from './participation.js';
export * from './polis.js';
export * from './results.js';
export * from './join-links.js';
export * from './translations.js';
