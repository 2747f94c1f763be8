import type { Kysely } from 'kysely';
import { systemAuth } from '../security/auth.js';
import { loadMasterKey, masterKeySourceFromEnv } from '../security/master-key.js';
import { createVaultKeys } from '../security/vault.js';
import type { ServiceContext } from '../services/context.js';
import { createDatabase, migrateToLatest, type DialectName } from '../store/database.js';
import type { Database } from '../store/schema.js';

/** The help of every command's `--database <url>` option. */
export const databaseHelp = 'database URL (default: TRACKTWO_DATABASE_URL, then sqlite:./data/tracktwo.db)';

/** Opens and migrates the database for one command, and closes it however the work ends. */
export async function withDatabase<T>(
  url: string | undefined,
  work: (db: Kysely<Database>, dialect: DialectName) => Promise<T>,
): Promise<T> {
  const store = createDatabase(url);
  try {
    await migrateToLatest(store.db);
    return await work(store.db, store.dialect);
  } finally {
    await store.close();
  }
}

/** The vault keys, from the master key the environment names. */
export function operatorKeys() {
  return createVaultKeys(loadMasterKey(masterKeySourceFromEnv()).key);
}

/** The operator at the command line holds the database and the master key: they act as the system. */
export function withServices<T>(
  url: string | undefined,
  work: (services: ServiceContext) => Promise<T>,
): Promise<T> {
  return withDatabase(url, (db, dialect) =>
    work({ db, dialect, keys: operatorKeys(), auth: systemAuth('command line') }),
  );
}
