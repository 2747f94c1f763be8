import type { Kysely } from 'kysely';
import { systemAuth } from '../security/auth.js';
import { loadMasterKey, masterKeySourceFromEnv } from '../security/master-key.js';
import { createVaultKeys, type VaultKeys } from '../security/vault.js';
import { actingAccount } from '../services/accounts/index.js';
import type { ServiceContext } from '../services/context.js';
import { createDatabase, migrateToLatest, type DialectName } from '../store/database.js';
import type { Database } from '../store/schema.js';

/** The help of every command's `--database <url>` option. */
export const databaseHelp = 'database URL (default: TRACKTWO_DATABASE_URL, then sqlite:./data/tracktwo.db)';

/** Opens and migrates the database for one command, and closes it however the work ends. */
export async function withDatabase<T>(
  url: string | undefined,
  work: (db: Kysely<Database>, dialect: DialectName) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const store = createDatabase(url);
  try {
    if (options.migrate !== false) await migrateToLatest(store.db);
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

/**
 * The operator's context for use cases that read no names (accounts, the audit log): the master key is
 * loaded only if a use case opens the vault, so these commands work without one, as they always have.
 * `migrate: false` for read-only commands, which must change nothing in the database.
 */
export function withOperator<T>(
  url: string | undefined,
  work: (services: ServiceContext) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  return withDatabase(url, (db, dialect) => work(operatorContext(db, dialect)), options);
}

function operatorContext(db: Kysely<Database>, dialect: DialectName): ServiceContext {
  let keys: VaultKeys | undefined;
  return {
    db,
    dialect,
    // Never a new key here: these commands append audit rows, which must be keyed with the server's key.
    get keys() {
      keys ??= createVaultKeys(loadMasterKey(masterKeySourceFromEnv(), { create: false }).key);
      return keys;
    },
    auth: systemAuth('command line'),
  };
}

/**
 * The context of a command acting as an account, never as the system: a token's account, or (for the
 * operator, who holds the database) the account of an email. The master key is loaded once it is known
 * who acts.
 */
export function withAccount<T>(
  url: string | undefined,
  who: { token: string } | { email: string },
  work: (services: ServiceContext) => Promise<T>,
): Promise<T> {
  return withDatabase(url, async (db, dialect) => {
    const auth = await actingAccount(operatorContext(db, dialect), who);
    return work({ db, dialect, keys: operatorKeys(), auth });
  });
}
