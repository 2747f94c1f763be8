// The demo feature's use cases: what routes, the CLI and channels call.
export * from './dialogue.js';
export * from './surveys.js';
export * from './workspace.js';
