import type { Migration } from 'kysely';

/** One migrations folder for SQLite and PostgreSQL, applied in name order. */
export const migrations: Record<string, Migration> = {};
