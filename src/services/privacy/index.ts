// Retention and location precision: what routes, the CLI, the server's schedule and other services call.
export * from './settings.js';
export * from './retention.js';
export * from './schedule.js';
export { coarsenActorInput, coarsenMeetingInput, coarsenStoredPlaces } from './location.js';
