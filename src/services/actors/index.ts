// The actors feature's use cases: what routes, the CLI and channels call.
export * from './actors.js';
export * from './tie-visibility.js';
export * from './ties.js';
