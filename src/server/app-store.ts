import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** What the server needs of the store: the database and which engine it runs on. */
export interface AppStore {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
}
