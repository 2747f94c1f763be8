// The accounts feature's use cases: what routes, the CLI and channels call.
export * from './auth.js';
export * from './first-run.js';
export * from './password.js';
export * from './administration.js';
export * from './second-factor.js';
export * from './invitations.js';
