// The surveys feature's use cases: what routes, the CLI and channels call.
export * from './export.js';
export * from './import.js';
export * from './responses.js';
export * from './scores.js';
export * from './surveys.js';
export * from './join-links.js';
export * from './translations.js';
