// The backup feature's use cases: an encrypted online snapshot of the database and its restore.
export * from './backup.js';
