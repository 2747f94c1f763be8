/** Every record of the foundation, in one import. */
export * from './vocabulary.js';
export * from './scalars.js';
export * from './workspace.js';
export * from './conflict.js';
export * from './actor.js';
export * from './tie.js';
export * from './initiative.js';
export * from './meeting.js';
export * from './outcome.js';
