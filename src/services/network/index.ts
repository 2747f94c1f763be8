// The network feature's use cases: what routes, the CLI and channels call.
export * from './analysis.js';
export * from './betweenness.js';
export * from './graph-columns.js';
export * from './map.js';
export * from './measure-cache.js';
export * from './options.js';
export * from './questions.js';
