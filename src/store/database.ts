import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { DATABASE_URL_VARIABLE, parseDatabaseUrl } from './database-url.js';
import { engineNamed, type CreateDatabaseOptions, type StoreHandle } from './engine/index.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type { DialectName } from './database-url.js';
export type { CreateDatabaseOptions, StoreHandle } from './engine/index.js';

/**
 * Opens the store named by `url` (default: `TRACKTWO_DATABASE_URL`, then `sqlite:./data/tracktwo.db`)
 * on its engine (src/store/engine).
 */
export function createDatabase(
  url: string | undefined = process.env[DATABASE_URL_VARIABLE],
  options: CreateDatabaseOptions = {},
): StoreHandle {
  const location = parseDatabaseUrl(url);
  return engineNamed(location.dialect).open(location, options);
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws the first failure (nothing half-applied stays on PostgreSQL). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
