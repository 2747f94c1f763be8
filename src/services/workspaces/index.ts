// The workspaces feature's use cases: what routes, the CLI and channels call.
export * from './conflicts.js';
export * from './workspaces.js';
