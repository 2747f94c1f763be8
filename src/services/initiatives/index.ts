// The initiatives feature's use cases: what routes, the CLI and channels call.
export * from './initiatives.js';
export * from './meetings.js';
export * from './outcomes.js';
export * from './members.js';
