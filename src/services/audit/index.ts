// The audit feature's use cases: what the CLI (and any route) calls.
export * from './audit.js';
