// The Track-I timeline, peace indicators and resources (issue #15): what routes and the CLI call.
export * from './track-one.js';
