// The emergency erasure feature's use cases: what routes and the CLI call.
export * from './erasure.js';
