// The evidence feature's use cases: what routes, the CLI and channels call.
export * from './evidence.js';
export * from './inclusion.js';
