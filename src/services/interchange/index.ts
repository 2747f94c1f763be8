// The interchange feature's use cases: what routes, the CLI and channels call.
export * from './export-actor-map.js';
export * from './export-graph.js';
export * from './export-kumu.js';
export * from './export-research-tables.js';
export * from './export-research.js';
export * from './export-workspace-json.js';
export * from './import-kumu.js';
export * from './import-workspace-json.js';
